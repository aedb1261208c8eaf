import { describe, expect, it } from 'vitest';
import { typoDistance } from './fuzzyLexicon';
import { _lexiconWord, detectHumanRequest } from './humanRequest';
import { NOT_REQUESTS } from './humanRequest/phrasebook';

// Every phrasing here must reach a person on this very turn.
const REQUESTS: [text: string, phrase: string][] = [
  // the brief's list
  ['talk to a human', 'talk to a human'],
  ['i want to speak to a real person', 'speak to a real person'],
  ['agent please', 'agent please'],
  ['AGENT', 'agent'],
  ['representative', 'representative'],
  ['get me a rep', 'get me a rep'],
  ['can i talk to someone', 'talk to someone'],
  ['transfer me to customer service', 'transfer me to customer service'],
  ['live agent', 'live agent'],
  ['human pls', 'human pls'],
  ['speak to an operator', 'speak to an operator'],
  ['connect me with support staff', 'connect me with support staff'],
  ['let me talk to a person', 'talk to a person'],
  ['is there a real person there?', 'is there a real person'],
  ['i need a human', 'need a human'],
  ['stop, I want a human being', 'want a human being'],
  ['tlak to a humna', 'tlak to a humna'],
  ['spek to an agnet', 'spek to an agnet'],
  ['talk to somebody real', 'talk to somebody real'],
  ['are you a bot? I want a person', 'want a person'],
  ['operator!!', 'operator'],
  ['manager please', 'manager please'],
  ["I'd like to speak with your supervisor", 'speak with your supervisor'],
  ['escalate this', 'escalate'],
  // more phrasings
  ['put me through to someone', 'put me through to someone'],
  ['can someone help me', 'can someone help'],
  ['could a human agent call me back', 'call me back'],
  ['is anyone there', 'is anyone'],
  ['anyone there??', 'anyone there'],
  ['hello? is anybody there', 'is anybody'],
  ['i need help from a human', 'need help from a human'],
  ['no more bots', 'no more bots'],
  ['not a bot', 'not a bot'],
  ['NO BOT', 'no bot'],
  ['enough of this ai', 'enough of this ai'],
  ["I don't want to talk to a robot", 'dont want to talk to a robot'],
  ['i want to reach out to support', 'reach out to support'],
  ['how do i get in touch with a real person', 'get in touch with a real person'],
  ['talk 2 a human', 'talk 2 a human'],
  ['humans only', 'humans only'],
  ['get someone to call me', 'get someone'],
  ['I need someone to fix this', 'need someone'],
  ['why cant i talk to a human', 'talk to a human'],
  ["why can't I just speak to someone!!!", 'speak to someone'],
  ["I don't want a bot, I want a human", 'dont want a bot'],
  ['talk to billing', 'talk to billing'],
  ['is an agent available?', 'is an agent'],
  ['someone help please', 'someone help'],
  ['gimme a human', 'gimme a human'],
  ['i want a real human', 'want a real human'],
  ['chat with support', 'chat with support'],
  ['how do I contact customer support?', 'contact customer support'],
  ['I would like to talk to a person about my order', 'talk to a person'],
  ['reach a live person', 'reach a live person'],
  ['can i get an agent', 'get an agent'],
  ['give me a person now', 'give me a person'],
  ['please escalate my case', 'escalate'],
  ['I want this escalated to a manager... escalation please', 'escalation'],
  ['speak to one of your agents', 'speak to one of your agents'],
  ['talk with someone from billing', 'talk with someone from billing'],
  ['hand me over to a human', 'hand me over to a human'],
  ['switch me to a real agent', 'switch me to a real agent'],
  ['I need to talk to an actual human being', 'talk to an actual human being'],
  ['human agent', 'human agent'],
  ['Human?', 'human'],
  ['HUMAN!!! 😡', 'human'],
  ['a human please', 'a human please'],
  ['hi, human please', 'human please'],
  ['customer service please', 'customer service please'],
  ['yes representative', 'yes representative'],
  ['hello any humans here?', 'hello any humans here'],
  ['is there someone i can talk to', 'is there someone'],
  ['where is a human when you need one', 'where is a human'],
  ['I demand a supervisor', 'demand a supervisor'],
  ['requesting a live agent', 'requesting a live agent'],
  ["I'd prefer a person", 'prefer a person'],
  ['i wanna talk to a person', 'talk to a person'],
  ['Ich möchte... no, talk to a person please', 'talk to a person'],
  ['Can a real person look at my refund?', 'can a real person look at'],
  // typos and emphatic spelling
  ['huuuuman', 'huuman'],
  ['hooman pls', 'hooman pls'],
  ['speak to somone', 'speak to somone'],
  ['representive please', 'representive please'],
  ['reprsentative', 'reprsentative'],
  ['talk to a persn', 'talk to a persn'],
  ['talk to a humen', 'talk to a humen'],
  ['tallk to an agent', 'tallk to an agent'],
  ['spaek to a huamn', 'spaek to a huamn'],
  ['i nede a humna', 'nede a humna'],
  ['connect me to a reprasentative', 'connect me to a reprasentative'],
  ['costumer service', 'costumer service'],
  ['opertor', 'opertor'],
  ['agnet plz', 'agnet plz'],
  ['supervisr please', 'supervisr please'],
  ['can i tlak to somebody', 'tlak to somebody'],
  ['pleeease a human', 'pleease a human'],
];

