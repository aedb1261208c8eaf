import Sentiment from 'sentiment';

/**
 * AFINN words that describe a store transaction rather than a feeling ("I was charged twice",
 * "cancel my subscription", "I'd like to return it"). Their AFINN scores would make neutral
 * requests look upset, so they count as 0 here.
 */
const TRANSACTION_WORDS = new Set([
  'charge',
  'charged',
  'charges',
  'cancel',
  'cancelled',
  'canceled',
  'cancelling',
  'dispute',
  'disputed',
  'pay',
  'free',
  'care',
  'legal',
  'fit',
  'like',
  'want',
  'help',
  'please',
]);

/** A summed AFINN score of this size maps to tanh(1) ≈ 0.76. */
const SCALE = 5;

let analyzer: Sentiment | undefined;

/**
 * This message's sentiment, normalised to -1..1 (0 = neutral): the AFINN score of the
 * `sentiment` package (which handles negation such as "not happy") minus transaction words,
 * squashed with tanh(score / 5). One strong word ("terrible", -3) gives about -0.54; several
 * give close to -1.
 */
export function scoreSentiment(text: string): number {
  // Not created at import time; and the package's `extras` option is avoided because it
  // mutates the package's shared word list.
  analyzer ??= new Sentiment();
  let score = 0;
  for (const entry of analyzer.analyze(text).calculation) {
    for (const [word, value] of Object.entries(entry)) {
      if (!TRANSACTION_WORDS.has(word)) score += value;
    }
  }
  return Math.round(Math.tanh(score / SCALE) * 1000) / 1000 || 0;
}
