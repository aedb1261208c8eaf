import { FEATURE_BUCKETS, normalisedFeatures } from './features';

/**
 * A linear reader of chat messages: one logistic model per label over hashed word and word-piece
 * features (`features.ts`), trained offline by `scripts/trainReaders.ts` on hand-written messages
 * in `eval/train/` and shipped as quantised weights. It reads what the word lists were not written
 * for (new phrasings, other word orders, misspellings), and is only ever added to them: the rules
 * decide alone when they match, and a label the reader is unsure of counts for nothing.
 */
export interface ShippedModel {
  /** What the model was trained on, for the record (files, counts, settings). */
  trainedOn: string;
  labels: string[];
  /** Per label: bias, scale and int8 weights (base64, FEATURE_BUCKETS bytes). */
  weights: { label: string; bias: number; scale: number; data: string }[];
}

export interface Reader {
  labels: readonly string[];
  /** Probability per label (one-vs-rest, each in 0..1). */
  read(text: string): Record<string, number>;
}

function decode(data: string): Int8Array {
  const bytes = Uint8Array.from(Buffer.from(data, 'base64'));
  if (bytes.length !== FEATURE_BUCKETS) {
    throw new Error(`a shipped reader has ${bytes.length} weights, ${FEATURE_BUCKETS} expected`);
  }
  return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

export function loadReader(model: ShippedModel): Reader {
  const heads = model.weights.map((w) => ({ ...w, values: decode(w.data) }));
  return {
    labels: model.labels,
    read(text) {
      const feats = normalisedFeatures(text);
      const out: Record<string, number> = {};
      for (const head of heads) {
        let z = head.bias;
        for (const [k, v] of feats) z += head.values[k]! * head.scale * v;
        out[head.label] = 1 / (1 + Math.exp(-z));
      }
      return out;
    },
  };
}
