/**
 * The widget's language: English is built in; every other catalogue is its own small chunk,
 * fetched only when chosen. Components read `t` when they render (a live binding), and the
 * store's `locale` changes once a catalogue is in place, so the whole panel re-renders in it.
 */
import { en, type Strings } from './en';

export type { Strings };

/** The catalogue in use. */
export let t: Strings = en;
/** Its BCP 47 tag, for dates and times. */
export let lang = 'en';

const CATALOGUES: Record<string, () => Promise<{ default: Strings }>> = {
  ar: () => import('./ar'),
  de: () => import('./de'),
  es: () => import('./es'),
  fr: () => import('./fr'),
  it: () => import('./it'),
  nl: () => import('./nl'),
  pt: () => import('./pt'),
};

/** The languages the widget speaks. */
export const LANGUAGES = ['en', ...Object.keys(CATALOGUES)];

/**
 * The first candidate the widget speaks, by language (`pt-BR` → `pt`); English when none is.
 * Candidates come in order of preference: `Baton('boot', {locale})`, site.yaml, the page's
 * `lang`, the browser's languages.
 */
export function pickLanguage(candidates: readonly (string | null | undefined)[]): string {
  for (const tag of candidates) {
    const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
    if (base && LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

/** Loads and switches to `language` (one of LANGUAGES); resolves once `t` reads in it. */
export async function useLanguage(language: string, doc?: Document): Promise<void> {
  const load = CATALOGUES[language];
  t = load ? (await load()).default : en;
  lang = load ? language : 'en';
  if (doc) {
    doc.documentElement.lang = lang;
    doc.documentElement.dir = t.dir;
  }
}

/** Codes whose words are another code's: a request that failed reads like one unanswered. */
const SAME_AS: Record<string, string> = { NETWORK: 'TIMEOUT' };

/** What the customer reads for an error: its code's text, or the general one. */
export const errorText = ({ code }: { code: string }): string =>
  t.errors[SAME_AS[code] ?? code] ?? t.errors.other;
