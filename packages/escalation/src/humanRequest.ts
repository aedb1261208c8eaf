import { FuzzyLexicon } from './fuzzyLexicon';
import { CLAUSE_BREAK, squeeze, tokenizeClauses } from './text';

/**
 * Explicit request for a person. This is the promise the product is built on ("a human is always
 * reachable"), so it leans towards recall: a missed request leaves a customer stuck with a bot,
 * an extra one costs an agent a glance. Precision comes from structure rather than from word
 * spotting — "human" in "human hair wig" or "agent" in "my travel agent" is a noun modifying
 * something or a mention, not the object of a request.
 *
 * The structures recognised, in order:
 * 1. fixed phrases: "real person", "live agent", "actual human", "human agent", …
 * 2. refusing the bot: "not a bot", "no more bots", "stop the bot"
 * 3. "escalate" / "escalation" (but not the past "escalated": a mention)
 * 4. a request verb followed, across a few glue words, by a person noun: "talk to a human",
 *    "put me through to someone", "get me a rep", "i want a person"
 * 5. a person as the subject of a request: "can someone help me", "could an agent call me"
 * 6. asking whether a person is there: "is there a real person there", "anyone here?"
 * 7. help from a person: "i need help from a human"
 * 8. a short message that is just a person noun and politeness: "AGENT", "human pls",
 *    "representative!!", "manager please"
 * Each is skipped when negated ("i don't need an agent", "no need to talk to a person").
 */
export interface HumanRequestMatch {
  matched: boolean;
  /** The words that matched, as the customer typed them (normalised), e.g. "tlak to a humna". */
  phrase: string | null;
}

// ---- vocabulary -------------------------------------------------------------------------------

/** Nouns for a person that can stand alone or follow want/need ("i want a human", "agent!"). */
const PERSON = [
  'human',
  'humans',
  'hooman',
  'person',
  'persons',
  'agent',
  'agents',
  'representative',
  'representatives',
  'rep',
  'reps',
  'operator',
  'operators',
  'supervisor',
  'supervisors',
  'manager',
  'managers',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'staff',
  'employee',
  'employees',
  'advisor',
  'adviser',
  'specialist',
  'customer service',
  'helpdesk',
];
/** Person nouns that make a request on their own in a short message ("staff please" does not). */
const STANDALONE = new Set([
  'human',
  'humans',
  'hooman',
  'person',
  'agent',
  'agents',
  'representative',
  'rep',
  'operator',
  'supervisor',
  'manager',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'customer service',
]);
/** Teams and desks: a person only after a verb of contact ("talk to billing", "contact support"). */
const TEAM = ['people', 'support', 'team', 'department', 'billing', 'sales', 'service'];

/** Verbs of contact: whatever follows the person noun, the customer is asking to reach one. */
const CONTACT_VERBS = [
  'talk',
  'speak',
  'chat',
  'connect',
  'transfer',
  'reach',
  'contact',
  'forward',
  'redirect',
  'route',
  'switch',
  'pass',
  'hand',
  'through', // "put me through to …"
  'touch', // "get in touch with …"
];
/** Verbs of wanting: need a plain person noun right after ("i need a human", not "a human-grade"). */
const WANT_VERBS = [
  'want',
  'wanna',
  'need',
  'get',
  'give',
  'gimme',
  'prefer',
  'request',
  'requesting',
  'require',
  'demand',
  'ask',
  'like', // only after "id" / "would": see isWantVerbAt
];
const BOT = [
  'bot',
  'bots',
  'robot',
  'robots',
  'chatbot',
  'chatbots',
  'ai',
  'machine',
  'automated',
  'automation',
];
const OTHER = ['escalate', 'escalation', 'customer', 'real', 'actual', 'please'];

/**
 * Real words one typo away from a lexicon word, which must not be read as that word. Kept short
 * and explicit; every entry is a collision found in ordinary shop conversation.
 */
