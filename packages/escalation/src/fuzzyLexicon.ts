import { distance } from 'fastest-levenshtein';

/**
 * Matches a token to a word of a small lexicon, tolerating one typo.
 *
 * - words shorter than 4 letters match exactly only ("rep", "ai");
 * - 4-letter words tolerate a swap of two neighbouring letters or one extra letter ("tlak",
 *   "tallk"), but not a substitution or a missing letter: "chat" is one edit from "that" and
 *   "what", "want" from "went" and "wont";
 * - 5 to 9 letters: Levenshtein distance ≤ 1 or one swap of neighbouring letters ("humna",
 *   "agnet", "spek");
 * - 10 letters or more: distance ≤ 2 ("representive");
 * - tokens listed in `blocked` are real words one edit away from a lexicon word ("stuff" vs
 *   "staff", "manage" vs "manager"); they match only themselves.
 *
 * Candidates come from a symmetric-deletion index, so a lookup costs a handful of map reads
 * instead of a distance computation against every word.
 */
export class FuzzyLexicon {
  private readonly words: Set<string>;
  private readonly blocked: Set<string>;
  private readonly byDeletion = new Map<string, string[]>();
  private readonly longWords: string[];
  private readonly cache = new Map<string, string | null>();

  constructor(words: Iterable<string>, blocked: Iterable<string> = []) {
    this.words = new Set(words);
    this.blocked = new Set(blocked);
    this.longWords = [...this.words].filter((w) => w.length >= 10);
    for (const word of this.words) {
      if (word.length < 4) continue;
      this.index(word, word);
      for (const deleted of deletions(word)) this.index(deleted, word);
    }
  }

  /** The lexicon word `token` stands for, or null. */
  match(token: string): string | null {
    if (this.words.has(token)) return token;
    if (token.length < 4 || this.blocked.has(token)) return null;
    const cached = this.cache.get(token);
    if (cached !== undefined) return cached;
    const found = this.search(token);
    // Bounded memo: chat vocabulary is small, but a flood of random tokens must not grow memory.
    if (this.cache.size >= 20_000) this.cache.clear();
    this.cache.set(token, found);
    return found;
  }

  private search(token: string): string | null {
    let best: string | null = null;
    let bestDistance = Infinity;
    const consider = (word: string) => {
      const d = typoDistance(token, word);
      if (d !== null && d < bestDistance) {
        best = word;
        bestDistance = d;
      }
    };
    for (const key of [token, ...deletions(token)]) {
      for (const word of this.byDeletion.get(key) ?? []) consider(word);
    }
    if (token.length >= 8) for (const word of this.longWords) consider(word);
    return best;
  }

  private index(key: string, word: string) {
    const list = this.byDeletion.get(key);
    if (!list) this.byDeletion.set(key, [word]);
    else if (!list.includes(word)) list.push(word);
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** True when `a` is `b` with two neighbouring letters swapped ("tlak" / "talk"). */
export function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** The typo distance between a token and a lexicon word under the rules above, or null. */
export function typoDistance(token: string, word: string): number | null {
  if (token === word) return 0;
  if (word.length < 4 || token.length < 4) return null;
  if (isAdjacentSwap(token, word)) return 1;
  const d = distance(token, word);
  if (word.length === 4) return d === 1 && token.length === 5 ? 1 : null;
  if (word.length >= 10) return d <= 2 ? d : null;
  return d <= 1 ? d : null;
}
