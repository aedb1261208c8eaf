import { FuzzyLexicon } from '../fuzzyLexicon';
import { normaliseText } from '../text';
import { splitElisions } from './elision';
import { PhoneticIndex } from './phonetic';

/**
 * The shape of one language's word lists (`lang/<code>.ts`). A store adds a language by adding one
 * such file and listing it in `lang/index.ts`; the matcher's structures are the same for every
 * language, only the words differ.
 *
 * Every list is one string: entries separated by commas or new lines, each entry one word or a
 * phrase of up to four words, written as customers type them (accents and apostrophes are
 * stripped before matching, so "quelqu'un" and "quelquun" are the same entry). A phrase is read as
 * one token: "customer service", "atención al cliente", "put me through", "do i need" (the last
 * listed under `neutral` so that its "need" is not read as a request).
 */
export interface LanguageWords {
  /** ISO 639-1 code, as `detectLanguage` returns it. */
  code: string;
  /** Nouns for a person who can be asked for: human, agent, alguien, Mitarbeiter, medewerker. */
  person: string;
  /** Those of `person` that ask for a person on their own, in a short message: "AGENT", "humano". */
  standalone: string;
  /** Teams and desks: a person only after a verb of contact ("talk to billing"). */
  team: string;
  /** Verbs of contact, in the forms a request uses: talk, hablar, parler, sprechen, spreken. */
  contact: string;
  /** Verbs of wanting: want, need, "id like", quiero, je veux, ich möchte, nodig. */
  want: string;
  /** What a person is asked to do in "can someone help me": help, call, ayudar, helfen. */
  help: string;
  /** Can, could, puedo, puis, kann, posso, kan: a question that is a request. */
  modal: string;
  /** Articles, pronouns and prepositions between a verb and the person: to, a, con, mit, van. */
  glue: string;
  /** Adjectives that make the person a real one, before or after it: real, live, de verdad, echt. */
  real: string;
  /** Of, from, on, at: "someone from your team", "alguien de atención al cliente". */
  from: string;
  /** The bot: bot, robot, machine, máquina, IA. */
  bot: string;
  /** Words that refuse the bot when they precede it: no, not, stop, enough, basta, kein. */
  refuse: string;
  /** Words between a refusal and the bot: "no more bots", "basta de robots". */
  botGlue: string;
  /** Negations that cancel a request: don't, no, ne, pas, nicht, kein, geen. */
  negation: string;
  /** Words a negation reaches across: "i don't really want to talk to a human". */
  negationReach: string;
  /** Politeness and filler that may surround a bare person noun: please, por favor, bitte. */
  filler: string;
  /** Words that may follow a wanted person: "i need a human now", "necesito una persona que…". */
  after: string;
  /** "is there", "hay", "y a t il", "gibt es", "is er": a question whether a person is there. */
  presence: string;
  /** Words after the person in a presence question: there, here, available, disponible, da. */
  presenceAfter: string;
  /** Help as a noun, in "help from a person": help, ayuda, aide, Hilfe. */
  helpNoun: string;
  /** Requests on their own: escalate, callback, "call me back". */
  request: string;
  /** A phone line: number, phone number, hotline, número, Telefonnummer. */
  channel: string;
  /** Calling it: call, ring, phone, llamar, appeler, anrufen, bellen. */
  call: string;
  /** Question words asking whom: who, quién, qui, wem, quem, chi, wie ("who can I talk to"). */
  who: string;
  /** The business addressed: your, vous, Ihre, su, vostro, uw ("your phone number?"). */
  yours: string;
  /** Telling of an earlier contact, which makes the rest of the clause a mention: talked, dijo. */
  mention?: string;
  /**
   * Indefinite pronouns for a person, also listed under `person`: someone, anybody, alguien,
   * quelqu'un, jemand. Unlike a noun they take no modifier, so whatever word precedes them does
   * not make them another role ("the delivery person" does, "reckon someone" does not).
   */
  someone?: string;
  /** Having someone act: "have someone call me", "get somebody to look". */
  causative?: string;
  /** Passing a matter on, with the matter between verb and person: "refer my query to …". */
  handOver?: string;
  /**
   * Those of `team` that are groups of people rather than desks or the business itself: people,
   * team, staff, équipe, Leute. "your warehouse people", "one of your team" and "the returns
   * people" name persons where "your store" or "the company" does not.
   */
  group?: string;
  /** Ways to write to or ring someone, asked for with a person: "the email of your support team". */
  address?: string;
  /** Joining two words that say which desk: "your partnerships or sales department": and, or. */
  and?: string;
  /**
   * Thanks and greetings passed on to people: thanks, regards, compliments. "Please pass my
   * thanks to your team" hands no matter over and asks for nobody.
   */
  courtesy?: string;
  /**
   * Casual words for a man or men, a person only when said which desk they are from: "a guy from
   * shipping", "the guys in your warehouse" ("can I bring a guy to help?" asks for nobody).
   */
  casual?: string;
  /**
   * Indefinite articles: "an agent in a furniture shop" is someone at some shop, where "an agent in
   * your shop" or "in the returns department" is one of the business's.
   */
  indefinite?: string;
  /**
   * Other people as the subject: he, she, they, my husband. "she may call you" is someone else
   * calling the business, not the customer asking to.
   */
  others?: string;
  /** Phrases that look like a request but are not: "do i need", "contact person", "someone else". */
  neutral: string;
  /** Real words one typo away from a listed word, which keep their own meaning: stuff, manage. */
  notTypos: string;
  /** Chat spellings too far from the word for the typo rule: { some1: 'someone' }. */
  aliases?: Record<string, string>;
  /** Match English-style phonetic misspellings ("tawk", "persun") with Double Metaphone. */
  phonetic?: boolean;
}

