import type {
  Distribution,
  Ratio,
  ScorecardDimension,
  ScorecardMetrics,
  ScorecardSection,
} from '@baton/shared';
import type { ScorecardConversationFacts, ScorecardFacts } from '../storage';

/**
 * The scorecard's arithmetic, pure: stored facts in, metrics out. Every share is a `Ratio`
 * (numerator, denominator, rate) whose rate is null when the denominator is 0: no data is not 0%.
 *
 * The population is the conversations started in the period with at least one decision; the
 * drafts, outcomes, queued stays and ratings counted are theirs. Lanes are ranked autonomous 0,
 * assisted 1, human 2. A person "reached" a conversation when they claimed it, reviewed one of its
 * drafts (approve, edit or reject), decided one of its actions or recorded an outcome.
 *
 * 1. autonomousResolution: every decision autonomous, and nothing of it reached a person (no
 *    claim, draft, action or outcome) / all conversations.
 * 2. draftAcceptance: drafts approved as is, edited, rejected / drafts reviewed; drafts still
 *    pending or closed unreviewed with the episode are counted apart, never in a share.
 * 3. humanOverride: a draft rejected, an action denied or an outcome `unnecessary` / conversations
 *    with a decision above autonomous that a person reached.
 * 4. lateEscalation: a later decision in a higher lane than the first one, after which a person
 *    reached the conversation, or an outcome `late` / conversations whose first decision was
 *    autonomous or assisted.
 * 5. recontact7d: another contact of the same customer on the same issue (same intent, or the same
 *    knowledge-base domain) started within 7 days after the conversation's last decision /
 *    assistant-only conversations whose topic is known (those of unknown topic counted apart).
 * 6. missReview: verdict `missed` / audited samples (drawn, not yet audited: `pending`).
 * 7. packetUsefulness: mean and counts of the outcomes' 1–5 ratings.
 * 8. specialistBounce: conversations with a transfer recorded after their first claim / claimed
 *    conversations.
 * 9. waitEstimate: over claims whose customer was shown an estimate (the first one of that stay),
 *    the median of |measured wait − promised minutes| and the share claimed within the promised
 *    minutes (the banner says "about N minutes": N is the promise).
 * 10. slaAttainment: queued stays claimed without an SLA breach / stays claimed or breached; csat:
 *    mean, counts and the share of 4–5 ratings.
 */

export const NO_TRANSFERS_NOTE = 'no transfers recorded';

export const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
});

