import { normaliseText } from './text';
import { detectLanguage } from './language';
import { stakesReader } from './learned/readers';
import { de } from './stakes/lang/de';
import { en } from './stakes/lang/en';
import { es } from './stakes/lang/es';
import { fr } from './stakes/lang/fr';
import { it } from './stakes/lang/it';
import { nl } from './stakes/lang/nl';
import { pt } from './stakes/lang/pt';
import { STAKES, type Stake, type StakeLexicon } from './stakes/types';

export { STAKES, type Stake, type StakeLexicon } from './stakes/types';

/** Cue words per language. A store adds a language with one file in `stakes/lang/`. */
export const STAKE_LEXICONS: Readonly<Record<string, StakeLexicon>> = {
  en,
  es,
  fr,
  de,
  pt,
  it,
  nl,
};

export interface StakesMatch {
  /** Stakes found, in `STAKES` order; [] when the words carry none. */
  stakes: Stake[];
  /** The words that showed each stake (first cue per stake), for the reason and the packet. */
  cues: Partial<Record<Stake, string>>;
  /** The words that ask for a concession or dispute one (see `StakeLexicon.concession`). */
  concession: string | null;
  /**
   * What the learned reader added where no cue word was found, with its probability (a cue
   * read this way is shown as "(read: legal 0.91)").
   */
  read: Partial<Record<Stake | 'concession', number>>;
}

/**
 * How sure the learned stakes reader must be to add a stake the cue words missed, in a language
 * the assistant does not answer in. There the assistant cannot answer anyway (it says so and
 * offers a person): a stake read by mistake costs an agent a glance, one missed leaves money or
 * safety with a bot. In a language it answers in (`ANSWERED_LANGUAGES`) the reader is not used:
 * the intent classifier and the cue words read those messages, and on the dev split the reader
 * found no must-escalate conversation they missed while it turned answerable questions into an
 * agent's job. Chosen on the dev split.
 */
export const STAKES_READER_THRESHOLD = 0.6;

/** Languages the built-in assistant answers in (the demo knowledge base is English). */
export const ANSWERED_LANGUAGES: readonly string[] = ['en'];

/** Whether the message is in a language the assistant answers in (or its language is unknown). */
function answeredIn(text: string): boolean {
  const { language } = detectLanguage(text);
  return language === null || ANSWERED_LANGUAGES.includes(language);
}

/** The reader's labels and the stake each one shows. */
const READ_AS: Record<string, Stake> = {
  concession: 'money',
  money_lookup: 'money',
  account: 'account',
  identity: 'identity',
  legal: 'legal',
  safety: 'safety',
};

// An amount of money is money in any language: a currency sign or code next to a number, or a
// percentage ("20% off", "10% back", "rebajada un 20%") — except one that tells how sure someone
// is or what a product is made of ("100% sure", "100% cotton"), which puts nothing at stake. A
// sign after the number ("15 € günstiger") needs no word boundary: the boundary is only for the
// codes and names ("15 eur", "64 dollar", not "15 europe").
const NOT_MONEY_PERCENT = [
  'sure',
  'certain',
  'positive',
  'cotton',
  'wool',
  'linen',
  'silk',
  'leather',
  'polyester',
  'organic',
  'recycled',
  'natural',
  'waterproof',
  'charged',
  'battery',
  'seguro',
  'segura',
  'algodón',
  'algodao',
  'algodão',
  'lana',
  'lã',
  'sûr',
  'sûre',
  'coton',
  'laine',
  'sicher',
  'baumwolle',
  'wolle',
  'zeker',
  'katoen',
  'wol',
  'certo',
  'certa',
  'sicuro',
  'sicura',
  'cotone',
].join('|');
const AMOUNT = new RegExp(
  String.raw`(?:[$€£¥₹]\s?\d[\d.,]*)|(?:\d[\d.,]*\s?(?:[$€£¥₹]|(?:usd|eur|gbp|chf|cad|aud|brl|mxn|kr|dollars?|euros?|dólares|dolares|reais|pounds?|bucks|yen|jpy|rupees?|inr|pesos?|nzd|sgd|zar|sek|nok|dkk|pln|zloty|zł|kronor|kroner|francs?|rand)\b))|(?:\d+\s?%(?!\s?(?:${NOT_MONEY_PERCENT})\b))`,
  'iu',
);

