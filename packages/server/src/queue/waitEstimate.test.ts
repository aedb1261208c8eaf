import { describe, expect, it } from 'vitest';
import { estimateWait, MIN_SAMPLES } from './waitEstimate';

const min = (m: number) => m * 60_000;

describe('estimateWait', () => {
  it('returns null with no measurements', () => {
    expect(estimateWait([], 5, 'Billing')).toBeNull();
  });

  it('returns null with one fewer than MIN_SAMPLES measurements', () => {
    const waits = Array.from({ length: MIN_SAMPLES - 1 }, () => min(3));
    expect(estimateWait(waits, 5, 'Billing')).toBeNull();
  });

  it('estimates from exactly MIN_SAMPLES measurements', () => {
    const waits = Array.from({ length: MIN_SAMPLES }, () => min(3));
    expect(estimateWait(waits, 5, 'Billing')).toEqual({
      minutes: 3,
      basis: `median wait of the last ${MIN_SAMPLES} customers in Billing`,
      samples: MIN_SAMPLES,
      exceedsSla: false,
    });
  });

  it('takes the middle value of an odd count, sorting numerically', () => {
    // A lexicographic sort would pick 60 000 ms (1 minute) as the middle value.
    const waits = [600_000, 60_000, 120_000, 90_000, 3_000_000];
    expect(estimateWait(waits, null, 'General')?.minutes).toBe(2);
  });

  it('averages the two middle values of an even count', () => {
    const waits = [min(8), min(2), min(6), min(2), min(4), min(8)];
    // Middle values are 4 and 6 minutes: neither alone gives 5.
    expect(estimateWait(waits, null, 'General')?.minutes).toBe(5);
  });

  it('rounds the median up to whole minutes', () => {
    const waits = [61_000, 61_000, 61_000, 61_000, 61_000];
    expect(estimateWait(waits, null, 'General')?.minutes).toBe(2);
  });

  it('never estimates less than 1 minute', () => {
    expect(estimateWait([0, 0, 0, 5_000, 10_000], null, 'General')?.minutes).toBe(1);
  });

  it('does not reorder the caller’s array', () => {
    const waits = [min(5), min(1), min(3), min(2), min(4)];
    estimateWait(waits, null, 'General');
    expect(waits).toEqual([min(5), min(1), min(3), min(2), min(4)]);
  });

  it('names the sample size and the queue in the basis', () => {
    const waits = Array.from({ length: 12 }, () => min(1));
    expect(estimateWait(waits, null, 'Trust & Safety')?.basis).toBe(
      'median wait of the last 12 customers in Trust & Safety',
    );
  });

  describe('exceedsSla', () => {
    const fiveMinutes = Array.from({ length: MIN_SAMPLES }, () => min(5));

    it('is true when the estimate is longer than the SLA', () => {
      expect(estimateWait(fiveMinutes, 4, 'Billing')?.exceedsSla).toBe(true);
    });

    it('is false when the estimate equals the SLA', () => {
      expect(estimateWait(fiveMinutes, 5, 'Billing')?.exceedsSla).toBe(false);
    });

    it('is false when the estimate is shorter than the SLA', () => {
      expect(estimateWait(fiveMinutes, 30, 'Billing')?.exceedsSla).toBe(false);
    });

    it('is false when the queue has no SLA', () => {
      expect(estimateWait(fiveMinutes, null, 'Billing')?.exceedsSla).toBe(false);
    });

    it('compares the rounded-up minutes with the SLA', () => {
      // 4 min 1 s rounds up to 5 minutes, which is over a 4-minute SLA.
      const waits = Array.from({ length: MIN_SAMPLES }, () => min(4) + 1_000);
      expect(estimateWait(waits, 4, 'Billing')).toMatchObject({ minutes: 5, exceedsSla: true });
    });
  });
});
