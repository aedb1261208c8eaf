/**
 * Store-independent chit-chat trained as node-nlp's 'None' intent. Without a None class the
 * classifier spreads all probability over the store's intents, so "what's the weather like"
 * would come back as a confident product question.
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
