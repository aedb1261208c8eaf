const MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['\u2018\u2019`\u00b4]/g;
const NON_WORD = /[^a-z0-9]+/g;
const LONG_RUNS = /([a-z])\1{2,}/g;

/**
 * Lower-cases, strips accents, apostrophes ("don't" → "dont"), punctuation and emoji, and squeezes a
 * letter repeated three or more times to two ("huuuuman" → "huuman"), so an emphatic spelling is one
 * edit away from the word rather than many.
 */
export function normaliseText(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(MARKS, '')
      .toLowerCase()
      // The dotless i of Turkish and Azeri keyboards ("ordır", "brokın") is an i.
      .replace(/\u0131/g, 'i')
      .replace(APOSTROPHES, '')
      .replace(NON_WORD, ' ')
      .replace(LONG_RUNS, '$1$1')
      .trim()
  );
}

export function tokenize(text: string): string[] {
  const normalised = normaliseText(text);
  return normalised === '' ? [] : normalised.split(' ');
}

/** Marks the end of a clause in `tokenizeClauses`' output. */
export const CLAUSE_BREAK = ',';
// Emoji and dashes end a clause in chat as punctuation does: "that was not it 😅 can a real
// person call me?".
const CLAUSE_PUNCTUATION = /\s*(?:[.,;:!?()\u2013\u2014]|\p{Extended_Pictographic})+\s*/gu;

/**
 * Like `tokenize`, but keeps a `CLAUSE_BREAK` token where punctuation ended a clause, so that
 * "no, talk to a person" is not read as the negated "no talk to a person".
 */
export function tokenizeClauses(text: string): string[] {
  const out: string[] = [];
  for (const clause of text.split(CLAUSE_PUNCTUATION)) {
    const tokens = tokenize(clause);
    if (tokens.length === 0) continue;
    if (out.length > 0) out.push(CLAUSE_BREAK);
    out.push(...tokens);
  }
  return out;
}

/** "pleease" → "please": for comparing filler words exactly after emphatic spelling. */
export function squeeze(token: string): string {
  return token.replace(/([a-z])\1+/g, '$1');
}