export type Category = Exclude<
  keyof LanguageWords,
  'code' | 'notTypos' | 'aliases' | 'phonetic' | 'neutral'
>;

/** Categories whose words tolerate typos; the rest are short function words matched exactly. */
const FUZZY: Category[] = [
  'person',
  'team',
  'contact',
  'want',
  'help',
  'real',
  'bot',
  'request',
  'channel',
  'call',
  'group',
];

export interface CompiledLanguage {
  code: string;
  /** Normalised word or phrase → its categories (empty for neutral phrases). */
  categories: Map<string, Set<Category>>;
  /** First word of a phrase → the phrases starting with it, longest first, as word arrays. */
  phrases: Map<string, string[][]>;
  lexicon: FuzzyLexicon;
  phonetic: PhoneticIndex | null;
  aliases: Map<string, string>;
}

export function entries(list: string): string[] {
  return list
    .split(/[,\n]/)
    .map((entry) => normaliseText(splitElisions(entry)))
    .filter((entry) => entry !== '');
}

export function compileLanguage(words: LanguageWords): CompiledLanguage {
  const categories = new Map<string, Set<Category>>();
  const add = (entry: string, category: Category | null) => {
    const set = categories.get(entry) ?? new Set<Category>();
    if (category) set.add(category);
    categories.set(entry, set);
  };
  for (const key of Object.keys(words) as (keyof LanguageWords)[]) {
    if (key === 'code' || key === 'notTypos' || key === 'aliases' || key === 'phonetic') continue;
    for (const entry of entries(words[key] as string)) {
      add(entry, key === 'neutral' ? null : key);
      // A noun that asks for a person on its own is a person everywhere else too.
      if (key === 'standalone') add(entry, 'person');
      // A group of people is a team everywhere else too.
      if (key === 'group') add(entry, 'team');
    }
  }
  const phrases = new Map<string, string[][]>();
  for (const entry of categories.keys()) {
    const parts = entry.split(' ');
    if (parts.length < 2) continue;
    const list = phrases.get(parts[0]!) ?? [];
    list.push(parts);
    phrases.set(parts[0]!, list);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.length - a.length);
  const fuzzyWords = [...categories]
    .filter(([entry, cats]) => !entry.includes(' ') && FUZZY.some((c) => cats.has(c)))
    .map(([entry]) => entry);
  const blocked = entries(words.notTypos);
  return {
    code: words.code,
    categories,
    phrases,
    lexicon: new FuzzyLexicon(fuzzyWords, blocked),
    phonetic: words.phonetic ? new PhoneticIndex(fuzzyWords, blocked) : null,
    aliases: new Map(
      Object.entries(words.aliases ?? {}).map(([k, v]) => [normaliseText(k), normaliseText(v)]),
    ),
  };
}
