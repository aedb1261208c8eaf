import type { WaitEstimate } from '@baton/shared';

/** Fewer measured claims than this and Baton says "no estimate yet" instead of guessing. */
export const MIN_SAMPLES = 5;

/**
 * A wait estimate backed only by measured data: the median of the recent measured waits
 * (enqueue → claim) in this queue. Returns null when there are too few measurements.
 */
export function estimateWait(
  waitsMs: number[],
  slaMinutes: number | null,
  queueName: string,
): WaitEstimate | null {
  if (waitsMs.length < MIN_SAMPLES) return null;
  const sorted = [...waitsMs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const minutes = Math.max(1, Math.ceil(median / 60_000));
  return {
    minutes,
    basis: `median wait of the last ${sorted.length} customers in ${queueName}`,
    samples: sorted.length,
    exceedsSla: slaMinutes !== null && minutes > slaMinutes,
  };
}
