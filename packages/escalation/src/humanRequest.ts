import { detectLanguage, type Language } from './language';
import {
  bareRequest,
  MATCHERS,
  negated,
  personDeclined,
  refusesBot,
  type Span,
} from './humanRequest/structures';
import { isBreak, resolve, type Token } from './humanRequest/tokens';
import { LANGUAGE_WORDS } from './humanRequest/lang';
import { compileLanguage, type Category } from './humanRequest/vocabulary';
import { splitElisions } from './humanRequest/elision';
import { CLAUSE_BREAK, tokenizeClauses } from './text';
import { requestReader } from './learned/readers';

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
  /**
   * Set when no structure matched and the message names someone to talk to: the probability the
   * learned reader (`learned/`) gives it of being a request. It counts alone at
   * `READER_THRESHOLD`; the engine also counts a lower one for a message nobody understood
   * (`UNCOVERED_READER_THRESHOLD`).
   */
  reading?: number;
}

const COMPILED = LANGUAGE_WORDS.map(compileLanguage);
const NO_MATCH: HumanRequestMatch = { matched: false, phrase: null };
const ANCHORS: Category[] = ['person', 'team', 'bot', 'request', 'channel', 'who', 'yours'];
/**
 * What a message must name for the reader to count: someone, some way to reach them, or whom
 * ("com quem eu falo de verdade?"). Not "you" alone: "could you point me to it?" asks the bot.
 */
const READER_ANCHORS: Category[] = ['person', 'team', 'bot', 'request', 'channel', 'who'];
/** Above this detection confidence, other languages' words must be spelled exactly. */
const CONFIDENT = 0.3;
/**
 * How sure the learned reader must be to count a message the structures missed as a request.
 * Chosen on the dev split and the extra train set (`pnpm eval`), never on the test split.
 */
export const READER_THRESHOLD = 0.9;
/**
 * For a message the assistant did not understand, a weaker reading is enough: nothing else
 * explains the message, and a missed request leaves the customer with a bot. Chosen on the dev
 * split.
 */
export const UNCOVERED_READER_THRESHOLD = 0.5;

/**
 * Does this customer message ask for a person? `reader: false` leaves the learned reader out
 * (the word lists alone, for their tests).
 */
export function detectHumanRequest(
  text: string,
  options: { reader?: boolean } = {},
): HumanRequestMatch {
  const raw = tokenizeClauses(splitElisions(text));
  if (raw.length === 0) return NO_MATCH;
  const detected = detectLanguage(text);
  const sure = detected.confidence >= CONFIDENT;
  const ordered = [...COMPILED].sort(
    (a, b) => Number(b.code === detected.language) - Number(a.code === detected.language),
  );
  let anchored = false;
  let refused = false;
  for (const lang of ordered) {
    const typos = !sure || lang.code === detected.language || lang.code === 'en';
    const tokens = resolve(raw, lang, typos);
    const found = matchTokens(tokens);
    if (found?.matched) return { ...found, language: lang.code };
    // For the reader's guard: the words of the detected language and English, and, when the
    // language is unsure, other languages' words spelled right ("agent" in "my travel agent" is
    // a neutral English phrase, not the French "agent"; "human" is not a misspelt "humano").
    const own = lang.code === detected.language || lang.code === 'en';
    if (!anchored && (own || !sure)) {
      anchored = (own ? tokens : resolve(raw, lang, false)).some(isAnchor);
    }
    refused ||= found?.negated === true || (own && tellsOfContact(tokens));
    // Negated in the message's own language ("I'm not going to demand a supervisor"): another
    // language's look-alike words, read without that language's negations, do not overrule it.
    if (own && found?.negated === true) break;
  }
  // The word lists missed it: the reader, trained on other people's messages, may still see one.
  // It only adds what the lists cannot: a message that names nobody to talk to (no
  // READER_ANCHORS word), whose request the lists found negated ("I don't want to talk to a
  // human"), or that tells of an earlier contact ("ya hablé con un agente ayer") is not read as
  // one.
  if (!anchored || refused || options.reader === false) return NO_MATCH;
  const reading = requestReader().read(text).request ?? 0;
  return {
    matched: reading >= READER_THRESHOLD,
    phrase: null,
    reading,
    ...(detected.language !== null && { language: detected.language }),
  };
}

const isAnchor = (t: Token) => READER_ANCHORS.some((c) => t.categories.has(c));

/** A clause that tells of an earlier contact: a person and a word of telling ("I spoke to an agent"). */
function tellsOfContact(tokens: Token[]): boolean {
  let mention = false;
  let anchor = false;
  for (const t of tokens) {
    if (isBreak(t)) {
      mention = anchor = false;
      continue;
    }
    mention ||= t.categories.has('mention');
    anchor ||= isAnchor(t);
    if (mention && anchor) return true;
  }
  return false;
}

const hasAnchor = (tokens: Token[]) => tokens.some((t) => ANCHORS.some((c) => t.categories.has(c)));

/**
 * The first structure that matches, not negated; else a bare request. `negated` (with
 * `matched: false`) when the only structures found were negated. Exported for tests.
 */
export function matchTokens(tokens: Token[]): (HumanRequestMatch & { negated?: boolean }) | null {
  // Every structure needs one of these; most messages have none, in most languages.
  if (!hasAnchor(tokens)) return null;
  let negatedOnly = false;
  for (let i = 0; i < tokens.length; i++) {
    for (const matcher of MATCHERS) {
      const found = matcher(tokens, i);
      if (!found) continue;
      // Refusing the bot is itself a negation ("not a bot"), so it is not checked for one.
      if (matcher === refusesBot || !negated(tokens, found)) {
        return { matched: true, phrase: phrase(tokens, found) };
      }
      negatedOnly = true;
    }
  }
  const bare = bareRequest(tokens);
  if (bare) return { matched: true, phrase: phrase(tokens, bare) };
  return negatedOnly || personDeclined(tokens)
    ? { matched: false, phrase: null, negated: true }
    : null;
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