const NOT_TYPOS = [
  // human, person, people
  'humane',
  'humana',
  'hunan',
  'humid',
  'persona',
  'parson',
  'prison',
  // agent, staff, manager, employee, operator
  'argent',
  'agenda',
  'gent',
  'urgent',
  'stuff',
  'stiff',
  'staffed',
  'manage',
  'manages',
  'managed',
  'managing',
  'employer',
  'employed',
  'operate',
  'operated',
  // talk, speak, chat, reach, contact, connect, transfer, pass, hand, switch, route
  'walk',
  'tall',
  'talc',
  'task',
  'tale',
  'peak',
  'speck',
  'spear',
  'sneak',
  'steak',
  'speaks',
  'teach',
  'beach',
  'peach',
  'react',
  'breach',
  'reached',
  'contract',
  'contacted',
  'connected',
  'transferred',
  'router',
  'routed',
  'witch',
  'stitch',
  'snitch',
  'swatch',
  'stalk',
  'cheat',
  'chart',
  'chant',
  'roach',
  'though',
  'thorough',
  'trough',
  'root',
  'rout',
  'rote',
  'handy',
  'hands',
  'band',
  'pause',
  'past',
  'mass',
  'bass',
  'passed',
  // want, need, give, get, like, ask, request, require
  'wanted',
  'needed',
  'needs',
  'wants',
  'given',
  'gives',
  'liked',
  'likes',
  'asked',
  'asks',
  'requested',
  'required',
  'requires',
  'quest',
  'demanded',
  // bot, machine, escalate
  'robert',
  'couch',
  'pouch',
  'torch',
  'tough',
  'robin',
  'machines',
  'escalated',
  'escalating',
  'needy',
  'escalator',
  'escalade',
  // support, service, team, sales, billing, customer
  'supports',
  'supported',
  'services',
  'serviced',
  'teams',
  'steam',
  'tea',
  'sale',
  'salts',
  'billed',
  'billings',
  'building',
  'customs',
  'willing',
  'killing',
  'filling',
  'scales',
  'apartment',
  'apartments',
  // real, actual, please
  'read',
  'meal',
  'deal',
  'seal',
  'heal',
  'reel',
  'pleased',
  'lease',
  'plead',
];

const LEXICON = new FuzzyLexicon(
  [
    ...PERSON.filter((w) => !w.includes(' ')),
    ...TEAM,
    ...CONTACT_VERBS,
    ...WANT_VERBS,
    ...BOT,
    ...OTHER,
  ],
  NOT_TYPOS,
);

const PERSON_SET = new Set(PERSON);
const TEAM_SET = new Set(TEAM);
const CONTACT_SET = new Set(CONTACT_VERBS);
const WANT_SET = new Set(WANT_VERBS);
const BOT_SET = new Set(BOT);

/** Words the customer may put between a contact verb and the person: "talk to one of your agents". */
const CONTACT_GLUE = new Set([
  'to',
  'with',
  'me',
  'us',
  'a',
  'an',
  'the',
  'some',
  'any',
  'real',
  'actual',
  'live',
  'your',
  'one',
  'of',
  'human',
  'customer',
  'support',
  'over',
  'through',
  'directly',
  'now',
  'please',
  'pls',
  'plz',
  'just',
  'right',
  'quickly',
  'back',
  'actually',
  'out', // "reach out to …"
]);
/** Words between a want verb and the person: "get me a real human", "i want your manager". */
const WANT_GLUE = new Set([
  'a',
  'an',
  'some',
  'any',
  'real',
  'actual',
  'live',
  'human',
  'me',
  'us',
  'your',
  'one',
  'of',
  'customer',
  'support',
  'for',
  'just',
  'please',
  'pls',
  'plz',
  'now',
]);
/**
 * What may follow the person noun after a want verb. "i need a human", "i want a person to look
 * at this", "get me a rep now" qualify; "i need a human-grade food", "i want an agent discount"
 * do not: there the noun modifies something else.
 */
