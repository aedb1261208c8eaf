import { CLAUSE_BREAK, squeeze } from '../text';
import type { Category, CompiledLanguage } from './vocabulary';

export interface Token {
  /** As typed (normalised); several words for a phrase ("atencion al cliente"). */
  raw: string;
  /** The listed word or phrase it stands for, or the raw token. */
  word: string;
  categories: ReadonlySet<Category>;
}

const NONE: ReadonlySet<Category> = new Set();
export const BREAK: Token = { raw: CLAUSE_BREAK, word: CLAUSE_BREAK, categories: NONE };

export const has = (t: Token | undefined, category: Category): boolean =>
  t !== undefined && t.categories.has(category);
export const isBreak = (t: Token | undefined): boolean => t?.word === CLAUSE_BREAK;

/**
 * Reads normalised tokens against one language's lists: the longest listed phrase first, then a
 * listed word, an alias, a typo of a listed word, a sound-alike spelling. `typos` is false when
 * the message was confidently detected as another language, so that only exact words of this
 * one count ("mens" is Dutch for human, and an English word).
 */
export function resolve(raw: string[], lang: CompiledLanguage, typos: boolean): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < raw.length;) {
    const first = raw[i]!;
    if (first === CLAUSE_BREAK) {
      out.push(BREAK);
      i++;
      continue;
    }
    const phrase = lang.phrases
      .get(lang.aliases.get(first) ?? first)
      ?.find((words) =>
        words.every((w, k) => k === 0 || raw[i + k] === w || lang.aliases.get(raw[i + k]!) === w),
      );
    if (phrase) {
      const word = phrase.join(' ');
      const categories = lang.categories.get(word) ?? NONE;
      out.push({ raw: raw.slice(i, i + phrase.length).join(' '), word, categories });
      i += phrase.length;
      continue;
    }
    out.push(lookup(first, lang, typos));
    i++;
  }
  return out;
}

function lookup(raw: string, lang: CompiledLanguage, typos: boolean): Token {
  const exact = lang.categories.get(raw);
  if (exact) return { raw, word: raw, categories: exact };
  const squeezed = lang.categories.get(squeeze(raw));
  if (squeezed) return { raw, word: squeeze(raw), categories: squeezed };
  const alias = lang.aliases.get(raw);
  if (alias) return { raw, word: alias, categories: lang.categories.get(alias) ?? NONE };
  if (typos) {
    const word = lang.lexicon.match(raw) ?? lang.phonetic?.match(raw) ?? null;
    if (word) return { raw, word, categories: lang.categories.get(word) ?? NONE };
  }
  return { raw, word: raw, categories: NONE };
}