const emptyDistribution = (): Distribution => ({ '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 });

function ratings(values: number[]) {
  const distribution = emptyDistribution();
  for (const v of values) {
    const key = String(v) as keyof Distribution;
    if (key in distribution) distribution[key]++;
  }
  const sum = values.reduce((a, b) => a + b, 0);
  return { count: values.length, mean: values.length ? sum / values.length : null, distribution };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const isAutonomousOnly = (c: ScorecardConversationFacts) =>
  c.maxRank === 0 && !c.reachedPerson && !c.hasDrafts && !c.hasActions;

/** The metrics of some conversations and of the stays (queued stays) attributed to them. */
export function metricsOf(
  conversations: ScorecardConversationFacts[],
  facts: Pick<ScorecardFacts, 'drafts' | 'outcomes' | 'csat'>,
  stays: ScorecardFacts['stays'],
): ScorecardMetrics {
  const ids = new Set(conversations.map((c) => c.id));
  const count = (pred: (c: ScorecardConversationFacts) => boolean, of = conversations) =>
    of.filter(pred).length;

  const autonomousOnly = conversations.filter(isAutonomousOnly);

  const drafts = facts.drafts.filter((d) => ids.has(d.conversationId));
  const byStatus = (s: string) => drafts.filter((d) => d.status === s).length;
  const reviewed = byStatus('approved') + byStatus('edited') + byStatus('rejected');

  const handled = conversations.filter((c) => c.maxRank > 0 && c.reachedPerson);
  const overridden = (c: ScorecardConversationFacts) =>
    c.draftRejected || c.actionDenied || c.outcomeUnnecessary;

  const startedBelowHuman = conversations.filter((c) => c.firstRank < 2);

  const knownTopic = autonomousOnly.filter((c) => c.intent !== null);

  const sampled = conversations.filter((c) => c.sampled);
  const audited = sampled.filter((c) => c.verdict !== null);

  const claimed = conversations.filter((c) => c.claimed);
  const bounced = count((c) => c.transferredAfterClaim, claimed);

  const claims = stays.filter((s) => s.claimedAt !== null);
  const promised = claims.filter((s) => s.estimateMinutes !== null);
  const waitMs = (s: (typeof stays)[number]) => s.claimedAt!.getTime() - s.enqueuedAt.getTime();
  const errors = promised.map((s) => Math.abs(waitMs(s) / 60_000 - s.estimateMinutes!));
  const within = promised.filter((s) => waitMs(s) <= s.estimateMinutes! * 60_000).length;

  const attained = stays.filter((s) => s.claimedAt !== null && !s.breached).length;
  const breaches = stays.filter((s) => s.breached).length;

  const csat = ratings(facts.csat.filter((r) => ids.has(r.conversationId)).map((r) => r.rating));

  return {
    conversations: conversations.length,
    autonomousResolution: ratio(autonomousOnly.length, conversations.length),
    draftAcceptance: {
      reviewed,
      approved: ratio(byStatus('approved'), reviewed),
      edited: ratio(byStatus('edited'), reviewed),
      rejected: ratio(byStatus('rejected'), reviewed),
      pending: byStatus('pending'),
      closed: byStatus('closed'),
    },
    humanOverride: {
      ...ratio(count(overridden, handled), handled.length),
      draftRejected: count((c) => c.draftRejected, handled),
      actionDenied: count((c) => c.actionDenied, handled),
      outcomeUnnecessary: count((c) => c.outcomeUnnecessary, handled),
    },
    lateEscalation: {
      ...ratio(
        count((c) => c.lateByDecision || c.outcomeLate, startedBelowHuman),
        startedBelowHuman.length,
      ),
      byDecision: count((c) => c.lateByDecision, startedBelowHuman),
      byOutcome: count((c) => c.outcomeLate, startedBelowHuman),
    },
    recontact7d: {
      ...ratio(
        count((c) => c.recontacts > 0, knownTopic),
        knownTopic.length,
      ),
      unknownTopic: autonomousOnly.length - knownTopic.length,
    },
    missReview: {
      ...ratio(
        count((c) => c.verdict === 'missed', audited),
        audited.length,
      ),
      sampled: sampled.length,
      pending: sampled.length - audited.length,
    },
    packetUsefulness: ratings(
      facts.outcomes.filter((o) => ids.has(o.conversationId)).map((o) => o.packetUsefulness),
    ),
    specialistBounce: {
      ...ratio(bounced, claimed.length),
      note: bounced === 0 ? NO_TRANSFERS_NOTE : null,
    },
    waitEstimate: {
      claims: claims.length,
      withEstimate: promised.length,
      medianAbsErrorMinutes: median(errors),
      withinEstimate: ratio(within, promised.length),
    },
    slaAttainment: { ...ratio(attained, attained + breaches), breaches },
    csat: {
      ...csat,
      satisfied: ratio(
        facts.csat.filter((r) => ids.has(r.conversationId) && r.rating >= 4).length,
        csat.count,
      ),
    },
  };
}

/** The group a conversation falls in; `routedQueue` places one that never left the assistant. */
export function dimensionOf(
  c: ScorecardConversationFacts,
  by: ScorecardDimension,
  routedQueue: (c: ScorecardConversationFacts) => string,
): string {
  switch (by) {
    case 'queue':
      return c.queue ?? routedQueue(c);
    case 'intent':
      return c.intent ?? '(unknown)';
    case 'tier':
      return String(c.maxTier);
    case 'policyVersion':
      return c.policyVersion;
  }
}

/**
 * The overall metrics and one group per value of `by`. By queue, a queued stay counts in the
 * queue it waited in (where its SLA ran), which may differ from its conversation's.
 */
export function computeScorecard(
  facts: ScorecardFacts,
  by: ScorecardDimension,
  routedQueue: (c: ScorecardConversationFacts) => string,
): ScorecardSection {
  const known = new Map(facts.conversations.map((c) => [c.id, c]));
  const stays = facts.stays.filter((s) => known.has(s.conversationId));
  const keyOf = (c: ScorecardConversationFacts) => dimensionOf(c, by, routedQueue);
  const stayKey = (s: (typeof stays)[number]) =>
    by === 'queue' ? s.queue : keyOf(known.get(s.conversationId)!);
  const keys = [...new Set([...facts.conversations.map(keyOf), ...stays.map(stayKey)])].sort();
  return {
    overall: metricsOf(facts.conversations, facts, stays),
    groups: keys.map((key) => ({
      key,
      metrics: metricsOf(
        facts.conversations.filter((c) => keyOf(c) === key),
        facts,
        stays.filter((s) => stayKey(s) === key),
      ),
    })),
  };
}

/** Keeps the conversations decided first under `version`, and what belongs to them. */
export function factsOfVersion(facts: ScorecardFacts, version: string): ScorecardFacts {
  const conversations = facts.conversations.filter((c) => c.policyVersion === version);
  const ids = new Set(conversations.map((c) => c.id));
  const mine = <T extends { conversationId: string }>(rows: T[]) =>
    rows.filter((r) => ids.has(r.conversationId));
  return {
    conversations,
    drafts: mine(facts.drafts),
    outcomes: mine(facts.outcomes),
    stays: mine(facts.stays),
    csat: mine(facts.csat),
  };
}

/** Every share of the metrics by name (`humanOverride`, `draftAcceptance.approved`, …). */
export function sharesOf(m: ScorecardMetrics): Record<string, Ratio> {
  return {
    autonomousResolution: m.autonomousResolution,
    'draftAcceptance.approved': m.draftAcceptance.approved,
    'draftAcceptance.edited': m.draftAcceptance.edited,
    'draftAcceptance.rejected': m.draftAcceptance.rejected,
    humanOverride: m.humanOverride,
    lateEscalation: m.lateEscalation,
    recontact7d: m.recontact7d,
    missReview: m.missReview,
    specialistBounce: m.specialistBounce,
    'waitEstimate.withinEstimate': m.waitEstimate.withinEstimate,
    slaAttainment: m.slaAttainment,
    'csat.satisfied': m.csat.satisfied,
  };
}

/** current − previous per share; null where either has no data. */
export function changeOf(
  current: ScorecardMetrics,
  previous: ScorecardMetrics,
): Record<string, number | null> {
  const before = sharesOf(previous);
  return Object.fromEntries(
    Object.entries(sharesOf(current)).map(([name, now]) => {
      const then = before[name]!.rate;
      return [name, now.rate === null || then === null ? null : now.rate - then];
    }),
  );
}

/** One CSV line per metric value: scope, group, metric, numerator, denominator, value. */
export function metricRows(m: ScorecardMetrics): {
  metric: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}[] {
  const rows: ReturnType<typeof metricRows> = [
    { metric: 'conversations', numerator: null, denominator: null, value: m.conversations },
  ];
  for (const [metric, r] of Object.entries(sharesOf(m))) {
    rows.push({ metric, numerator: r.numerator, denominator: r.denominator, value: r.rate });
  }
  const counts: [string, number | null][] = [
    ['draftAcceptance.reviewed', m.draftAcceptance.reviewed],
    ['draftAcceptance.pending', m.draftAcceptance.pending],
    ['draftAcceptance.closed', m.draftAcceptance.closed],
    ['humanOverride.draftRejected', m.humanOverride.draftRejected],
    ['humanOverride.actionDenied', m.humanOverride.actionDenied],
    ['humanOverride.outcomeUnnecessary', m.humanOverride.outcomeUnnecessary],
    ['lateEscalation.byDecision', m.lateEscalation.byDecision],
    ['lateEscalation.byOutcome', m.lateEscalation.byOutcome],
    ['recontact7d.unknownTopic', m.recontact7d.unknownTopic],
    ['missReview.sampled', m.missReview.sampled],
    ['missReview.pending', m.missReview.pending],
    ['waitEstimate.claims', m.waitEstimate.claims],
    ['waitEstimate.withEstimate', m.waitEstimate.withEstimate],
    ['waitEstimate.medianAbsErrorMinutes', m.waitEstimate.medianAbsErrorMinutes],
    ['slaAttainment.breaches', m.slaAttainment.breaches],
  ];
  for (const [metric, value] of counts)
    rows.push({ metric, numerator: null, denominator: null, value });
  for (const [name, r] of [
    ['packetUsefulness', m.packetUsefulness],
    ['csat', m.csat],
  ] as const) {
    rows.push({ metric: `${name}.mean`, numerator: null, denominator: r.count, value: r.mean });
    for (const [score, n] of Object.entries(r.distribution)) {
      rows.push({ metric: `${name}.${score}`, numerator: n, denominator: r.count, value: null });
    }
  }
  return rows;
}