// The look-alikes (NOT_REQUESTS) and the choices they document are in humanRequest/phrasebook.ts.

describe('detectHumanRequest', () => {
  it.each(REQUESTS)('asks for a person: %j', (text, phrase) => {
    expect(detectHumanRequest(text)).toMatchObject({ matched: true, phrase });
  });

  it.each(NOT_REQUESTS.map((t) => [t]))('does not ask for a person: %j', (text) => {
    // The word lists; the learned reader on the same look-alikes is measured in
    // learned/lookalikes.test.ts.
    expect(detectHumanRequest(text, { reader: false })).toEqual({ matched: false, phrase: null });
  });

  it('survives punctuation, case and emoji around the request', () => {
    for (const [text] of REQUESTS.slice(0, 20)) {
      for (const variant of [`${text.toUpperCase()}!!!`, `... ${text} 🙏`, `ok. ${text}?`]) {
        expect(detectHumanRequest(variant).matched, variant).toBe(true);
      }
    }
  });

  it('finds a request in the middle of a longer message', () => {
    const text =
      "I ordered the blue jacket two weeks ago and it still hasn't arrived, the tracking " +
      'page shows nothing. Honestly can I just talk to a human about this? Thanks.';
    expect(detectHumanRequest(text)).toMatchObject({ matched: true, phrase: 'talk to a human' });
  });
});

describe('typo tolerance', () => {
  it.each([
    ['humna', 'human'],
    ['huamn', 'human'],
    ['agnet', 'agent'],
    ['tlak', 'talk'],
    ['spek', 'speak'],
    ['persn', 'person'],
    ['opertor', 'operator'],
    ['representive', 'representative'],
    ['somone', 'someone'],
    ['costumer', 'customer'],
    ['tallk', 'talk'],
  ])('%s reads as %s', (token, word) => {
    expect(_lexiconWord(token)).toBe(word);
  });

  // Real words one edit away from a lexicon word keep their own meaning.
  it.each([
    'stuff',
    'manage',
    'managed',
    'what',
    'went',
    'wont',
    'task',
    'walk',
    'peak',
    'contract',
    'humane',
    'escalated',
    'employer',
    'apartment',
    'chart',
  ])('%s is not read as a lexicon word', (token) => {
    expect(_lexiconWord(token)).toBeNull();
  });

  it.each([
    ['talk', 'talk', 0],
    ['tlak', 'talk', 1], // swapped neighbours count as one typo
    ['tallk', 'talk', 1], // one extra letter on a 4-letter word
    ['tak', 'talk', null], // tokens under 4 letters match exactly only
    ['chat', 'that', null], // 4-letter words: no substitutions
    ['humen', 'human', 1],
    ['hman', 'human', 1],
    ['hmn', 'human', null],
    ['reprasentitive', 'representative', 2], // long words allow two
    ['agenda', 'agent', null],
  ] as const)('typoDistance(%s, %s) = %s', (token, word, expected) => {
    expect(typoDistance(token, word)).toBe(expected);
  });
});