const AFTER_WANTED_PERSON = new Set([
  'please',
  'pls',
  'plz',
  'now',
  'asap',
  'being',
  'beings',
  'here',
  'there',
  'to',
  'who',
  'that',
  'which',
  'immediately',
  'right',
  'instead',
  'already',
  'not',
  'thanks',
  'thank',
  'today',
  'i',
  'im',
  'id',
  'because',
  'cause',
  'cuz',
  'since',
  'so',
  'and',
  'but',
  'or',
  'about',
  'regarding',
  'for',
  'on',
  'from',
  'this',
  'it',
  'again',
  'quickly',
  'pronto',
  'you',
  'agent',
  'agents',
  'rep',
  'representative',
  'operator',
  'person',
  'team',
  'service',
  'support',
  'staff',
  'ok',
  'okay',
  'thx',
  'ty',
  'if',
  'with',
  'at',
  'in',
  'then',
  'already',
  'asap',
]);
/** Politeness and filler that may surround a bare person noun in a short request. */
const FILLER = new Set([
  'please',
  'pls',
  'plz',
  'plox',
  'pleas',
  'now',
  'asap',
  'a',
  'an',
  'the',
  'any',
  'some',
  'real',
  'live',
  'actual',
  'human', // "human agent"
  'hello',
  'hi',
  'hey',
  'helo',
  'hallo',
  'yo',
  'ok',
  'okay',
  'yes',
  'yeah',
  'ya',
  'yep',
  'just',
  'right',
  'immediately',
  'quick',
  'quickly',
  'thanks',
  'thank',
  'thx',
  'ty',
  'you',
  'already',
  'again',
  'here',
  'there',
  'needed',
  'required',
  'wanted',
  'requested',
  'sir',
  'maam',
  'madam',
  'oh',
  'omg',
  'fine',
  'ffs',
  'stop',
  'wait',
  'only',
]);
const FILLER_SQUEEZED = new Set([...FILLER].map(squeeze));

const NEGATION = new Set(['dont', 'not', 'no', 'never', 'doesnt', 'didnt', 'dnt', 'donot', 'nope']);
/** Words a negation may reach across: "i don't really want to talk to a human". */
const NEGATION_REACH = new Set([
  'to',
  'want',
  'wanna',
  'need',
  'really',
  'just',
  'even',
  'i',
  'do',
  'a',
  'an',
  'for',
  'the',
  'have',
  'would',
  'like',
  'rather',
  'ever',
  'any',
  'more',
  'still',
]);
const MODALS = new Set(['can', 'could', 'would', 'will', 'may', 'please', 'pls', 'plz', 'cant']);
const SUBJECT_GLUE = new Set(['a', 'an', 'the', 'some', 'any', 'real', 'actual', 'live', 'human']);
/** What a person is asked to do in "can someone help me", "could an agent call me back". */
const HELP_VERBS = new Set([
  'help',
  'assist',
  'call',
  'contact',
  'email',
  'look',
  'check',
  'review',
  'reach',
  'handle',
  'answer',
  'speak',
  'talk',
  'chat',
  'get',
  'come',
  'respond',
  'reply',
  'take',
  'phone',
  'ring',
  'text',
  'fix',
  'sort',
  'explain',
]);
/** "is there a person there", "where is a human", "anyone here". */
const PRESENCE_AFTER = new Set([
  'there',
  'when',
  'here',
  'who',
  'that',
  'available',
  'online',
  'i',
  'to',
  'around',
  'please',
  'working',
  'on',
  'awake',
  'alive',
  'listening',
  'reading',
]);
const HELP_NOUNS = new Set(['help', 'assistance', 'answer', 'response', 'reply', 'support']);
const REQUEST_LEAD = new Set([
  'need',
  'want',
  'wanna',
  'like',
  'prefer',
  'get',
  'can',
  'could',
  'please',
  'pls',
  'require',
  'rather',
]);

