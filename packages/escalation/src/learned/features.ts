import { normaliseText } from '../text';

/**
 * Features of a message for the learned readers (see `classifier.ts`), hashed into a fixed
 * number of buckets so a model is a flat array of weights whatever the vocabulary: the words, the
 * pairs of neighbouring words, and the 3- to 5-letter pieces of each word with its edges marked
 * (fastText's subwords), so "persun", "persona" and "person" share most of their pieces and a
 * misspelt or inflected word still counts. Text is normalised first (lower case, no accents,
 * punctuation or emoji), so the same features come out in every language.
 */
export const HASH_BITS = 16;
const BUCKETS = 1 << HASH_BITS;
const MAX_CHARS = 1000;

/** FNV-1a, 32 bits: stable across runs and platforms, which the shipped weights rely on. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (BUCKETS - 1);
}

/** Bucket → count for one message. Empty for a message with no letters or digits. */
export function features(text: string): Map<number, number> {
  const words = normaliseText(text.slice(0, MAX_CHARS)).split(' ').filter(Boolean);
  const out = new Map<number, number>();
  const add = (key: string) => {
    const bucket = hash(key);
    out.set(bucket, (out.get(bucket) ?? 0) + 1);
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    add(`w:${word}`);
    if (i > 0) add(`b:${words[i - 1]} ${word}`);
    const edged = `<${word}>`;
    for (let n = 3; n <= 5; n++) {
      for (let j = 0; j + n <= edged.length; j++) add(`c:${edged.slice(j, j + n)}`);
    }
  }
  // Where the message starts and ends matters ("agent." is not "agent orange").
  if (words.length > 0) {
    add(`s:${words[0]}`);
    add(`e:${words[words.length - 1]}`);
    add(`n:${Math.min(words.length, 12)}`);
  }
  return out;
}

/** Scales counts so a long message does not outweigh a short one: l2-normalised values. */
export function normalisedFeatures(text: string): [number, number][] {
  const counts = features(text);
  let norm = 0;
  for (const v of counts.values()) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  return [...counts].map(([k, v]) => [k, v / norm]);
}

export const FEATURE_BUCKETS = BUCKETS;
