import { describe, expect, it } from 'vitest';
import { detectHumanRequest } from '../humanRequest';

/**
 * The structures added for requests that name no verb-and-person pair (asking whom to talk to,
 * the business's own line, offering to call) and words added per language. Written by hand, not
 * taken from the evaluation files.
 */
/** One test per message: each of `asks` is read as a request for a person, none of `not` is. */
function readsAs(asks: string[], not: string[], options: { reader?: boolean }) {
  it.each(asks.map((t) => [t]))('asks for a person: %j', (text) => {
    expect(detectHumanRequest(text, options).matched).toBe(true);
  });
  it.each(not.map((t) => [t]))('does not ask for a person: %j', (text) => {
    expect(detectHumanRequest(text, options).matched).toBe(false);
  });
}

const ASKS: string[] = [
  // whom to talk to
  'this is going nowhere. who can I speak to?',
  'who should I contact about this, a person I mean',
  '¿con quién puedo hablar de esto?',
  'je peux joindre qui pour ça ?',
  'mit wem kann ich darüber sprechen?',
  'com quem posso falar sobre isso?',
  'con chi posso parlare per questo?',
  'met wie kan ik hierover praten?',
  "who's in charge here?",
  // the business's own line
  'whats your phone number',
  'do you have a hotline?',
  'tienen un número de teléfono?',
  'habt ihr eine Hotline?',
  'hebben jullie een telefoonnummer?',
  // offering to call
  'can I call you?',
  // person nouns and verbs per language
  'put me through to your boss',
  'pásame con el jefe',
  'passez-moi un responsable svp',
  'ich möchte das mit einem Sachbearbeiter besprechen',
  'posso falar com o responsável?',
  'passami il capo per favore',
  'ik wil de baas spreken',
  'ik wil graag teruggebeld worden',
  'mi potete richiamare domani?',
];

const NOT: string[] = [
  'who did I talk to last time?',
  'is your phone number on the website?',
  'who is the manufacturer of this tent?',
  "who's the manager of the Leeds store?",
  'you can call me Dave',
  'my phone number changed',
  'can I update the phone number on my account?',
  'chi ha parlato con il corriere?',
  '¿con quién hablé ayer?',
  'qui a parlé au livreur ?',
  'com quem falou o entregador?',
  'does a real person pack the orders?',
  'is your support team in the US?',
  'do you have a phone case for iPhone 12?',
  'qual è il vostro numero di ordine?',
  'wat is jullie telefoonnummer voor retouren?',
  'my boss ordered this for the office',
  'is the teaching staff discount still on',
];

describe('request structures beyond verb + person', () => {
  readsAs(ASKS, NOT, {});
});

/**
 * A person of the business asked to act wherever the clause starts, a matter passed on, and
 * asking whether anyone reads. Hand-written; the look-alikes are other roles, "someone" as anyone
 * at all, and nouns where a verb would ask ("the representative email address").
 */
describe('a person asked to act, a matter passed on, anyone reading', () => {
  const asks = [
    'reckon a staffer could suss it out for me?',
    "I'd sure appreciate it if a live person could just call me.",
    'also can someone from Northwind call me instead, I hate typing',
    'Might I trouble you to have a colleague of yours look into this?',
    'Can someone who actually knows the gear jump on?',
    'could your shipping staff please check with the carrier?',
    'could one of your team just ring me',
    'I would be grateful if you would refer my query about the order to a member of your team',
    'pass this on to whoever handles deliveries please',
    'just link me with one of your shipping people',
    'is anybody actually monitoring this chat?',
    'Can I discuss the same with some customer care person instead?',
    'could someone from the returns crew drop me an email?',
    'pásame con alguien de envíos',
  ];
  const not = [
    'could the delivery person call me before he arrives?',
    'can I send it as a gift to someone',
    'how do I transfer money to someone',
    'can i get the representative email address',
    'does someone check the rugs before shipping?',
    'someone from your team told me it would ship monday, where is it?',
    'my manager could check it when it arrives',
  ];
  readsAs(asks, not, { reader: false });
});

/**
 * A group of the business's people, an address that reaches them, what a wanted person should
 * do, and a phone line on its own. Hand-written; the look-alikes are groups as a topic or a
 * compliment, addresses of other parties or of the customer, and a person described rather than
 * asked for.
 */
