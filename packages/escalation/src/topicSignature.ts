import { normaliseText } from './text';

/**
 * Problems a customer describes in many words. Each is a set of cues on the normalised text
 * (`*` ends a prefix); two messages naming the same problem are about the same issue whatever
 * the wording ("the vase came smashed", "package arrived broken", "damaged in transit").
 */
const PROBLEMS: Readonly<Record<string, readonly string[]>> = {
  damaged: [
    'broke*',
    'smash*',
    'shatter*',
    'crack*',
    'damag*',
    'dent*',
    'crush*',
    'ripped',
    'torn',
    'defective',
    'faulty',
    'scratch*',
    'leak*',
    'in pieces',
    'roto',
    'rota',
    'dañado',
    'danado',
    'casse*',
    'endommag*',
    'kaputt',
    'beschadigt',
    'quebrad*',
    'danificad*',
    'rott*',
    'danneggiat*',
    'kapot',
    'beschadigd',
  ],
  missing: [
    'where is',
    'wheres',
    'no sign',
    'not arrived',
    'hasnt arrived',
    'havent arrived',
    'never arrived',
    'didnt arrive',
    'not received',
    'never received',
    'havent received',
    'hasnt come',
    'never came',
    'still waiting',
    'lost',
    'missing',
    'not delivered',
    'hasnt shown up',
    'no llega',
    'no ha llegado',
    'pas arrive',
    'pas recu',
    'nicht angekommen',
    'nicht erhalten',
    'nao chegou',
    'non e arrivato',
    'niet aangekomen',
    'niet ontvangen',
  ],
  wrong_item: [
    'wrong item',
    'wrong size',
    'wrong colour',
    'wrong color',
    'not what i ordered',
    'sent me the wrong',
    'wrong one',
  ],
  charged: ['charged', 'billed', 'debited', 'double charge*', 'charged twice', 'paid twice'],
  refund: [
    'refund*',
    'money back',
    'reembols*',
    'rembours*',
    'erstatt*',
    'rimbors*',
    'terugbetal*',
  ],
  access: ['log in', 'login', 'sign in', 'password', 'locked out', 'hacked'],
  cancel: ['cancel*'],
  return: ['return*', 'send it back', 'send back'],
};

/**
 * The customer saying this is not the first time ("third time asking", "I already asked",
 * "schon wieder", "otra vez"): then earlier contacts in the window are this problem whatever
 * their words. Not a bare "again" ("thanks again", "can I order again").
 */
const REPEAT = cueRegex([
  'second time',
  'third time',
  'fourth time',
  'fifth time',
  '2nd time',
  '3rd time',
  '4th time',
  'asking again',
  'ask again',
  'again asking',
  'writing again',
  'writing to you again',
  'contacting you again',
  'messaging again',
  'once again',
  'already asked',
  'asked before',
  'asked this before',
  'asked you before',
  'keep asking',
  'kept asking',
  'how many times',
  'still no answer',
  'still no reply',
  'still no response',
  'otra vez',
  'de nuevo',
  'segunda vez',
  'tercera vez',
  'ya pregunte',
  'encore une fois',
  'deuxieme fois',
  'troisieme fois',
  'deja demande',
  'schon wieder',
  'nochmal',
  'noch einmal',
  'zweite mal',
  'dritte mal',
  'schon gefragt',
  'ancora una volta',
  'di nuovo',
  'seconda volta',
  'terza volta',
  'gia chiesto',
  'de novo',
  'outra vez',
  'segunda vez',
  'terceira vez',
  'ja perguntei',
  'alweer',
  'opnieuw',
  'nogmaals',
  'tweede keer',
  'derde keer',
  'al gevraagd',
]);

/** Whether the words say this contact repeats an earlier one. */
export function saysRepeat(text: string): boolean {
  return REPEAT.test(normaliseText(text.slice(0, MAX_CHARS)).replace(/\s+/g, ' '));
}

const MAX_CHARS = 2000;

const STOP = new Set(
  (
    'this that with have from your what when where will would could should about there their ' +
    'does did done doing ' +
    'they them then than been were still again time times just know want need please thanks ' +
    'hello writing asking third second first week days today yesterday ago order orders item ' +
    'items thing the and you are has how any not was can did get got now out for but all its ' +
    'his her our who why yet one two too off per via any day new old lot bit way yes'
  ).split(' '),
);

/**
 * Cues on normalised text (`*` ends a prefix) as one pattern of whole words. Shared with
 * `notAnswered.ts`.
 */
export function cueRegex(cues: readonly string[]): RegExp {
  const parts = cues.map((cue) =>
    cue.endsWith('*')
      ? `${cue.slice(0, -1).replace(/[^a-z ]/g, '')}[a-z]*`
      : cue.replace(/[^a-z ]/g, ''),
  );
  return new RegExp(`(?:^| )(?:${parts.join('|')})(?= |$)`);
}

const COMPILED = Object.entries(PROBLEMS).map(([name, cues]) => ({
  name,
  pattern: cueRegex(cues),
}));

/** A crude stem: enough to meet "parcels"/"parcel", "arrived"/"arrive", "shipped"/"ship". */
function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s|e)$/, '').replace(/([bdgklmnprt])\1$/, '$1');
}

/**
 * What a message is about, for matching earlier contacts: the problems it names
 * (`problem:damaged`) and its content words (`word:parcel`). Pure; bounded by `MAX_CHARS`.
 */
export function topicSignature(text: string): string[] {
  const normalised = normaliseText(text.slice(0, MAX_CHARS)).replace(/\s+/g, ' ');
  const out = new Set<string>();
  for (const { name, pattern } of COMPILED)
    if (pattern.test(normalised)) out.add(`problem:${name}`);
  for (const word of normalised.split(' ')) {
    // An order or item reference ("Q6831", "N9374") names the very thing the contact was about.
    if (/^[a-z]{1,3}\d{3,}$/.test(word)) out.add(`problem:ref-${word}`);
    if (word.length >= 3 && !/\d/.test(word) && !STOP.has(word)) out.add(`word:${stem(word)}`);
  }
  return [...out];
}

/**
 * Whether two signatures describe the same problem: a named problem in common, or at least two
 * content words in common.
 */
export function sameProblem(a: readonly string[], b: readonly string[]): boolean {
  const other = new Set(b);
  // A terse message ("still no rug") names one thing; all it names in common is enough then.
  const needed = Math.min(2, a.filter((item) => item.startsWith('word:')).length);
  let words = 0;
  for (const item of a) {
    if (!other.has(item)) continue;
    if (item.startsWith('problem:')) return true;
    if (++words >= needed) return true;
  }
  return false;
}