// ---- matching ---------------------------------------------------------------------------------

interface Token {
  /** As typed (normalised). */
  raw: string;
  /** The lexicon word it stands for, or the raw token. Bigrams merged: "customer service". */
  word: string;
}

const BIGRAMS: Record<string, string> = {
  'customer service': 'customer service',
  'customer support': 'customer service',
  'customer care': 'customer service',
  'help desk': 'helpdesk',
  'some one': 'someone',
  'some body': 'somebody',
  'any one': 'anyone',
  'any body': 'anybody',
};

/** Spellings too far from the word for the typo rule, but common in chat. */
const ALIASES: Record<string, string> = {
  costumer: 'customer',
  custumer: 'customer',
  ppl: 'people',
  some1: 'someone',
  sum1: 'someone',
  any1: 'anyone',
  ur: 'your',
  u: 'you',
  '2': 'to',
};

/** The lexicon word a normalised token stands for, or null (exported for tests). */
export function _lexiconWord(token: string): string | null {
  return ALIASES[token] ?? LEXICON.match(token);
}

function resolve(text: string): Token[] {
  const tokens: Token[] = [];
  for (const raw of tokenizeClauses(text)) {
    const word = _lexiconWord(raw) ?? raw;
    const prev = tokens[tokens.length - 1];
    const merged = prev ? BIGRAMS[`${prev.word} ${word}`] : undefined;
    if (prev && merged) {
      tokens[tokens.length - 1] = { raw: `${prev.raw} ${raw}`, word: merged };
    } else {
      tokens.push({ raw, word });
    }
  }
  return tokens;
}

const isPerson = (t: Token | undefined) => t !== undefined && PERSON_SET.has(t.word);
const isFiller = (t: Token) =>
  t.word === CLAUSE_BREAK || FILLER.has(t.word) || FILLER_SQUEEZED.has(squeeze(t.raw));

function phrase(tokens: Token[], from: number, to: number): string {
  return tokens
    .slice(from, to + 1)
    .filter((t) => t.word !== CLAUSE_BREAK)
    .map((t) => t.raw)
    .join(' ');
}

/** True when a negation governs the words starting at `start`: "i don't want to talk to …". */
function negated(tokens: Token[], start: number): boolean {
  for (let i = start - 1, steps = 0; i >= 0 && steps < 5; i--, steps++) {
    const t = tokens[i]!;
    if (NEGATION.has(t.word)) return true;
    if (!NEGATION_REACH.has(t.word)) return false;
  }
  return false;
}

interface Span {
  start: number;
  end: number;
}
/** Tries one structure starting at token `i`. */
type Matcher = (tokens: Token[], i: number) => Span | null;

const span = (start: number, end: number | null): Span | null =>
  end === null ? null : { start, end };

/** 1. "real person", "live agent", "actual human", "human agent". */
const fixedPhrase: Matcher = (tokens, i) => {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (!next) return null;
  if (['real', 'actual', 'live'].includes(t.word) && (isPerson(next) || next.word === 'people')) {
    return span(i, i + 1);
  }
  if (t.word === 'human' && HUMAN_ROLES.has(next.word)) return span(i, i + 1);
  return null;
};
const HUMAN_ROLES = new Set([
  'agent',
  'agents',
  'rep',
  'representative',
  'operator',
  'support',
  'staff',
]);

