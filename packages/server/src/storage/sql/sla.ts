import type { RiskTier } from '@baton/shared';
import type { SlaDue, Store } from '../types';
import { dateOrNull, type Row } from './rows';
import type { SqlContext } from './context';

const toDue = (r: Row): SlaDue => ({
  conversationId: String(r.id),
  episode: Number(r.episode ?? 1),
  queue: String(r.queue),
  fromQueue: String(r.from_queue ?? r.queue),
  tier: Number(r.tier) as RiskTier,
  enqueuedAt: dateOrNull(r.enqueued_at) ?? new Date(0),
  slaDeadline: dateOrNull(r.sla_deadline) ?? new Date(0),
  emailLeft: (r.email_left as string | null) ?? null,
});

/**
 * SLA timers as rows, not as timers in one process: a conversation waiting for a person carries
 * its deadline and when it was warned and breached. Whichever node's sweep marks one first fires
 * it (the mark is a conditional UPDATE), so each fires once, on one node, after any restart.
 */
export const slaQueries = ({ q }: SqlContext) =>
  ({
    async takeSlaWarnings(now, shares, limit) {
      const queues = Object.keys(shares);
      if (queues.length === 0) return [];
      const rows = await q(
        `WITH due AS (
           SELECT c.id FROM conversations c
           JOIN unnest($1::text[], $2::float8[]) AS s(queue, share) ON s.queue = c.queue
           WHERE c.state = 'queued' AND c.sla_warned_at IS NULL AND c.sla_breached_at IS NULL
             AND c.sla_deadline IS NOT NULL AND c.enqueued_at IS NOT NULL
             AND c.enqueued_at + s.share * (c.sla_deadline - c.enqueued_at) <= $3
           ORDER BY c.sla_deadline LIMIT $4 FOR UPDATE OF c SKIP LOCKED)
         UPDATE conversations c SET sla_warned_at = $3 FROM due WHERE c.id = due.id
         RETURNING c.*`,
        [queues, queues.map((name) => shares[name]!), now, limit],
      );
      return rows.map(toDue);
    },
    async takeSlaBreaches(now, fallbacks, limit) {
      const from = Object.keys(fallbacks);
      // Past its deadline and still unclaimed: marked once, moved to the queue's fallback when
      // one is set (it keeps its deadline, so it waits first there too), and recorded.
      const rows = await q(
        `WITH due AS (
           SELECT id, queue AS from_queue FROM conversations
           WHERE state = 'queued' AND sla_breached_at IS NULL AND sla_deadline <= $3
           ORDER BY sla_deadline LIMIT $4 FOR UPDATE SKIP LOCKED),
         moved AS (
           UPDATE conversations c SET sla_breached_at = $3,
             sla_warned_at = coalesce(c.sla_warned_at, $3),
             queue = coalesce(f.fallback, c.queue)
           FROM due d LEFT JOIN unnest($1::text[], $2::text[]) AS f(queue, fallback)
             ON f.queue = d.from_queue
           WHERE c.id = d.id
           RETURNING c.*, d.from_queue),
         recorded AS (
           INSERT INTO sla_breaches (conversation_id, episode, queue, fallback_queue, tier,
             enqueued_at, sla_deadline, breached_at)
           SELECT id, episode, from_queue, CASE WHEN queue <> from_queue THEN queue END, tier,
             enqueued_at, sla_deadline, $3 FROM moved)
         SELECT * FROM moved`,
        [from, from.map((name) => fallbacks[name]!), now, limit],
      );
      return rows.map(toDue);
    },
    async listSlaBreaches(since, until) {
      const rows = await q(
        `SELECT * FROM sla_breaches WHERE breached_at >= $1 AND breached_at < $2
         ORDER BY breached_at, conversation_id`,
        [since, until],
      );
      return rows.map((r) => ({
        conversationId: String(r.conversation_id),
        episode: Number(r.episode),
        queue: String(r.queue),
        fallbackQueue: (r.fallback_queue as string | null) ?? null,
        tier: Number(r.tier) as RiskTier,
        enqueuedAt: dateOrNull(r.enqueued_at) ?? new Date(0),
        slaDeadline: dateOrNull(r.sla_deadline) ?? new Date(0),
        breachedAt: dateOrNull(r.breached_at) ?? new Date(0),
      }));
    },
  }) satisfies Partial<Store>;