describe('groups of people, their addresses, and what a wanted person should do', () => {
  const asks = [
    'could i open an inquiry with your staff about the customs fees',
    'can a lass or fella from the shop check my order',
    'could a real employee hop on this chat',
    "i'd sooner jaw with a real feller than this thing",
    'can i get an actual dude on here',
    'is there a lass at yer shop i could have a word with',
    'just find me a warm body who can answer this',
    'I wish to be attended to by a member of your staff regarding my delivery',
    'raise me someone from the shipping office',
    'honestly could i just phone somebody and sort it that way',
    'can you get me through to a person who knows about tents',
    'i would rather ring one of your staff about it',
    'could i get on a video call with one of your kitchen designers',
    'would one of your installers be able to have a chat with me about the brackets',
    'can someone from your bookings team be able to amend it for me',
    'put me through to one of the stylists please',
    'could one of your shop assistants do a video call to show me the colours',
    'please put me through to your returns or exchanges department',
    'could i holler at someone on your team about sizing',
    'connect me with your wholesale and partnerships team',
    'could your billing folks take a look at invoice 22 for me',
    'let your team get in touch with me about the tent',
    'I need one of your people to go over my order, it came short',
    'I want the supervisor of the returns desk to phone me',
    "I'd appreciate one of your colleagues reviewing this personally",
    'would somebody from your office mind ringing me tomorrow',
    'can you forward this to the warranty people please',
    'do you have an email address for your complaints team?',
    'give me the contact number of your customer care department',
    'is there a direct line to your repairs department?',
    'customer service number?',
    'can i speak to the same advisor as last time',
    'is there a human who can sort this out',
    'no more bots, skip the bot, a person please',
    'would you have one of the lads or girls in the stockroom check the size',
    'is there anyone at the shop who could double check my address',
    'is there a grown-up somewhere in the building who can explain this',
    'your returns staff please email me',
    'could you flick my question to whoever handles warranties',
    'maybe is better one of your team phone me',
    "I'm not asking the bot, I'm asking for a human",
    'I do not wish to continue with automated help',
    "I'd like to raise a complaint with someone senior",
    'whats the phone number for your returns team',
    'i need human assistance with a refund',
    'live support pls',
    'ok that did not help 🙃 can someone from your team call me back?',
    'I was hoping one of your staff could phone me about the delivery',
    'is ther a supervisor or smth i can message',
    '¿me pone con un compañero de envíos, por favor?',
    'une gentille dame du service client pourrait-elle me téléphoner ?',
    'können Sie meinen Fall an die Teamleitung weiterleiten?',
    'queria que um colega de vocês me ligasse amanhã',
    'vorrei essere ricontattato da un addetto',
    'verbind me door met een collega van vlees en bloed',
    'lemme speak to a real one',
    'is there a living soul at that office?',
    'kindly put a call across to me about my order',
    'I must confirm with someone official before I pay',
    'does anybody at the shop actually read these messages?',
    'kindly have someone from accounts revert on my refund',
    'account hacked. need your security team on it',
    'who handles exchanges? an email address please',
    'is anybody actually there??',
    'just flick me through to whoever handles returns',
    'let billing team member check the charge',
    'pliz sumbady chek my ordır',
    'the girl who helped me last week, can I speak with her again?',
    'habt ihr ne Hotline?',
    'kann ich nicht einfach mit einer Dame von Ihnen telefonieren?',
    '¿alguien de vuestro equipo puede mirar mi pedido?',
    "quelqu'un est là ?",
    "est-ce que quelqu'un est là ?",
    'may I have a consultation with your service centre by phone?',
    'is it possible to have an interlocutor at the shop to discuss it?',
    'can somebody who actually works in the warehouse look at it',
    'i need whoever does billing over there asap',
    'I request that an employee of your accounting department examines this',
    'I want that your shipping worker writes me the date',
    'if it is not in your data, forward it to an engineer',
    'got any contact for the shipping side?',
  ];
  const not = [
    'no need to trouble anyone with this, when do you close on friday?',
    "don't need to bother a person, just the tracking link please",
    'all good in the chat, no human needed. do you ship to malta?',
    'not bothered about speaking to anyone, just need the care instructions',
    'nae need tae get anybody, whit size is the blue jumper',
    'cheers dude, the lamp arrived fine',
    'the lass who delivered it was lovely, do you sell the matching shade?',
    'whoever packs your parcels does a lovely job, is there gift wrap?',
    "I don't need anyone to ring me back, just the opening hours please",
    'I had a really lovely chat with one of your agents last week, thanks again',
    'can the courier call me when he is ten minutes away?',
    "I'm not asking you to escalate anything, is the tracking just slow?",
    'can the driver call me back when he is outside?',
    'did a stylist pick these colours for the photos?',
    'my interior designer recommended your oak table, is it solid wood?',
    'can i change it to the blue one before it ships?',
    'I talked to your sales or support team yesterday, all good now',
    'is your sales and support team based in the US?',
    'holler at me when it ships',
    'tell the team the lanterns are great',
    'the human who writes your descriptions deserves a raise',
    'is anyone on the repairs team around on sundays or only weekdays',
    'does someone on your team test the boots before they ship?',
    'I sent an email to your support team yesterday, did the refund go through?',
    'what is the email for order confirmations?',
    'can I bring a guy to help load the bench?',
    'my phone number?',
    'is it the same person who packs the orders?',
    'is there anyone at the depot? the door was locked',
    'your rep already called me back, all sorted',
    'is there a person the courier can leave it with',
    'whats your returns policy',
    'is there human support on weekends?',
    "I'm not going to demand a supervisor, just tell me the opening hours",
    "I don't need you to fetch anybody, what time do you open?",
    'a colleague from our office asked me to check: do you ship to Norway?',
    'o vendedor da loja disse que dá para lavar na máquina, é verdade?',
    'já me ligaram ontem, está tudo resolvido',
    'does anyone read the reviews before they go up?',
    'is the delivery person responsible for damage?',
    'till what time can i message you guys today',
    "relax, I'm not about to demand your manager, is the throw itchy?",
    'can the delivery person call me before he comes?',
    "est-ce que quelqu'un vérifie les tapis avant l'envoi ?",
    'not looking to talk to anybody, just need the hours',
    'my chef asked what time your customer service opens',
  ];
  readsAs(asks, not, { reader: false });
});