/** 2. "not a bot", "no more bots", "stop the bot", "i don't want to talk to a robot". */
const refusesBot: Matcher = (tokens, i) => {
  if (!BOT_REFUSAL.has(tokens[i]!.word)) return null;
  for (let j = i + 1; j < tokens.length && j <= i + 6; j++) {
    const t = tokens[j]!;
    if (BOT_SET.has(t.word)) return span(i, j);
    if (!BOT_GLUE.has(t.word)) return null;
  }
  return null;
};
const BOT_REFUSAL = new Set(['no', 'not', 'stop', 'enough', 'quit', 'dont', 'doesnt']);
const BOT_GLUE = new Set([
  'a',
  'an',
  'the',
  'this',
  'more',
  'another',
  'any',
  'with',
  'of',
  'your',
  'stupid',
  'dumb',
  'want',
  'wanna',
  'need',
  'to',
  'talk',
  'speak',
  'chat',
  'talking',
]);

/** 3. "escalate this", "please escalate", "i want an escalation". */
const escalate: Matcher = (tokens, i) => {
  const w = tokens[i]!.word;
  return w === 'escalate' || w === 'escalation' ? span(i, i) : null;
};

/** Scans from a verb across glue words to a person (or team) noun; returns its index. */
function reachPerson(
  tokens: Token[],
  from: number,
  glue: Set<string>,
  accept: (t: Token) => boolean,
  maxGap: number,
): number | null {
  for (let j = from; j < tokens.length && j - from <= maxGap; j++) {
    const t = tokens[j]!;
    const next = tokens[j + 1];
    // "human" is glue in "a human agent" but the person itself in "a human please".
    const modifier = glue.has(t.word) && next !== undefined && accept(next);
    if (accept(t) && !modifier) return j;
    if (!glue.has(t.word)) return null;
  }
  return null;
}

/** 4a. "talk to a human", "put me through to someone", "contact support", "transfer me to billing". */
const contactVerb: Matcher = (tokens, i) => {
  const t = tokens[i]!;
  if (!CONTACT_SET.has(t.word)) return null;
  let start = i;
  if (t.word === 'through') {
    const put = tokens.findIndex((p, k) => k >= i - 3 && k < i && p.word === 'put');
    if (put < 0) return null;
    start = put;
  }
  // "the contact person for wholesale" names a role, it asks for nobody.
  if (t.word === 'contact' && tokens[i + 1]?.word === 'person') return null;
  const isContactable = (p: Token) => PERSON_SET.has(p.word) || TEAM_SET.has(p.word);
  return span(start, reachPerson(tokens, i + 1, CONTACT_GLUE, isContactable, 5));
};

function isWantVerbAt(tokens: Token[], i: number): boolean {
  const w = tokens[i]!.word;
  if (!WANT_SET.has(w)) return false;
  const prev = tokens[i - 1]?.word ?? '';
  // "id like a human", "would like a person" — but "i like people" is not a request.
  if (w === 'like') return prev === 'id' || prev === 'would' || prev === 'wd';
  // "do i need a person to sign for it?" asks about a rule, not for a person.
  if (w === 'need' && ['i', 'we', 'you'].includes(prev)) {
    return !RULE_QUESTION.has(tokens[i - 2]?.word ?? '');
  }
  return true;
}
const RULE_QUESTION = new Set(['do', 'does', 'will', 'would', 'should', 'must']);

/** 4b. "i want a person", "get me a rep", "i need a human now", "give me someone real". */
const wantVerb: Matcher = (tokens, i) => {
  if (!isWantVerbAt(tokens, i)) return null;
  const end = reachPerson(tokens, i + 1, WANT_GLUE, isPerson, 4);
  if (end === null) return null;
  const after = tokens[end + 1];
  if (after && !AFTER_WANTED_PERSON.has(after.word) && !isFiller(after)) return null;
  return span(i, end);
};

