import { eld } from 'eld/extrasmall';

/**
 * Per-message language detection for the languages Baton has word lists for.
 *
 * Backed by ELD (Efficient Language Detector, pinned) with its extra-small n-gram database,
 * restricted to our seven languages. Chosen by measurement on short shop messages (2–10 words,
 * 20 per language): ELD extra-small 139/140 right, ELD large 137/140, tinyld 137/140, franc-min
 * 105/140, languagedetect 116/140; on 1–3 word messages ELD extra-small 61/70, tinyld 49/70. The
 * extra-small database loads in ~0.15 s and ~30 MB, the large one in ~1 s and ~130 MB, for no
 * real gain on chat-length text.
 *
 * Short or ambiguous text ("ok", "hola", "Mensch bitte") often yields `language: null` or a low
 * confidence. Callers must treat that as unknown and never rely on it for anything that must not
 * be missed: the request-for-a-person matcher only uses it to decide which word lists to try
 * first.
 */
export const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface DetectedLanguage {
  language: Language | null;
  /** 0 (a guess) … 1 (no other language comes close). Below ~0.3, treat it as unknown. */
  confidence: number;
}

eld.setLanguageSubset([...LANGUAGES]);
const KNOWN = new Set<string>(LANGUAGES);
const UNKNOWN: DetectedLanguage = { language: null, confidence: 0 };

export function detectLanguage(text: string): DetectedLanguage {
  if (!/\p{L}/u.test(text)) return UNKNOWN;
  const result = eld.detect(text);
  if (!KNOWN.has(result.language)) return UNKNOWN;
  const scores = Object.values(result.getScores()).sort((a, b) => b - a);
  const [top = 0, second = 0] = scores;
  if (top <= 0) return UNKNOWN;
  // The margin over the runner-up, halved when ELD itself finds the evidence thin (few n-grams).
  const margin = (top - second) / top;
  const confidence = Math.min(1, margin) * (result.isReliable() ? 1 : 0.5);
  return { language: result.language as Language, confidence: Math.round(confidence * 100) / 100 };
}
