import { randomUUID } from 'node:crypto';
import type { AuditVerdict, RiskTier } from '@baton/shared';
import type { AuditRow, ScorecardConversationFacts, Store } from '../types';
import { dateOrNull, type Row } from './rows';
import type { SqlContext } from './context';
import { contactHistorySql } from './history';

/** Days after an assistant-only conversation in which a contact on the same issue is a recontact. */
export const RECONTACT_WINDOW_DAYS = 7;

const LANE_RANK = `CASE d.lane WHEN 'autonomous' THEN 0 WHEN 'assisted' THEN 1 ELSE 2 END`;
const INTENT = (part: 'name' | 'domain') =>
  `CASE WHEN jsonb_typeof(d.facts -> 'intent') = 'object' THEN d.facts -> 'intent' ->> '${part}' END`;

/**
 * One row per conversation started in [$1, $2) with at least one decision: what the scorecard
 * needs to know about it. A person "touched" a conversation when they claimed it, reviewed one of
 * its drafts (approve, edit, reject: not a draft closed unreviewed), decided one of its actions
 * or recorded an outcome; `touch` lists when.
 */
const CONVERSATION_FACTS = `
WITH conv AS (
  SELECT id, site_id, visitor_id, created_at, queue FROM conversations
  WHERE created_at >= $1 AND created_at < $2
),
dec AS (
  SELECT d.conversation_id, d.created_at, d.lane, d.policy_version, ${LANE_RANK} AS rank,
    (d.decision ->> 'tier')::int AS tier, d.decision ->> 'queue' AS queue,
    ${INTENT('name')} AS intent, ${INTENT('domain')} AS domain,
    row_number() OVER (PARTITION BY d.conversation_id
                       ORDER BY d.episode, d.turn, d.created_at, d.id) AS n
  FROM decisions d JOIN conv ON conv.id = d.conversation_id
),
touch AS (
  SELECT conversation_id, claimed_at AS at FROM claims
    WHERE conversation_id IN (SELECT id FROM conv)
  UNION ALL SELECT conversation_id, reviewed_at FROM held_drafts
    WHERE status IN ('approved', 'edited', 'rejected') AND conversation_id IN (SELECT id FROM conv)
  UNION ALL SELECT conversation_id, decided_at FROM pending_actions
    WHERE status IN ('approved', 'denied') AND conversation_id IN (SELECT id FROM conv)
  UNION ALL SELECT conversation_id, created_at FROM outcomes
    WHERE conversation_id IN (SELECT id FROM conv)
)
SELECT conv.id, conv.created_at, f.policy_version, f.rank AS first_rank,
  agg.decisions, agg.max_rank, agg.max_tier, agg.last_at, topic.intent, topic.domain,
  coalesce(
    (SELECT cl.queue FROM claims cl WHERE cl.conversation_id = conv.id ORDER BY cl.claimed_at LIMIT 1),
    conv.queue,
    (SELECT x.queue FROM dec x WHERE x.conversation_id = conv.id AND x.queue IS NOT NULL
      ORDER BY x.n DESC LIMIT 1)) AS queue,
  (SELECT min(cl.claimed_at) FROM claims cl WHERE cl.conversation_id = conv.id) AS first_claimed_at,
  EXISTS (SELECT 1 FROM touch t WHERE t.conversation_id = conv.id) AS reached_person,
  EXISTS (SELECT 1 FROM held_drafts h WHERE h.conversation_id = conv.id) AS has_drafts,
  EXISTS (SELECT 1 FROM pending_actions p WHERE p.conversation_id = conv.id) AS has_actions,
  EXISTS (SELECT 1 FROM held_drafts h WHERE h.conversation_id = conv.id AND h.status = 'rejected')
    AS draft_rejected,
  EXISTS (SELECT 1 FROM pending_actions p WHERE p.conversation_id = conv.id AND p.status = 'denied')
    AS action_denied,
  EXISTS (SELECT 1 FROM outcomes o WHERE o.conversation_id = conv.id AND o.escalation = 'unnecessary')
    AS outcome_unnecessary,
  EXISTS (SELECT 1 FROM outcomes o WHERE o.conversation_id = conv.id AND o.escalation = 'late')
    AS outcome_late,
  -- A later decision in a higher lane than the first, after which a person touched it.
  EXISTS (SELECT 1 FROM dec x JOIN touch t ON t.conversation_id = x.conversation_id AND t.at >= x.created_at
          WHERE x.conversation_id = conv.id AND x.rank > f.rank) AS late_by_decision,
  EXISTS (SELECT 1 FROM transfers tr WHERE tr.conversation_id = conv.id
          AND tr.created_at >= (SELECT min(cl.claimed_at) FROM claims cl WHERE cl.conversation_id = conv.id))
    AS transferred_after_claim,
  re.n AS recontacts,
  a.conversation_id IS NOT NULL AS sampled, a.verdict
FROM conv
JOIN visitors vis ON vis.id = conv.visitor_id
JOIN dec f ON f.conversation_id = conv.id AND f.n = 1
JOIN LATERAL (
  SELECT count(*)::int AS decisions, max(x.rank) AS max_rank, max(x.tier) AS max_tier,
    max(x.created_at) AS last_at
  FROM dec x WHERE x.conversation_id = conv.id
) agg ON true
LEFT JOIN LATERAL (
  SELECT x.intent, x.domain FROM dec x WHERE x.conversation_id = conv.id AND x.intent IS NOT NULL
  ORDER BY x.n LIMIT 1
) topic ON true
-- Later contacts of the same customer, found as repeat_contact finds earlier ones (same visitor
-- or same identified customer; each contact's topic its first classified intent), on the same
-- issue (same intent, or the same domain), within the window after its last decision.
LEFT JOIN LATERAL (
  SELECT count(*)::int AS n FROM (${contactHistorySql({
    siteId: 'conv.site_id',
    visitorId: 'conv.visitor_id',
    externalId: 'vis.external_id',
    conversationId: 'conv.id',
    since: 'conv.created_at',
  })}) later
  WHERE agg.max_rank = 0 AND topic.intent IS NOT NULL
    AND later.created_at > conv.created_at
    AND later.created_at <= agg.last_at + interval '${RECONTACT_WINDOW_DAYS} days'
    AND (later.intent = topic.intent OR later.domain = topic.domain)
) re ON true
LEFT JOIN audit_samples a ON a.conversation_id = conv.id
ORDER BY conv.created_at, conv.id`;

