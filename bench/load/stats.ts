/** Percentiles, spreads and the printed table. */

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function latencyOf(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s.at(-1) ?? NaN,
  };
}

export interface Spread {
  min: number;
  median: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return { min: NaN, median: NaN, max: NaN };
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { min: s[0]!, median, max: s.at(-1)! };
}

export const median = (values: number[]) => spread(values).median;

/** Compact number: 1234 → "1,234", 12.345 → "12.3", 0.1234 → "0.123". */
export function fmt(v: number, digits?: number): string {
  if (!Number.isFinite(v)) return '–';
  const d = digits ?? (Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : Math.abs(v) >= 1 ? 2 : 3);
  return v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

export const fmtSpread = (s: Spread, digits = 2) =>
  Number.isFinite(s.median)
    ? `${fmt(s.min, digits)} / ${fmt(s.median, digits)} / ${fmt(s.max, digits)}`
    : '–';

export interface Row {
  scenario: string;
  baton: string;
  bare: string;
  ratio: string;
  goal: string;
  met: string;
}

export function table(rows: Row[]): string {
  const head: Row = {
    scenario: 'scenario',
    baton: 'Baton',
    bare: 'bare Socket.IO',
    ratio: 'Baton/bare min / median / max',
    goal: 'goal',
    met: 'met?',
  };
  const cols = Object.keys(head) as (keyof Row)[];
  const width = Object.fromEntries(
    cols.map((c) => [c, Math.max(...[head, ...rows].map((r) => r[c].length))]),
  ) as Record<keyof Row, number>;
  const line = (r: Row) => '| ' + cols.map((c) => r[c].padEnd(width[c])).join(' | ') + ' |';
  const rule = '|' + cols.map((c) => '-'.repeat(width[c] + 2)).join('|') + '|';
  return [line(head), rule, ...rows.map(line)].join('\n');
}
