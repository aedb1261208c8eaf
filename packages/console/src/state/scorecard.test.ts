import { describe, expect, it } from 'vitest';
import type { Ratio, Scorecard, ScorecardMetrics } from '@baton/shared';
import { changeOf, kpis, lastDays, percent } from './scorecard';

const r = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
});
const dist = { '1': 0, '2': 1, '3': 0, '4': 2, '5': 1 };

function metrics(): ScorecardMetrics {
  return {
    conversations: 10,
    autonomousResolution: r(4, 10),
    draftAcceptance: {
      reviewed: 4,
      approved: r(2, 4),
      edited: r(1, 4),
      rejected: r(1, 4),
      pending: 0,
      closed: 1,
    },
    humanOverride: { ...r(1, 6), draftRejected: 1, actionDenied: 0, outcomeUnnecessary: 0 },
    lateEscalation: { ...r(0, 8), byDecision: 0, byOutcome: 0 },
    recontact7d: { ...r(1, 4), unknownTopic: 0 },
    missReview: { ...r(0, 0), sampled: 2, pending: 2 },
    packetUsefulness: { count: 4, mean: 3.5, distribution: dist },
    specialistBounce: { ...r(0, 6), note: 'no transfers recorded' },
    waitEstimate: {
      claims: 6,
      withEstimate: 3,
      medianAbsErrorMinutes: 1.5,
      withinEstimate: r(2, 3),
    },
    slaAttainment: { ...r(5, 6), breaches: 1 },
    csat: { count: 4, mean: 3.75, distribution: dist, satisfied: r(3, 4) },
  };
}

describe('scorecard figures', () => {
  it('never shows 0% for no data', () => {
    expect(percent(null)).toBe('–');
    expect(percent(0)).toBe('0.0%');
    expect(percent(2 / 3)).toBe('66.7%');
  });

  it('lays out the headline figures with their counts', () => {
    const byKey = Object.fromEntries(kpis(metrics()).map((k) => [k.key, k]));
    expect(byKey.autonomousResolution).toMatchObject({ value: '40.0%', detail: '4 of 10' });
    expect(byKey.draftApproved?.detail).toBe('2 of 4 reviewed · 1 edited · 1 rejected');
    expect(byKey.missReview).toMatchObject({ value: '–', detail: '0 of 0 audited · 2 waiting' });
    expect(byKey.specialistBounce?.detail).toBe('no transfers recorded');
    expect(byKey.withinEstimate?.detail).toBe('2 of 3 · median error 1.5 min');
    expect(byKey.csat).toMatchObject({ value: '3.75 / 5', detail: '4 ratings · 75.0% gave 4–5' });
  });

  it('reads a change between policy versions by which way is better', () => {
    const card = {
      comparison: {
        version: 'v2',
        previousVersion: 'v1',
        previous: null,
        change: { humanOverride: -0.05, autonomousResolution: 0.1, slaAttainment: null },
      },
    } as unknown as Scorecard;
    const byKey = Object.fromEntries(kpis(metrics()).map((k) => [k.key, k]));
    expect(changeOf(card, byKey.humanOverride!)).toEqual({ text: '-5.0 pts', good: true });
    expect(changeOf(card, byKey.autonomousResolution!)).toEqual({ text: '+10.0 pts', good: true });
    expect(changeOf(card, byKey.slaAttainment!)).toBeNull();
  });

  it('a period of the last N days ends now', () => {
    expect(lastDays(7, Date.parse('2026-12-01T12:00:00Z'))).toEqual({
      from: '2026-11-24T12:00:00.000Z',
      to: '2026-12-01T12:00:00.000Z',
    });
  });
});
