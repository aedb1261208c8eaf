import type { RiskTier } from '@baton/shared';
import type { RoutingAgent, RoutingCandidate, Store, StoredOffer } from '../types';
import { CUSTOMER_NAME_SQL, dateOrNull, one, type Row } from './rows';
import type { SqlContext } from './context';

/** Any constant: every node's routing step takes this lock, so they route one at a time. */
const ROUTING_LOCK = 727275;

const toOffer = (r: Row): StoredOffer => ({
  id: String(r.id),
  conversationId: String(r.conversation_id),
  episode: Number(r.episode),
  queue: String(r.queue),
  agentId: String(r.agent_id),
  status: r.status as StoredOffer['status'],
  language: (r.language as string | null) ?? null,
  offeredAt: dateOrNull(r.offered_at)!,
  expiresAt: dateOrNull(r.expires_at)!,
  answeredAt: dateOrNull(r.answered_at),
});

/** Live: chose "online" (or never chose) and holds a connection that has not lapsed. */
const AVAILABLE = `COALESCE((SELECT p.status FROM agent_presence p WHERE p.agent_id = a.id), 'online') = 'online'
  AND EXISTS (SELECT 1 FROM agent_connections k
              WHERE k.agent_id = a.id AND k.expires_at > clock_timestamp())`;

/**
 * Push routing's state: offers are rows, so an offer made on one node is answered, expired or
 * withdrawn on any other, and after a restart. The routing step runs in one transaction under
 * one advisory lock, and an offer is made only after the agent's row is locked and their load
 * (owned conversations and pending offers) counted again, as a claim counts it: capacity holds
 * whichever node routes or claims.
 */