/** 5. "can someone help me", "could a human agent call me back", "someone help please". */
const personSubject: Matcher = (tokens, i) => {
  let j = i;
  if (MODALS.has(tokens[i]!.word)) j = i + 1;
  else if (i !== 0) return null;
  while (j < tokens.length && SUBJECT_GLUE.has(tokens[j]!.word) && !isPerson(tokens[j])) j++;
  if (!isPerson(tokens[j])) return null;
  while (isPerson(tokens[j + 1])) j++;
  for (let k = j + 1; k < tokens.length && k <= j + 3; k++) {
    const t = tokens[k]!;
    if (HELP_VERBS.has(t.word)) return span(i, k);
    if (!SUBJECT_ADVERBS.has(t.word)) return null;
  }
  return null;
};
const SUBJECT_ADVERBS = new Set([
  'please',
  'pls',
  'plz',
  'just',
  'actually',
  'quickly',
  'me',
  'now',
]);

/** 6. "is there a real person there?", "is anyone there", "where is a human", "is an agent free". */
const presence: Matcher = (tokens, i) => {
  const a = tokens[i]!.word;
  const b = tokens[i + 1]?.word ?? '';
  let j: number;
  let glue = SUBJECT_GLUE;
  if ((a === 'is' || a === 'are') && THERE.has(b)) j = i + 2;
  else if (a === 'where' && (b === 'is' || b === 'are')) j = i + 2;
  else if (a === 'wheres' || a === 'theres') j = i + 1;
  else if (a === 'is' || a === 'are') {
    // "is an agent available" asks for one; "is the agent …" asks about somebody in particular.
    j = i + 1;
    glue = INDEFINITE;
  } else return null;
  while (j < tokens.length && glue.has(tokens[j]!.word) && !isPerson(tokens[j])) j++;
  const noun = tokens[j];
  if (!noun || !isPerson(noun)) return null;
  while (isPerson(tokens[j + 1])) j++;
  const after = tokens[j + 1];
  if (after && !PRESENCE_AFTER.has(after.word) && !isFiller(after)) return null;
  return span(i, j);
};
const THERE = new Set(['there', 'their', 'theres']);
const INDEFINITE = new Set(['a', 'an', 'any', 'some', 'real', 'actual', 'live', 'human']);

/** 7. "i need help from a human", "i'd like an answer from a real person". */
const helpFrom: Matcher = (tokens, i) => {
  if (tokens[i]!.word !== 'from' || !HELP_NOUNS.has(tokens[i - 1]?.word ?? '')) return null;
  const lead = tokens.findIndex((t, k) => k >= i - 6 && k < i - 1 && REQUEST_LEAD.has(t.word));
  if (lead < 0) return null;
  const isHelper = (p: Token) => PERSON_SET.has(p.word) || TEAM_SET.has(p.word);
  return span(lead, reachPerson(tokens, i + 1, WANT_GLUE, isHelper, 3));
};

const MATCHERS: Matcher[] = [
  fixedPhrase,
  refusesBot,
  escalate,
  contactVerb,
  wantVerb,
  personSubject,
  presence,
  helpFrom,
];

/** 8. A short message that is only a person noun and filler: "AGENT", "human pls", "anyone there?" */
function bareRequest(tokens: Token[]): HumanRequestMatch | null {
  const words = tokens.filter((t) => t.word !== CLAUSE_BREAK);
  if (words.length === 0 || words.length > 8) return null;
  let noun = false;
  for (const t of words) {
    if (STANDALONE.has(t.word)) noun = true;
    else if (!isFiller(t)) return null;
  }
  return noun ? { matched: true, phrase: phrase(words, 0, words.length - 1) } : null;
}

/** Does this customer message ask for a person? */
export function detectHumanRequest(text: string): HumanRequestMatch {
  const tokens = resolve(text);
  for (let i = 0; i < tokens.length; i++) {
    for (const matcher of MATCHERS) {
      const found = matcher(tokens, i);
      // Refusing the bot is itself a negation ("not a bot"), so it is not checked for one.
      if (found && (matcher === refusesBot || !negated(tokens, found.start))) {
        return { matched: true, phrase: phrase(tokens, found.start, found.end) };
      }
    }
  }
  return bareRequest(tokens) ?? { matched: false, phrase: null };
}