const IN_PERIOD = `conversation_id IN (SELECT id FROM conversations WHERE created_at >= $1 AND created_at < $2)`;

/**
 * Queued stays of those conversations, each ended by a claim or marked by an SLA breach (or
 * both), keyed by (conversation, enqueued_at): the claim, the breach and the first estimate shown.
 */
const STAYS = `
WITH stays AS (
  SELECT conversation_id, enqueued_at FROM claims WHERE ${IN_PERIOD}
  UNION SELECT conversation_id, enqueued_at FROM sla_breaches
    WHERE enqueued_at IS NOT NULL AND ${IN_PERIOD}
)
SELECT s.conversation_id, s.enqueued_at, coalesce(b.queue, cl.queue) AS queue, cl.claimed_at,
  b.queue IS NOT NULL AS breached, w.minutes
FROM stays s
LEFT JOIN LATERAL (SELECT c.queue, c.claimed_at FROM claims c
  WHERE c.conversation_id = s.conversation_id AND c.enqueued_at = s.enqueued_at
  ORDER BY c.claimed_at LIMIT 1) cl ON true
LEFT JOIN LATERAL (SELECT x.queue FROM sla_breaches x
  WHERE x.conversation_id = s.conversation_id AND x.enqueued_at = s.enqueued_at
  ORDER BY x.breached_at LIMIT 1) b ON true
LEFT JOIN LATERAL (SELECT e.minutes FROM wait_estimates e
  WHERE e.conversation_id = s.conversation_id AND e.enqueued_at = s.enqueued_at
  ORDER BY e.shown_at LIMIT 1) w ON true
ORDER BY s.enqueued_at, s.conversation_id`;

const bool = (v: unknown) => v === true || v === 't' || v === 'true';

function toAudit(r: Row): AuditRow {
  return {
    conversationId: String(r.conversation_id),
    queue: String(r.queue),
    intent: (r.intent as string | null) ?? null,
    tier: Number(r.tier ?? 1) as RiskTier,
    share: Number(r.share),
    drawnAt: dateOrNull(r.drawn_at) ?? new Date(0),
    verdict: (r.verdict as AuditVerdict | null) ?? null,
    note: (r.note as string | null) ?? null,
    auditedBy: (r.audited_by as string | null) ?? null,
    auditedAt: dateOrNull(r.audited_at),
  };
}

/** An audit row with its conversation's topic and highest tier. */
const AUDIT_SELECT = `
SELECT a.*, topic.intent, coalesce(t.tier, 1) AS tier FROM audit_samples a
LEFT JOIN LATERAL (
  SELECT CASE WHEN jsonb_typeof(d.facts -> 'intent') = 'object' THEN d.facts -> 'intent' ->> 'name' END AS intent
  FROM decisions d WHERE d.conversation_id = a.conversation_id
    AND jsonb_typeof(d.facts -> 'intent') = 'object'
  ORDER BY d.episode, d.turn, d.created_at LIMIT 1) topic ON true
LEFT JOIN LATERAL (
  SELECT max((d.decision ->> 'tier')::int) AS tier FROM decisions d
  WHERE d.conversation_id = a.conversation_id) t ON true`;