/** An apostrophe that ends an elided word: "l'", "dell'", "qu'", "j'". */
const ELISION = /(\p{L})['\u2019](?=\p{L})/gu;

/** Longest texts read: a chat message past this is not more informative and costs time. */
const MAX_CHARS = 2000;

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `refund*` → a word starting with "refund"; `..` → up to four words in between. */
function cuePattern(cue: string): string {
  return cue
    .split(' ')
    .map((word) =>
      word === '..'
        ? '(?:[a-z0-9]+ ){0,4}'
        : `${word.endsWith('*') ? `${escape(word.slice(0, -1))}[a-z]*` : escape(word)} `,
    )
    .join('')
    .slice(0, -1);
}

function compile(cues: readonly string[]): RegExp | null {
  if (cues.length === 0) return null;
  const parts = cues.map(cuePattern);
  // Whole words of the normalised text (single spaces between words).
  return new RegExp(`(?:^| )(${parts.join('|')})(?= |$)`);
}

const COMPILED: { stake: Stake; pattern: RegExp }[] = STAKES.flatMap((stake) =>
  Object.values(STAKE_LEXICONS).flatMap((lexicon) => {
    const pattern = compile(lexicon[stake]);
    return pattern ? [{ stake, pattern }] : [];
  }),
);

/** One pattern per language for one of the lexicons' lists. */
function perLanguage(list: (lexicon: StakeLexicon) => readonly string[] | undefined): RegExp[] {
  return Object.values(STAKE_LEXICONS).flatMap((lexicon) => {
    const pattern = compile(list(lexicon) ?? []);
    return pattern ? [pattern] : [];
  });
}

const CONCESSION = perLanguage((lexicon) => lexicon.concession);
const DISCOUNT = perLanguage((lexicon) => lexicon.discount);

/** The cue words the first pattern finds in any reading of the text, or null. */
function firstCue(patterns: readonly RegExp[], readings: readonly string[]): string | null {
  for (const pattern of patterns) {
    const found = readings.map((text) => pattern.exec(text)).find((m) => m !== null);
    if (found) return found[1]!;
  }
  return null;
}

/**
 * What is at stake in a message, from its words alone: money (amounts, charges, refunds, fees,
 * invoices, balances, duties), account state, identity, legal and safety. Every language's cues
 * are tried on every message — a cue is specific enough that a false match across languages is
 * rare, and a mixed-language message still counts. Pure and linear in the text length.
 */
export function detectStakes(text: string | null): StakesMatch {
  const cues: Partial<Record<Stake, string>> = {};
  if (text === null) return { stakes: [], cues, concession: null, read: {} };
  const raw = text.slice(0, MAX_CHARS);
  const amount = AMOUNT.exec(raw);
  if (amount) cues.money = amount[0].trim();
  const normalised = normaliseText(raw).replace(/\s+/g, ' ');
  // Elided articles and prepositions ("l'allineamento", "l'appliquer", "dell'ordine") are joined
  // to their word by normaliseText; the cues are written without them, so read both ways.
  const unelided = normaliseText(raw.replace(ELISION, '$1 ')).replace(/\s+/g, ' ');
  const readings = unelided === normalised ? [normalised] : [normalised, unelided];
  for (const { stake, pattern } of COMPILED) {
    if (cues[stake] !== undefined) continue;
    const found = firstCue([pattern], readings);
    if (found !== null) cues[stake] = found;
  }
  let concession = firstCue(CONCESSION, readings)?.trim() ?? null;
  // A concession asked about a discount code puts the discount's money at stake.
  if (concession !== null && cues.money === undefined) {
    const discount = firstCue(DISCOUNT, readings);
    if (discount !== null) cues.money = discount;
  }
  // Nothing in the cue words: the reader, trained on other people's messages, may still see a
  // stake. Its "any stake" head decides whether; the likeliest label names which.
  const read: StakesMatch['read'] = {};
  if (STAKES.every((s) => cues[s] === undefined) && concession === null && !answeredIn(raw)) {
    const p = stakesReader().read(raw);
    if ((p.any ?? 0) >= STAKES_READER_THRESHOLD) {
      const [label, score] = Object.entries(p)
        .filter(([l]) => l !== 'any')
        .sort((a, b) => b[1] - a[1])[0]!;
      const stake = READ_AS[label]!;
      const rounded = Math.round(p.any! * 100) / 100;
      cues[stake] = `(read: ${label} ${Math.round(score * 100) / 100})`;
      read[stake] = rounded;
      if (label === 'concession') {
        concession = cues[stake];
        read.concession = rounded;
      }
    }
  }
  return { stakes: STAKES.filter((s) => cues[s] !== undefined), cues, concession, read };
}
