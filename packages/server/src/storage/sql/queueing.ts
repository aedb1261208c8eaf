import type { TriggerName } from '@baton/shared';
import type { Store, ClaimResult, WaitingEntry } from '../types';
import { toConversation, one, json, dateOrNull, CUSTOMER_NAME_SQL } from './rows';
import type { SqlContext } from './context';

/** Queueing, claims and resolution: who owns a conversation. */
export const queueingQueries = ({ q, db }: SqlContext) =>
  ({
    async enqueue(conversationId, e) {
      // From the assistant (bot/resolved): queue it. Already queued or assigned: raise the lane
      // (keeping an assigned agent), never lower it. Anything else changes nothing (null).
      const rows = await q(
        `UPDATE conversations SET
           state = CASE WHEN state IN ('bot', 'resolved') THEN 'queued' ELSE state END,
           -- Already waiting or owned: it stays in its queue (with its pending work) unless the
           -- risk tier rose; a fresh escalation takes the decision's queue and tier.
           queue = CASE
             WHEN state = 'assigned' THEN queue
             WHEN state = 'queued' AND $4 <= tier THEN queue
             ELSE $5 END,
           lane = $2, unit = $3,
           tier = CASE WHEN state IN ('bot', 'resolved') THEN $4 ELSE GREATEST(tier, $4) END,
           sla_deadline = CASE WHEN state IN ('bot', 'resolved') THEN $6 ELSE LEAST(sla_deadline, $6) END,
           packet = $7,
           enqueued_at = CASE WHEN state IN ('bot', 'resolved') THEN $8 ELSE enqueued_at END,
           assigned_agent_id = CASE WHEN state IN ('bot', 'resolved') THEN NULL ELSE assigned_agent_id END,
           claimed_at = CASE WHEN state IN ('bot', 'resolved') THEN NULL ELSE claimed_at END,
           sla_warned_at = CASE WHEN state IN ('bot', 'resolved') THEN NULL ELSE sla_warned_at END,
           sla_breached_at = CASE WHEN state IN ('bot', 'resolved') THEN NULL ELSE sla_breached_at END,
           resolved_at = NULL
         WHERE id = $1 AND (
           state IN ('bot', 'resolved')
           OR (CASE $2 WHEN 'autonomous' THEN 0 WHEN 'assisted' THEN 1 ELSE 2 END)
            > (CASE lane WHEN 'autonomous' THEN 0 WHEN 'assisted' THEN 1 ELSE 2 END)
         ) RETURNING *`,
        [
          conversationId,
          e.lane,
          e.unit,
          e.tier,
          e.queue,
          e.slaDeadline,
          JSON.stringify(e.packet),
          e.now,
        ],
      );
      return rows[0] ? toConversation(rows[0]) : null;
    },
    async returnToAssistant(conversationId) {
      const rows = await q(
        `UPDATE conversations SET state = 'bot', queue = NULL, unit = NULL, enqueued_at = NULL,
           sla_deadline = NULL, packet = NULL, email_left = NULL
         WHERE id = $1 AND state = 'queued' AND lane = 'autonomous'
           AND NOT EXISTS (SELECT 1 FROM pending_actions WHERE conversation_id = $1 AND status = 'pending')
           AND NOT EXISTS (SELECT 1 FROM held_drafts WHERE conversation_id = $1 AND status = 'pending')
         RETURNING id`,
        [conversationId],
      );
      return rows.length > 0;
    },
    async updatePacket(conversationId, packet) {
      await q('UPDATE conversations SET packet = $2 WHERE id = $1', [
        conversationId,
        JSON.stringify(packet),
      ]);
    },
    claim(conversationId, agentId, now) {
      return db.transaction(async (tx): Promise<ClaimResult> => {
        // Lock the agent row: concurrent claims by one agent are counted one at a time.
        const [agent] = await q(
          'SELECT capacity FROM agents WHERE id = $1 FOR UPDATE',
          [agentId],
          tx,
        );
        // Owned conversations and offers of others waiting for their answer (push routing).
        const [open] = await q(
          `SELECT (SELECT count(*) FROM conversations WHERE assigned_agent_id = $1 AND state = 'assigned')::int
             + (SELECT count(*) FROM offers WHERE agent_id = $1 AND status = 'pending'
                  AND conversation_id <> $2)::int AS n`,
          [agentId, conversationId],
          tx,
        );
        const current = async () =>
          one(q('SELECT * FROM conversations WHERE id = $1', [conversationId], tx), toConversation);
        if (!agent || Number(open?.n ?? 0) >= Number(agent.capacity)) {
          return { ok: false, reason: 'at_capacity', conversation: await current() };
        }
        const rows = await q(
          // One owner: once a person claims it, the assistant no longer answers on its own
          // (an action-only conversation moves to the assisted lane).
          `UPDATE conversations SET state = 'assigned', assigned_agent_id = $2, claimed_at = $3,
             lane = CASE WHEN lane = 'autonomous' THEN 'assisted' ELSE lane END
           WHERE id = $1 AND state = 'queued' RETURNING *`,
          [conversationId, agentId, now],
          tx,
        );
        const won = rows[0];
        if (!won) return { ok: false, reason: 'not_queued', conversation: await current() };
        // Kept apart from the conversation row so measured waits survive a reopen.
        await q(
          'INSERT INTO claims (conversation_id, queue, agent_id, enqueued_at, claimed_at) VALUES ($1, $2, $3, $4, $5)',
          [conversationId, won.queue, agentId, won.enqueued_at, now],
          tx,
        );
        // Taken: an offer of it is accepted (the claimer's) or withdrawn (anyone else's).
        const withdrawn = await q(
          `UPDATE offers SET status = CASE WHEN agent_id = $2 THEN 'accepted' ELSE 'withdrawn' END,
             answered_at = $3
           WHERE conversation_id = $1 AND status = 'pending' RETURNING id, agent_id`,
          [conversationId, agentId, now],
          tx,
        );
        return {
          ok: true,
          conversation: toConversation(won),
          offers: withdrawn.map((r) => ({
            offerId: String(r.id),
            agentId: String(r.agent_id),
            accepted: String(r.agent_id) === agentId,
          })),
        };
      });
    },
    resolve(conversationId, agentId, outcome, now) {
      return db.transaction(async (tx) => {
        const rows = await q(
          `UPDATE conversations SET state = 'resolved', resolved_at = $3
           WHERE id = $1 AND assigned_agent_id = $2 AND state = 'assigned' RETURNING *`,
          [conversationId, agentId, now],
          tx,
        );
        if (!rows[0]) return null;
        // Drafts nobody reviewed are closed with the episode; they must not be sent later.
        await q(
          `UPDATE held_drafts SET status = 'closed', reviewed_by = $2, reviewed_at = $3
           WHERE conversation_id = $1 AND status = 'pending'`,
          [conversationId, agentId, now],
          tx,
        );
        await q(
          `INSERT INTO outcomes (conversation_id, agent_id, escalation, root_cause, packet_usefulness, note, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            conversationId,
            agentId,
            outcome.escalation,
            outcome.rootCause,
            outcome.packetUsefulness,
            outcome.note ?? null,
            now,
          ],
          tx,
        );
        return toConversation(rows[0]);
      });
    },
    async setEmailLeft(conversationId, email) {
      const rows = await q(
        `UPDATE conversations SET email_left = $2 WHERE id = $1 AND state = 'queued' RETURNING id`,
        [conversationId, email],
      );
      return rows.length > 0;
    },
    async listWaitingEntries(queue) {
      const rows = await q(
        `SELECT c.id, c.state, c.lane, c.unit, c.tier, c.email_left, c.enqueued_at, c.sla_deadline,
           c.sla_breached_at, c.created_at, coalesce(c.packet ->> 'summary', '') AS summary,
           (SELECT coalesce(jsonb_agg(t ->> 'name'), '[]'::jsonb)
              FROM jsonb_array_elements(coalesce(c.packet -> 'triggers', '[]'::jsonb)) t) AS triggers,
           ${CUSTOMER_NAME_SQL} AS customer_name,
           (SELECT count(*) FROM held_drafts h
              WHERE h.conversation_id = c.id AND h.status = 'pending')::int AS pending_drafts,
           (SELECT count(*) FROM pending_actions a
              WHERE a.conversation_id = c.id AND a.status = 'pending')::int AS pending_actions,
           o.agent_id AS offered_to_id, oa.name AS offered_to_name
         FROM conversations c LEFT JOIN visitors v ON v.id = c.visitor_id
           LEFT JOIN offers o ON o.conversation_id = c.id AND o.status = 'pending'
           LEFT JOIN agents oa ON oa.id = o.agent_id
         WHERE c.queue = $1 AND c.state = 'queued'
         ORDER BY c.sla_deadline ASC, c.enqueued_at ASC, c.id ASC`,
        [queue],
      );
      return rows.map((r): WaitingEntry => ({
        id: String(r.id),
        state: r.state as WaitingEntry['state'],
        lane: r.lane as WaitingEntry['lane'],
        unit: (r.unit as WaitingEntry['unit']) ?? null,
        tier: Number(r.tier) as WaitingEntry['tier'],
        emailLeft: (r.email_left as string | null) ?? null,
        enqueuedAt: dateOrNull(r.enqueued_at),
        slaDeadline: dateOrNull(r.sla_deadline),
        slaBreachedAt: dateOrNull(r.sla_breached_at),
        createdAt: dateOrNull(r.created_at) ?? new Date(0),
        summary: String(r.summary),
        triggers: json<TriggerName[]>(r.triggers),
        customerName: (r.customer_name as string | null) ?? null,
        pendingDrafts: Number(r.pending_drafts),
        pendingActions: Number(r.pending_actions),
        offeredTo: r.offered_to_id
          ? { agentId: String(r.offered_to_id), agentName: String(r.offered_to_name) }
          : null,
      }));
    },
    async listAssigned(agentId) {
      const rows = await q(
        `SELECT * FROM conversations WHERE assigned_agent_id = $1 AND state = 'assigned' ORDER BY claimed_at`,
        [agentId],
      );
      return rows.map(toConversation);
    },
    async recentWaits(queue, since, limit) {
      const rows = await q(
        `SELECT EXTRACT(EPOCH FROM (claimed_at - enqueued_at)) * 1000 AS wait_ms FROM claims
         WHERE queue = $1 AND claimed_at >= $2
         ORDER BY claimed_at DESC LIMIT $3`,
        [queue, since, limit],
      );
      return rows.map((r) => Number(r.wait_ms));
    },
  }) satisfies Partial<Store>;
