import { FEATURE_BUCKETS, normalisedFeatures } from './features';
import type { ShippedModel } from './classifier';

/** One hand-written training message. */
export interface Example {
  text: string;
  label: string;
  lang: string;
}

/**
 * A reader to train: its positive labels (one head each) and the label that is none of them.
 * `ANY` is a head of its own: every positive label against the negative one.
 */
export interface ReaderSpec {
  name: string;
  labels: string[];
  negative: string;
}
export const ANY = 'any';
const positive = (spec: ReaderSpec, label: string, wanted: string) =>
  wanted === ANY ? label !== spec.negative : label === wanted;

export const READER_SPECS: ReaderSpec[] = [
  { name: 'requests', labels: ['request'], negative: 'other' },
  {
    name: 'stakes',
    labels: [ANY, 'concession', 'money_lookup', 'account', 'identity', 'legal', 'safety'],
    negative: 'none',
  },
];

const EPOCHS = 30;
const L2 = 1e-4;
const RATE = 0.5;
const SEED = 20261130;

/** mulberry32: a small seeded generator, so training order is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Head {
  weights: Float64Array;
  bias: number;
}

/**
 * Logistic regression by stochastic gradient descent with L2, one head per label against every
 * other message. Classes are weighted to balance, so a label with few examples is not drowned.
 */
function trainHead(data: { feats: [number, number][]; y: number }[]): Head {
  const weights = new Float64Array(FEATURE_BUCKETS);
  let bias = 0;
  const positives = data.filter((d) => d.y === 1).length;
  const negatives = data.length - positives;
  const weightOf = (y: number) =>
    y === 1
      ? data.length / (2 * Math.max(1, positives))
      : data.length / (2 * Math.max(1, negatives));
  const next = random(SEED);
  const order = data.map((_, i) => i);
  let step = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const { feats, y } = data[index]!;
      const rate = RATE / (1 + step++ / data.length);
      let z = bias;
      for (const [k, v] of feats) z += weights[k]! * v;
      const g = (1 / (1 + Math.exp(-z)) - y) * weightOf(y);
      for (const [k, v] of feats) weights[k]! -= rate * (g * v + L2 * weights[k]!);
      bias -= rate * g;
    }
  }
  return { weights, bias };
}

function quantise(label: string, head: Head): ShippedModel['weights'][number] {
  let max = 0;
  for (const w of head.weights) max = Math.max(max, Math.abs(w));
  const scale = max / 127 || 1;
  const bytes = new Int8Array(FEATURE_BUCKETS);
  for (let i = 0; i < FEATURE_BUCKETS; i++) bytes[i] = Math.round(head.weights[i]! / scale);
  return {
    label,
    bias: Number(head.bias.toFixed(6)),
    scale: Number(scale.toPrecision(8)),
    data: Buffer.from(bytes.buffer).toString('base64'),
  };
}

export function trainReader(spec: ReaderSpec, examples: Example[], files: string[]): ShippedModel {
  const data = examples.map((e) => ({ feats: normalisedFeatures(e.text), label: e.label }));
  const counts = spec.labels
    .filter((l) => l !== ANY)
    .concat(spec.negative)
    .map((l) => `${l} ${examples.filter((e) => e.label === l).length}`)
    .join(', ');
  return {
    trainedOn: `${files.join(', ')} (${counts}); ${EPOCHS} epochs, L2 ${L2}, seed ${SEED}`,
    labels: spec.labels,
    weights: spec.labels.map((label) =>
      quantise(
        label,
        trainHead(data.map((d) => ({ feats: d.feats, y: positive(spec, d.label, label) ? 1 : 0 }))),
      ),
    ),
  };
}

/**
 * k-fold cross-validation (each message in one of k folds by a seeded draw): precision and recall
 * of each label at 0.5, so the printed figures come from messages each fold did not train on.
 */
export function crossValidate(spec: ReaderSpec, examples: Example[], k: number): string[] {
  const next = random(SEED + 1);
  const data = examples.map((e) => ({
    feats: normalisedFeatures(e.text),
    label: e.label,
    fold: Math.floor(next() * k),
  }));
  const rows: string[] = [];
  for (const label of spec.labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let f = 0; f < k; f++) {
      const head = trainHead(
        data
          .filter((d) => d.fold !== f)
          .map((d) => ({ feats: d.feats, y: positive(spec, d.label, label) ? 1 : 0 })),
      );
      for (const d of data.filter((d) => d.fold === f)) {
        let z = head.bias;
        for (const [key, v] of d.feats) z += head.weights[key]! * v;
        const yes = z > 0;
        const truth = positive(spec, d.label, label);
        if (yes && truth) tp++;
        else if (yes) fp++;
        else if (truth) fn++;
      }
    }
    const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
    rows.push(
      `${label.padEnd(14)} ${k}-fold: precision ${pct(tp, tp + fp)}, recall ${pct(tp, tp + fn)} (${tp + fn} of ${examples.length} messages)`,
    );
  }
  return rows;
}
