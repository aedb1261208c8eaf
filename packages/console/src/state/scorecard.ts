import type { Ratio, Scorecard, ScorecardMetrics } from '@baton/shared';

const DAY = 24 * 60 * 60 * 1000;

/** The period of the last `days` days, ending now (ISO strings for the API). */
export function lastDays(days: number, now: number): { from: string; to: string } {
  return { from: new Date(now - days * DAY).toISOString(), to: new Date(now).toISOString() };
}

/** "48.4%"; "–" when there was nothing to divide by (never 0% for no data). */
export function percent(rate: number | null): string {
  return rate === null ? '–' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

export const fraction = (r: Ratio): string => `${r.numerator} of ${r.denominator}`;

/** One figure of the scorecard as a tile shows it. */
export interface Kpi {
  key: string;
  label: string;
  value: string;
  detail: string;
  /** Which way is better, for reading a change between policy versions. */
  better: 'higher' | 'lower';
  /** The rate (0–1) the bars draw; null when there is none. */
  rate: number | null;
}

const ratioKpi = (
  key: string,
  label: string,
  r: Ratio,
  better: Kpi['better'],
  detail = fraction(r),
): Kpi => ({ key, label, value: percent(r.rate), detail, better, rate: r.rate });

/** The headline figures, in the order a support lead reads them. */
export function kpis(m: ScorecardMetrics): Kpi[] {
  const mean = (v: number | null, of: number) => (v === null ? '–' : `${v.toFixed(2)} / ${of}`);
  return [
    ratioKpi(
      'autonomousResolution',
      'Resolved by the assistant alone',
      m.autonomousResolution,
      'higher',
    ),
    ratioKpi(
      'draftApproved',
      'Drafts approved as is',
      m.draftAcceptance.approved,
      'higher',
      `${m.draftAcceptance.approved.numerator} of ${m.draftAcceptance.reviewed} reviewed · ${m.draftAcceptance.edited.numerator} edited · ${m.draftAcceptance.rejected.numerator} rejected`,
    ),
    ratioKpi('humanOverride', 'Human override', m.humanOverride, 'lower'),
    ratioKpi('lateEscalation', 'Late escalation', m.lateEscalation, 'lower'),
    ratioKpi('recontact7d', 'Came back within 7 days', m.recontact7d, 'lower'),
    ratioKpi(
      'missReview',
      'Misses found in audits',
      m.missReview,
      'lower',
      `${fraction(m.missReview)} audited · ${m.missReview.pending} waiting`,
    ),
    {
      key: 'packetUsefulness',
      label: 'Packet usefulness',
      value: mean(m.packetUsefulness.mean, 5),
      detail: `${m.packetUsefulness.count} rated by agents`,
      better: 'higher',
      rate: m.packetUsefulness.mean === null ? null : (m.packetUsefulness.mean - 1) / 4,
    },
    ratioKpi(
      'specialistBounce',
      'Transferred after the claim',
      m.specialistBounce,
      'lower',
      m.specialistBounce.note ?? fraction(m.specialistBounce),
    ),
    ratioKpi(
      'withinEstimate',
      'Claimed within the wait promised',
      m.waitEstimate.withinEstimate,
      'higher',
      m.waitEstimate.medianAbsErrorMinutes === null
        ? `${fraction(m.waitEstimate.withinEstimate)}`
        : `${fraction(m.waitEstimate.withinEstimate)} · median error ${m.waitEstimate.medianAbsErrorMinutes} min`,
    ),
    ratioKpi(
      'slaAttainment',
      'Reply target met',
      m.slaAttainment,
      'higher',
      `${fraction(m.slaAttainment)} · ${m.slaAttainment.breaches} missed`,
    ),
    {
      key: 'csat',
      label: 'Customer satisfaction',
      value: mean(m.csat.mean, 5),
      detail: `${m.csat.count} rating${m.csat.count === 1 ? '' : 's'} · ${percent(m.csat.satisfied.rate)} gave 4–5`,
      better: 'higher',
      rate: m.csat.mean === null ? null : (m.csat.mean - 1) / 4,
    },
  ];
}

/**
 * A change between policy versions in percentage points ("+4.2 pts"), and whether it is an
 * improvement given which way is better; null when either version had no data.
 */
export function changeOf(card: Scorecard, kpi: Kpi): { text: string; good: boolean | null } | null {
  // The API's share names (CSAT compares the share of 4–5 ratings).
  const keyOf: Record<string, string> = {
    draftApproved: 'draftAcceptance.approved',
    withinEstimate: 'waitEstimate.withinEstimate',
    csat: 'csat.satisfied',
  };
  const delta = card.comparison?.change[keyOf[kpi.key] ?? kpi.key];
  if (delta === undefined || delta === null) return null;
  const points = Math.round(delta * 1000) / 10;
  return {
    text: `${points > 0 ? '+' : ''}${points.toFixed(1)} pts`,
    good: points === 0 ? null : kpi.better === 'higher' ? points > 0 : points < 0,
  };
}
