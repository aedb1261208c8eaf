import { detectLanguage, type Language } from './language';
import { bareRequest, MATCHERS, negated, refusesBot, type Span } from './humanRequest/structures';
import { resolve, type Token } from './humanRequest/tokens';
import { LANGUAGE_WORDS } from './humanRequest/lang';
import { compileLanguage, type Category } from './humanRequest/vocabulary';
import { splitElisions } from './humanRequest/elision';
import { CLAUSE_BREAK, tokenizeClauses } from './text';

/**
 * Explicit request for a person, in any of the languages under `humanRequest/lang/`. This is the
 * promise the product is built on ("a human is always reachable"), so it leans towards recall: a
 * missed request leaves a customer stuck with a bot, an extra one costs an agent a glance.
 *
 * The message's language is detected first and its word lists are tried first; then every other
 * language's, because detection on a short message ("AGENT", "Mensch bitte") is often wrong or
 * absent and a request must never depend on it. Typos and sound-alike spellings are tolerated in
 * the detected language and in English (chat's lingua franca: "agnet plz" reads as German to the
 * detector) and, when detection is unsure, in all of them; when it is confident, the other
 * languages count only with exact words (so an English word one letter from a Dutch one stays
 * English). The structures themselves are in `humanRequest/structures.ts`.
 */
export interface HumanRequestMatch {
  matched: boolean;
  /** The words that matched, as the customer typed them (normalised), e.g. "tlak to a humna". */
  phrase: string | null;
  /** The language whose words matched; absent when nothing matched. */
  language?: string;
}

const COMPILED = LANGUAGE_WORDS.map(compileLanguage);
const NO_MATCH: HumanRequestMatch = { matched: false, phrase: null };
const ANCHORS: Category[] = ['person', 'team', 'bot', 'request', 'channel', 'who', 'yours'];
/** Above this detection confidence, other languages' words must be spelled exactly. */
const CONFIDENT = 0.3;

/** Does this customer message ask for a person? */
export function detectHumanRequest(text: string): HumanRequestMatch {
  const raw = tokenizeClauses(splitElisions(text));
  if (raw.length === 0) return NO_MATCH;
  const detected = detectLanguage(text);
  const sure = detected.confidence >= CONFIDENT;
  const ordered = [...COMPILED].sort(
    (a, b) => Number(b.code === detected.language) - Number(a.code === detected.language),
  );
  for (const lang of ordered) {
    const typos = !sure || lang.code === detected.language || lang.code === 'en';
    const found = matchTokens(resolve(raw, lang, typos));
    if (found) return { ...found, language: lang.code };
  }
  return NO_MATCH;
}

/** The first structure that matches, not negated; else a bare request. Exported for tests. */
export function matchTokens(tokens: Token[]): HumanRequestMatch | null {
  // Every structure needs one of these; most messages have none, in most languages.
  if (!tokens.some((t) => ANCHORS.some((c) => t.categories.has(c)))) return null;
  for (let i = 0; i < tokens.length; i++) {
    for (const matcher of MATCHERS) {
      const found = matcher(tokens, i);
      // Refusing the bot is itself a negation ("not a bot"), so it is not checked for one.
      if (found && (matcher === refusesBot || !negated(tokens, found))) {
        return { matched: true, phrase: phrase(tokens, found) };
      }
    }
  }
  const bare = bareRequest(tokens);
  return bare ? { matched: true, phrase: phrase(tokens, bare) } : null;
}

/** The listed word a normalised token stands for in a language, or null (for tests). */
export function _lexiconWord(token: string, code = 'en'): string | null {
  const lang = COMPILED.find((l) => l.code === code);
  const t = lang ? resolve([token], lang, true)[0] : undefined;
  return t && t.categories.size > 0 ? t.word : null;
}

function phrase(tokens: Token[], found: Span): string {
  return tokens
    .slice(found.start, found.end + 1)
    .filter((t) => t.word !== CLAUSE_BREAK)
    .map((t) => t.raw)
    .join(' ');
}

export type { Language };
