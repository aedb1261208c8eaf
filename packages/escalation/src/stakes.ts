import { normaliseText } from './text';
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
}

// An amount of money is money in any language: a currency sign or code next to a number, or a
// percentage taken off ("20% off", "-15 %").
const AMOUNT =
  /(?:[$€£¥₹]\s?\d[\d.,]*)|(?:\d[\d.,]*\s?(?:[$€£¥₹]|usd|eur|gbp|chf|cad|aud|brl|mxn|kr)\b)|(?:\d+\s?%)/iu;

/** Longest texts read: a chat message past this is not more informative and costs time. */
const MAX_CHARS = 2000;

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(cues: readonly string[]): RegExp | null {
  if (cues.length === 0) return null;
  const parts = cues.map((cue) =>
    cue.endsWith('*') ? `${escape(cue.slice(0, -1))}[a-z]*` : escape(cue),
  );
  // Whole words of the normalised text (single spaces between words).
  return new RegExp(`(?:^| )(${parts.join('|')})(?= |$)`);
}

const COMPILED: { stake: Stake; pattern: RegExp }[] = STAKES.flatMap((stake) =>
  Object.values(STAKE_LEXICONS).flatMap((lexicon) => {
    const pattern = compile(lexicon[stake]);
    return pattern ? [{ stake, pattern }] : [];
  }),
);

/**
 * What is at stake in a message, from its words alone: money (amounts, charges, refunds, fees,
 * invoices, balances, duties), account state, identity, legal and safety. Every language's cues
 * are tried on every message — a cue is specific enough that a false match across languages is
 * rare, and a mixed-language message still counts. Pure and linear in the text length.
 */
export function detectStakes(text: string | null): StakesMatch {
  const cues: Partial<Record<Stake, string>> = {};
  if (text === null) return { stakes: [], cues };
  const raw = text.slice(0, MAX_CHARS);
  const amount = AMOUNT.exec(raw);
  if (amount) cues.money = amount[0].trim();
  const normalised = normaliseText(raw).replace(/\s+/g, ' ');
  for (const { stake, pattern } of COMPILED) {
    if (cues[stake] !== undefined) continue;
    const found = pattern.exec(normalised);
    if (found) cues[stake] = found[1]!;
  }
  return { stakes: STAKES.filter((s) => cues[s] !== undefined), cues };
}