/** What the scorecard reads, and what it alone writes (estimates shown, ratings, audits). */
export const scorecardQueries = ({ q }: SqlContext) =>
  ({
    async recordWaitEstimates({ conversationIds, queue, minutes, basis, now }) {
      if (conversationIds.length === 0) return 0;
      // The first estimate of each queued stay wins, whichever node showed it.
      const rows = await q(
        `INSERT INTO wait_estimates (conversation_id, episode, enqueued_at, queue, minutes, basis, shown_at)
         SELECT c.id, c.episode, c.enqueued_at, $2, $3, $4, $5 FROM conversations c
         WHERE c.id = ANY($1::text[]) AND c.state = 'queued' AND c.enqueued_at IS NOT NULL
         ON CONFLICT DO NOTHING RETURNING conversation_id`,
        [conversationIds, queue, minutes, basis, now],
      );
      return rows.length;
    },

    async getCsat(conversationId) {
      const rows = await q(
        `SELECT r.rating, r.comment, r.updated_at FROM csat_ratings r
         JOIN conversations c ON c.id = r.conversation_id AND c.episode = r.episode
         WHERE r.conversation_id = $1`,
        [conversationId],
      );
      const r = rows[0];
      return r
        ? {
            rating: Number(r.rating),
            comment: (r.comment as string | null) ?? null,
            ratedAt: dateOrNull(r.updated_at)!,
          }
        : null;
    },
    async submitCsat({ conversationId, rating, comment, now }) {
      const rows = await q(
        `WITH c AS (SELECT id, episode FROM conversations WHERE id = $1),
         before AS (SELECT 1 FROM csat_ratings r JOIN c ON r.conversation_id = c.id AND r.episode = c.episode)
         INSERT INTO csat_ratings (conversation_id, episode, rating, comment, created_at, updated_at)
         SELECT c.id, c.episode, $2, $3, $4, $4 FROM c
         ON CONFLICT (conversation_id, episode) DO UPDATE
           SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, updated_at = EXCLUDED.updated_at
         RETURNING episode, EXISTS (SELECT 1 FROM before) AS replaced`,
        [conversationId, rating, comment, now],
      );
      const r = rows[0];
      return r ? { episode: Number(r.episode), replaced: bool(r.replaced) } : null;
    },

    async scorecardFacts(from, to) {
      const period = [from, to];
      const [conversations, drafts, outcomes, stays, csat] = await Promise.all([
        q(CONVERSATION_FACTS, period),
        q(`SELECT conversation_id, status FROM held_drafts WHERE ${IN_PERIOD}`, period),
        q(
          `SELECT conversation_id, escalation, packet_usefulness FROM outcomes WHERE ${IN_PERIOD}`,
          period,
        ),
        q(STAYS, period),
        q(`SELECT conversation_id, rating FROM csat_ratings WHERE ${IN_PERIOD}`, period),
      ]);
      return {
        conversations: conversations.map((r): ScorecardConversationFacts => ({
          id: String(r.id),
          createdAt: dateOrNull(r.created_at) ?? new Date(0),
          queue: (r.queue as string | null) ?? null,
          intent: (r.intent as string | null) ?? null,
          domain: (r.domain as string | null) ?? null,
          maxTier: Number(r.max_tier ?? 1) as RiskTier,
          policyVersion: String(r.policy_version),
          decisions: Number(r.decisions),
          firstRank: Number(r.first_rank),
          maxRank: Number(r.max_rank),
          reachedPerson: bool(r.reached_person),
          hasDrafts: bool(r.has_drafts),
          hasActions: bool(r.has_actions),
          draftRejected: bool(r.draft_rejected),
          actionDenied: bool(r.action_denied),
          outcomeUnnecessary: bool(r.outcome_unnecessary),
          outcomeLate: bool(r.outcome_late),
          lateByDecision: bool(r.late_by_decision),
          claimed: r.first_claimed_at !== null && r.first_claimed_at !== undefined,
          transferredAfterClaim: bool(r.transferred_after_claim),
          recontacts: Number(r.recontacts ?? 0),
          sampled: bool(r.sampled),
          verdict: (r.verdict as AuditVerdict | null) ?? null,
        })),
        drafts: drafts.map((r) => ({
          conversationId: String(r.conversation_id),
          status: String(r.status),
        })),
        outcomes: outcomes.map((r) => ({
          conversationId: String(r.conversation_id),
          escalation: String(r.escalation),
          packetUsefulness: Number(r.packet_usefulness),
        })),
        stays: stays.map((r) => ({
          conversationId: String(r.conversation_id),
          queue: String(r.queue),
          enqueuedAt: dateOrNull(r.enqueued_at) ?? new Date(0),
          claimedAt: dateOrNull(r.claimed_at),
          breached: bool(r.breached),
          estimateMinutes: r.minutes === null || r.minutes === undefined ? null : Number(r.minutes),
        })),
        csat: csat.map((r) => ({
          conversationId: String(r.conversation_id),
          rating: Number(r.rating),
        })),
      };
    },

    async auditCandidates({ from, to, share, minTier }) {
      // Assistant-only conversations (every decision autonomous, no claim, draft, action or
      // outcome) not drawn yet, whose stable hash (the first 32 bits of md5 of the id, as a
      // fraction of 2^32) falls below the share: the same share always selects the same ones.
      const rows = await q(
        `SELECT c.id, max((d.decision ->> 'tier')::int) AS tier,
           (array_agg(CASE WHEN jsonb_typeof(d.facts -> 'intent') = 'object'
              THEN d.facts -> 'intent' ->> 'domain' END ORDER BY d.episode, d.turn, d.created_at)
            FILTER (WHERE jsonb_typeof(d.facts -> 'intent') = 'object'))[1] AS domain
         FROM conversations c JOIN decisions d ON d.conversation_id = c.id
         WHERE c.created_at >= $1 AND c.created_at < $2
           AND NOT EXISTS (SELECT 1 FROM audit_samples a WHERE a.conversation_id = c.id)
           AND NOT EXISTS (SELECT 1 FROM claims x WHERE x.conversation_id = c.id)
           AND NOT EXISTS (SELECT 1 FROM held_drafts x WHERE x.conversation_id = c.id)
           AND NOT EXISTS (SELECT 1 FROM pending_actions x WHERE x.conversation_id = c.id)
           AND NOT EXISTS (SELECT 1 FROM outcomes x WHERE x.conversation_id = c.id)
           AND ('x' || substr(md5(c.id), 1, 8))::bit(32)::bigint < $3::float8 * 4294967296
         GROUP BY c.id
         HAVING bool_and(d.lane = 'autonomous') AND max((d.decision ->> 'tier')::int) >= $4
         ORDER BY c.id`,
        [from, to, share, minTier],
      );
      return rows.map((r) => ({
        conversationId: String(r.id),
        tier: Number(r.tier ?? 1) as RiskTier,
        domain: (r.domain as string | null) ?? null,
      }));
    },

    async insertAuditSamples(samples, share, now) {
      if (samples.length === 0) return [];
      // Several nodes may draw at once: a conversation is sampled once, by whichever got there.
      const rows = await q(
        `INSERT INTO audit_samples (conversation_id, queue, share, drawn_at)
         SELECT s.id, s.queue, $3, $4 FROM unnest($1::text[], $2::text[]) AS s(id, queue)
         ON CONFLICT (conversation_id) DO NOTHING RETURNING conversation_id`,
        [samples.map((s) => s.conversationId), samples.map((s) => s.queue), share, now],
      );
      return rows.map((r) => String(r.conversation_id));
    },

    async listAudits({ queues, pendingOnly, limit }) {
      const rows = await q(
        `${AUDIT_SELECT}
         WHERE ($1::text[] IS NULL OR a.queue = ANY($1::text[]))
           AND (NOT $2::boolean OR a.verdict IS NULL)
         ORDER BY a.drawn_at, a.conversation_id LIMIT $3`,
        [queues, pendingOnly, limit],
      );
      return rows.map(toAudit);
    },

    async getAudit(conversationId) {
      const rows = await q(`${AUDIT_SELECT} WHERE a.conversation_id = $1`, [conversationId]);
      return rows[0] ? toAudit(rows[0]) : null;
    },

    async recordAuditVerdict({ conversationId, verdict, note, auditedBy, now }) {
      const rows = await q(
        `UPDATE audit_samples SET verdict = $2, note = $3, audited_by = $4, audited_at = $5
         WHERE conversation_id = $1 RETURNING conversation_id`,
        [conversationId, verdict, note, auditedBy, now],
      );
      if (rows.length === 0) return null;
      const rows2 = await q(`${AUDIT_SELECT} WHERE a.conversation_id = $1`, [conversationId]);
      return rows2[0] ? toAudit(rows2[0]) : null;
    },

    async recordTransfer({
      conversationId,
      fromQueue,
      toQueue,
      fromAgentId,
      toAgentId,
      note,
      now,
    }) {
      await q(
        `INSERT INTO transfers (id, conversation_id, from_queue, to_queue, from_agent_id, to_agent_id, note, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [randomUUID(), conversationId, fromQueue, toQueue, fromAgentId, toAgentId, note, now],
      );
    },
  }) satisfies Partial<Store>;