export const routingQueries = ({ q }: SqlContext) =>
  ({
    async lockRouting() {
      await q('SELECT pg_advisory_xact_lock($1)', [ROUTING_LOCK]);
    },
    async expireOffers(now, limit) {
      const rows = await q(
        `UPDATE offers SET status = 'expired', answered_at = $1
         WHERE id IN (SELECT id FROM offers WHERE status = 'pending' AND expires_at <= $1
                      ORDER BY expires_at LIMIT $2)
         RETURNING *`,
        [now, limit],
      );
      return rows.map(toOffer);
    },
    async setAgentsAway(agentIds, now) {
      if (agentIds.length === 0) return [];
      // Only an agent still online is made away (one who chose away meanwhile stays as chosen).
      const rows = await q(
        `INSERT INTO agent_presence (agent_id, status, updated_at)
         SELECT id, 'away', $2 FROM unnest($1::text[]) AS t(id)
         ON CONFLICT (agent_id) DO UPDATE SET status = 'away', updated_at = $2
           WHERE agent_presence.status = 'online'
         RETURNING agent_id`,
        [agentIds, now],
      );
      return rows.map((r) => String(r.agent_id));
    },
    async withdrawStaleOffers(now) {
      // The conversation left the queue (claimed, returned, moved, a new episode) or the agent
      // is no longer available (went away, logged out, their connections lapsed).
      const rows = await q(
        `UPDATE offers o SET status = 'withdrawn', answered_at = $1
         WHERE o.status = 'pending' AND (
           NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = o.conversation_id
                         AND c.state = 'queued' AND c.queue = o.queue AND c.episode = o.episode)
           OR NOT EXISTS (SELECT 1 FROM agents a WHERE a.id = o.agent_id AND ${AVAILABLE}))
         RETURNING o.*`,
        [now],
      );
      return rows.map(toOffer);
    },
    async routingCandidates(queues, limit) {
      if (queues.length === 0) return [];
      const rows = await q(
        `SELECT c.id, c.episode, c.queue, c.tier, c.sla_deadline, c.enqueued_at,
           coalesce(c.packet ->> 'summary', '') AS summary,
           c.packet -> 'intent' ->> 'name' AS intent,
           ${CUSTOMER_NAME_SQL} AS customer_name,
           (SELECT coalesce(array_agg(o.agent_id), '{}') FROM offers o
              WHERE o.conversation_id = c.id AND o.episode = c.episode
                AND o.status IN ('declined', 'expired')) AS offered_to
         FROM conversations c LEFT JOIN visitors v ON v.id = c.visitor_id
         WHERE c.state = 'queued' AND c.queue = ANY($1::text[])
           AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.conversation_id = c.id AND o.status = 'pending')
         ORDER BY c.sla_deadline ASC, c.enqueued_at ASC, c.id ASC
         LIMIT $2`,
        [queues, limit],
      );
      return rows.map((r): RoutingCandidate => ({
        conversationId: String(r.id),
        episode: Number(r.episode),
        queue: String(r.queue),
        tier: Number(r.tier) as RiskTier,
        summary: String(r.summary),
        intent: (r.intent as string | null) ?? null,
        customerName: (r.customer_name as string | null) ?? null,
        offeredBefore: (r.offered_to as string[]) ?? [],
      }));
    },
    async routingAgents(queues) {
      if (queues.length === 0) return [];
      const rows = await q(
        `SELECT a.id, a.name, a.queues, a.capacity, a.languages, a.skills,
           (SELECT count(*) FROM conversations c
              WHERE c.assigned_agent_id = a.id AND c.state = 'assigned')::int
           + (SELECT count(*) FROM offers o WHERE o.agent_id = a.id AND o.status = 'pending')::int AS load,
           (SELECT max(o.offered_at) FROM offers o WHERE o.agent_id = a.id) AS last_offered_at
         FROM agents a
         WHERE a.queues && $1::text[] AND ${AVAILABLE}
         ORDER BY a.id`,
        [queues],
      );
      return rows.map((r): RoutingAgent => ({
        id: String(r.id),
        name: String(r.name),
        queues: (r.queues as string[]) ?? [],
        capacity: Number(r.capacity),
        languages: (r.languages as string[] | null) ?? null,
        skills: (r.skills as string[] | null) ?? null,
        load: Number(r.load),
        lastOfferedAt: dateOrNull(r.last_offered_at),
      }));
    },
    async recentCustomerText(conversationIds, perConversation) {
      if (conversationIds.length === 0) return new Map();
      const rows = await q(
        `SELECT c.id, (SELECT string_agg(m.text, ' ' ORDER BY m.seq) FROM (
             SELECT text, seq FROM messages
             WHERE conversation_id = c.id AND role = 'customer' AND text IS NOT NULL
             ORDER BY seq DESC LIMIT $2) m) AS text
         FROM unnest($1::text[]) AS c(id)`,
        [conversationIds, perConversation],
      );
      return new Map(rows.map((r) => [String(r.id), (r.text as string | null) ?? '']));
    },
    async createOffer(offer) {
      // The agent's row lock orders this with their claims (which take it too).
      const [agent] = await q(
        `SELECT a.capacity,
           (SELECT count(*) FROM conversations c
              WHERE c.assigned_agent_id = a.id AND c.state = 'assigned')::int
           + (SELECT count(*) FROM offers o WHERE o.agent_id = a.id AND o.status = 'pending')::int AS load
         FROM agents a WHERE a.id = $1 FOR UPDATE`,
        [offer.agentId],
      );
      if (!agent || Number(agent.load) >= Number(agent.capacity)) return null;
      const rows = await q(
        `INSERT INTO offers (id, conversation_id, episode, queue, agent_id, language, offered_at, expires_at)
         SELECT $1, c.id, c.episode, c.queue, $3, $4, $5, $6 FROM conversations c
         WHERE c.id = $2 AND c.state = 'queued' AND c.episode = $7
         ON CONFLICT (conversation_id) WHERE status = 'pending' DO NOTHING
         RETURNING *`,
        [
          offer.id,
          offer.conversationId,
          offer.agentId,
          offer.language,
          offer.now,
          offer.expiresAt,
          offer.episode,
        ],
      );
      return rows[0] ? toOffer(rows[0]) : null;
    },
    getOffer: (id) => one(q('SELECT * FROM offers WHERE id = $1', [id]), toOffer),
    async answerOffer(offerId, agentId, answer, now) {
      const rows = await q(
        `UPDATE offers SET status = $3, answered_at = $4
         WHERE id = $1 AND agent_id = $2 AND status = 'pending' AND expires_at > $4
         RETURNING *`,
        [offerId, agentId, answer, now],
      );
      return rows[0] ? toOffer(rows[0]) : null;
    },
    async listPendingOffers(agentId) {
      const rows = await q(
        `SELECT o.*, c.tier, coalesce(c.packet ->> 'summary', '') AS summary,
           ${CUSTOMER_NAME_SQL} AS customer_name
         FROM offers o JOIN conversations c ON c.id = o.conversation_id
           LEFT JOIN visitors v ON v.id = c.visitor_id
         WHERE o.agent_id = $1 AND o.status = 'pending'
         ORDER BY o.offered_at`,
        [agentId],
      );
      return rows.map((r) => ({
        ...toOffer(r),
        tier: Number(r.tier) as RiskTier,
        summary: String(r.summary),
        customerName: (r.customer_name as string | null) ?? null,
      }));
    },
  }) satisfies Partial<Store>;
