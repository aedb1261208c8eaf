import type { Store, OutboxEvent } from '../types';
import { toConversation, toDecisionRecord, toTurn, toMessage, one, json, type Row } from './rows';
import type { SqlContext } from './context';
import { decisionRow, insertDecision } from './messages';

/** Durable turns (leases, attempts) and the outbox. */
export const turnsQueries = ({ q, db }: SqlContext) => {
  /**
   * One statement: its parts share a snapshot, so the turn just done still reads as pending to
   * the NOT EXISTS and is left out by id. Without an owner nothing matches the release.
   */
  const finishTurn: Store['finishTurn'] = async (input) => {
    const { messageId, act, now, releaseLeaseOf, decision, events = [], holdMs } = input;
    const rows = await q(
      `WITH decided AS (${insertDecision('$5')}),
       done AS (
         UPDATE turns SET status = 'done', act = $2, done_at = $3 WHERE message_id = $1
         RETURNING conversation_id),
       released AS (
         UPDATE conversations SET turn_owner = NULL, turn_lease_until = NULL
         WHERE id = (SELECT conversation_id FROM done) AND turn_owner = $4::text
           AND NOT EXISTS (SELECT 1 FROM turns WHERE conversation_id = (SELECT conversation_id FROM done)
             AND status = 'pending' AND message_id <> $1)
         RETURNING id),
       events AS (${insertOutbox('$6', '$7')} RETURNING id)
       SELECT (SELECT count(*) FROM released)::int AS released,
         (SELECT coalesce(jsonb_agg(id::text ORDER BY id), '[]'::jsonb) FROM events) AS ids`,
      [
        messageId,
        act,
        now,
        releaseLeaseOf ?? null,
        decision ? JSON.stringify(decisionRow(decision)) : null,
        JSON.stringify(events),
        holdMs ?? null,
      ],
    );
    return {
      released: Number(rows[0]?.released ?? 0) > 0,
      outboxIds: json<string[]>(rows[0]?.ids ?? '[]'),
    };
  };

  return {
    lockConversation: (id) =>
      one(q('SELECT * FROM conversations WHERE id = $1 FOR UPDATE', [id]), toConversation),
    getTurn: (messageId) =>
      one(q('SELECT * FROM turns WHERE message_id = $1', [messageId]), toTurn),
    async turnUnderLock(messageId, episode) {
      const [row] = await q(
        `SELECT to_jsonb(t) AS turn,
           EXISTS (SELECT 1 FROM turns e WHERE e.conversation_id = t.conversation_id
             AND e.status = 'pending' AND e.seq < t.seq AND NOT e.priority) AS earlier_pending,
           -- Not the whole facts (each holds the customer's context): what later turns read.
           (SELECT coalesce(jsonb_agg(jsonb_build_object('id', d.id,
               'conversation_id', d.conversation_id, 'message_id', d.message_id, 'turn', d.turn,
               'mode', d.mode, 'decision', d.decision, 'created_at', d.created_at,
               'episode', d.episode, 'facts', jsonb_build_object('text', d.facts -> 'text',
                 'intent', d.facts -> 'intent', 'sentiment', d.facts -> 'sentiment'))
               ORDER BY d.turn, d.created_at), '[]'::jsonb)
              FROM decisions d WHERE d.conversation_id = t.conversation_id AND d.episode = $2)
             AS decisions
         FROM turns t WHERE t.message_id = $1`,
        [messageId, episode],
      );
      if (!row) return null;
      return {
        turn: toTurn(json<Row>(row.turn)),
        earlierPending: Boolean(row.earlier_pending),
        decisions: json<Row[]>(row.decisions).map(toDecisionRecord),
      };
    },
    startTurn: (messageId) =>
      one(
        q(
          `UPDATE turns SET attempts = attempts + 1 WHERE message_id = $1 AND status = 'pending'
           RETURNING *`,
          [messageId],
        ),
        toTurn,
      ),
    finishTurn,
    async completeTurn(messageId, act, now, releaseLeaseOf) {
      return (await finishTurn({ messageId, act, now, releaseLeaseOf })).released;
    },
    async leaseNextTurn(conversationId, owner, ttlMs) {
      // The turn is started only if the lease is ours (the sub-statements see each other's
      // RETURNING rows): one row without a turn means leased with nothing pending.
      const rows = await q(
        `WITH lease AS (
           UPDATE conversations
             SET turn_owner = $2, turn_lease_until = clock_timestamp() + ($3 * interval '1 millisecond')
           WHERE id = $1 AND (turn_owner IS NULL OR turn_owner = $2 OR turn_lease_until < clock_timestamp())
           RETURNING id),
         job AS (
           UPDATE turns SET attempts = attempts + 1
           WHERE message_id = (SELECT message_id FROM turns
             WHERE conversation_id = $1 AND status = 'pending' ORDER BY seq LIMIT 1)
             AND status = 'pending' AND EXISTS (SELECT 1 FROM lease)
           RETURNING *)
         SELECT job.* FROM lease LEFT JOIN job ON true`,
        [conversationId, owner, ttlMs],
      );
      const row = rows[0];
      if (!row) return { leased: false, job: null };
      return { leased: true, job: row.message_id ? toTurn(row) : null };
    },
    async acquireTurnLease(conversationId, owner, ttlMs) {
      const rows = await q(
        `UPDATE conversations
           SET turn_owner = $2, turn_lease_until = clock_timestamp() + ($3 * interval '1 millisecond')
         WHERE id = $1 AND (turn_owner IS NULL OR turn_owner = $2 OR turn_lease_until < clock_timestamp())
         RETURNING id`,
        [conversationId, owner, ttlMs],
      );
      return rows.length > 0;
    },
    releaseTurnLease(conversationId, owner) {
      return db.transaction(async (tx) => {
        // Under the row lock that appendMessage takes too: a turn stored concurrently is either
        // seen here (keep the lease and run it) or stored after the release (its node kicks it).
        await q('SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE', [conversationId], tx);
        const rows = await q(
          `UPDATE conversations SET turn_owner = NULL, turn_lease_until = NULL
           WHERE id = $1 AND turn_owner = $2
             AND NOT EXISTS (SELECT 1 FROM turns WHERE conversation_id = $1 AND status = 'pending')
           RETURNING id`,
          [conversationId, owner],
          tx,
        );
        return rows.length > 0;
      });
    },
    async stalledTurnConversations(minAgeMs, limit) {
      const rows = await q(
        // Longest waiting first, so a few failing conversations cannot starve the others.
        `SELECT t.conversation_id FROM turns t
         JOIN conversations c ON c.id = t.conversation_id
         WHERE t.status = 'pending'
           AND t.created_at < clock_timestamp() - ($1 * interval '1 millisecond')
           AND (c.turn_owner IS NULL OR c.turn_lease_until < clock_timestamp())
         GROUP BY t.conversation_id ORDER BY min(t.created_at) LIMIT $2`,
        [minAgeMs, limit],
      );
      return rows.map((r) => String(r.conversation_id));
    },
    async addOutbox(events, holdMs) {
      if (events.length === 0) return [];
      const rows = await q(`${insertOutbox('$1', '$2')} RETURNING id`, [
        JSON.stringify(events),
        holdMs ?? null,
      ]);
      return rows.map((r) => String(r.id));
    },
    async claimOutbox(select, holdMs) {
      // Held, not removed: an event is deleted only after it was delivered, so a crash or a
      // failure while delivering leaves it for the sweep (at least once).
      const rows = await q(
        `UPDATE outbox SET taken_until = clock_timestamp() + ($1 * interval '1 millisecond')
         WHERE id IN (
           SELECT id FROM outbox
           WHERE (taken_until IS NULL OR taken_until < clock_timestamp())
             AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))
             AND ($3::int IS NULL OR created_at < clock_timestamp() - ($3 * interval '1 millisecond'))
           ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED)
         RETURNING id, event`,
        'ids' in select
          ? [holdMs, select.ids, null, select.ids.length]
          : [holdMs, null, select.minAgeMs, select.limit],
      );
      return rows
        .map((r) => ({ id: String(r.id), event: json<OutboxEvent>(r.event) }))
        .sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
    },
    async deleteOutbox(ids) {
      if (ids.length === 0) return;
      await q('DELETE FROM outbox WHERE id = ANY($1::bigint[])', [ids]);
    },
    replyTo: (messageId) =>
      one(
        q(`SELECT * FROM messages WHERE reply_to = $1 AND role = 'assistant'`, [messageId]),
        toMessage,
      ),
  } satisfies Partial<Store>;
};

/**
 * Appends the events of the JSON array parameter `events` to the outbox in order, taken for
 * `holdMs` milliseconds (a null hold: free for any relay at once). Add `RETURNING id`.
 */
const insertOutbox = (events: string, holdMs: string) =>
  `INSERT INTO outbox (event, taken_until)
   SELECT e, clock_timestamp() + (${holdMs}::float8 * interval '1 millisecond')
   FROM jsonb_array_elements(${events}::jsonb) WITH ORDINALITY AS x(e, n) ORDER BY n`;
