/**
 * Trained as NLP.js's 'None' intent (out of scope). Without a None class the classifier
 * spreads all probability over the store's intents, so "what's the weather like" would come back
 * as a confident product question.
 *
 * Two kinds: store-independent chit-chat, and questions a shop customer plausibly asks that the
 * knowledge base does not answer (loyalty schemes, invoices, duties, fees, promised credits,
 * balances, payment methods, jobs…). The second kind matters most: those questions share words
 * with real intents ("order", "account", "shipping"), so without them the nearest intent's text
 * would be sent as if it answered. A store whose knowledge base does cover one of these topics
 * wins anyway: its own intent examples are closer than these generic ones.
 */
export const OFF_TOPIC_EXAMPLES: readonly string[] = [
  "what's the weather like today",
  'tell me a joke',
  'who is the president',
  'what is the meaning of life',
  'sing me a song',
  "what's 5 times 7",
  'write an essay for my homework',
  'who will win the world cup',
  'recommend a restaurant nearby',
  'translate this into spanish',
  "what's your favourite colour",
  'do you like pizza',
  'how old are you',
  "what's the latest news",
  'blah blah',
  'test',
  'asdf jkl',
  "let's talk about politics",
  'solve this equation for me',
  'what is bitcoin worth',
];

/** Plausible shop questions outside a typical support knowledge base (see above). */
export const UNCOVERED_SHOP_EXAMPLES: readonly string[] = [
  'how do I collect rewards points',
  'my points total is wrong',
  'when do my bonus points expire',
  'can I swap my member points for a voucher',
  'I need a proper tax invoice for my company',
  'please send a receipt for my purchase to my accountant',
  'can you add my VAT number to the bill',
  'who pays the import duties',
  'do I have to pay customs charges on delivery',
  'the delivery driver wanted extra money for taxes',
  'your colleague said I would receive a credit, nothing came',
  'I was offered a goodwill voucher on the phone and never got it',
  'the agent in the chat last time agreed to knock money off',
  'how much is left on my gift voucher',
  'my e-gift card shows the wrong amount',
  'what is this handling fee',
  'why was I charged a service fee',
  'can you take off the surcharge',
  'do you take apple pay',
  'can I split the payment into monthly parts',
  'do you do buy now pay later',
  'are there any job openings',
  'do you sell in bulk to retailers',
  'is the product covered by a guarantee',
  'how do I unsubscribe from your marketing emails',
  'do you have a physical showroom I can visit',
  'are your products ethically sourced',
  'do you donate to charity',
  'can I become a brand ambassador',
  'my membership status dropped from gold to basic',
  'my store credit vanished',
  'I want compensation for my trouble',
  'is there a discount for teachers or nurses',
  'why did the total go up at checkout',
];
