import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';

/**
 * Spelling by ear: "tawk" for talk, "persun" for person, "reprezentativ", "soopervisor". A token
 * matches a lexicon word when both have the same Double Metaphone code and the spellings stay
 * close (the code alone is too coarse: "take" and "tuck" sound like a silent-l "talk", "stuff"
 * like "staff"). Listed real words (`blocked`) never match.
 */
export class PhoneticIndex {
  private readonly byCode = new Map<string, string[]>();
  private readonly blocked: Set<string>;
  private readonly cache = new Map<string, string | null>();

  constructor(words: Iterable<string>, blocked: Iterable<string>) {
    this.blocked = new Set(blocked);
    for (const word of words) {
      if (word.length < 4) continue;
      for (const spelling of spokenSpellings(word)) {
        for (const code of codes(spelling)) {
          const list = this.byCode.get(code) ?? [];
          if (!list.includes(word)) list.push(word);
          this.byCode.set(code, list);
        }
      }
    }
  }

  match(token: string): string | null {
    if (token.length < 4 || this.blocked.has(token) || /\d/.test(token)) return null;
    const cached = this.cache.get(token);
    if (cached !== undefined) return cached;
    let best: string | null = null;
    let bestDistance = Infinity;
    for (const code of codes(token)) {
      for (const word of this.byCode.get(code) ?? []) {
        const d = Math.min(...spokenSpellings(word).map((s) => distance(token, s)));
        if (d <= allowed(token.length) && d < bestDistance) {
          best = word;
          bestDistance = d;
        }
      }
    }
    if (this.cache.size >= 20_000) this.cache.clear();
    this.cache.set(token, best);
    return best;
  }
}

/** How far a sound-alike spelling may stray from the word, by length. */
function allowed(length: number): number {
  if (length <= 5) return 1;
  if (length <= 7) return 2;
  return 3;
}

function codes(word: string): string[] {
  const [primary, secondary] = doubleMetaphone(word);
  return primary === secondary ? [primary] : [primary, secondary];
}

/** The word, and how it is said when its letters mislead: the silent l of "talk" ("tawk"). */
function spokenSpellings(word: string): string[] {
  const silentL = word.replace(/alk/g, 'awk');
  return silentL === word ? [word] : [word, silentL];
}
