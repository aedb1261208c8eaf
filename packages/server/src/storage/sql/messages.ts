import { randomUUID } from 'node:crypto';
import type { AttachmentRef } from '@baton/shared';
import {
  AttachmentRefError,
  ConversationNotFoundError,
  StateConflictError,
  type NewMessage,
  type Store,
  type Conversation,
  type StoredDecision,
} from '../types';
import {
  toConversation,
  toDecisionRecord,
  toMessage,
  toVisitor,
  one,
  json,
  type Row,
} from './rows';
import type { SqlContext } from './context';
import type { SqlExecutor } from '../sql';
import { appended, appendMany, createAppendBatcher } from './appendBatch';
import { contactHistorySql, toContact } from './history';

/**
 * The SET list that starts a new episode when `condition` holds (a resolved conversation reopened
 * by a customer message): loops, the sentiment window and clarify-once start afresh.
 */
export function reopening(condition: string): string {
  const cleared = ['unit', 'queue', 'assigned_agent_id', 'enqueued_at', 'sla_deadline']
    .concat(['claimed_at', 'email_left', 'packet', 'sla_warned_at', 'sla_breached_at'])
    .map((column) => [column, 'NULL']);
  return [['state', "'bot'"], ['lane', "'autonomous'"], ...cleared, ['episode', 'episode + 1']]
    .map(([column, value]) => `${column} = CASE WHEN ${condition} THEN ${value} ELSE ${column} END`)
    .join(',\n');
}

/** A decision as its `decisions` row, for `insertDecision` (one JSON parameter). */
export function decisionRow(d: StoredDecision) {
  return {
    id: randomUUID(),
    conversation_id: d.conversationId,
    message_id: d.messageId,
    turn: d.turn,
    lane: d.decision.lane,
    policy_version: d.decision.policyVersion,
    mode: d.mode,
    decision: d.decision,
    shadow: d.shadow ?? null,
    facts: d.facts,
    created_at: d.now,
    episode: d.episode ?? 1,
  };
}

/** Inserts the `decisionRow` passed as the JSON parameter `param`; nothing when it is null. */
export const insertDecision = (param: string) =>
  `INSERT INTO decisions SELECT r.* FROM jsonb_populate_record(NULL::decisions, ${param}::jsonb) r
   WHERE ${param}::jsonb IS NOT NULL`;

/** Message-write batches in flight at once on PostgreSQL (1 → 8,084, 2 → 9,779, 3 → 8,060 msg/s). */
const APPEND_BATCHES_IN_FLIGHT = 2;
/** Most messages group-committed in one statement. */
const APPEND_BATCH_MAX = 64;

/** Conversations, messages and decisions: the transcript and its audit trail. */
export const messagesQueries = (ctx: SqlContext) => {
  const { q, db } = ctx;
  /**
   * `appendMessage` as one statement: the row lock, the retry check, the next seq (a new episode
   * when a resolved conversation reopens), the message and its turn. A retry committed while
   * this statement waited for the lock is not in its snapshot: the unique (conversation, role,
   * client id) key refuses the second insert, and the stored message is returned instead.
   */
  async function appendAlone(
    input: NewMessage,
    ex?: SqlExecutor,
    /** The checked attachments the message carries (see `sendable`). */
    refs?: AttachmentRef[],
  ): ReturnType<Store['appendMessage']> {
    let rows: Row[];
    try {
      rows = await q(
        `WITH locked AS (
           SELECT id, state, lane FROM conversations WHERE id = $2 FOR UPDATE),
         earlier AS (
           SELECT m.* FROM messages m JOIN locked ON m.conversation_id = locked.id
           WHERE $6::text IS NOT NULL AND m.role = $3 AND m.client_id = $6),
         flags AS (
           SELECT id, ($9::boolean AND state = 'resolved') AS reopened,
             ($10::boolean AND lane = 'human' AND state IN ('queued', 'assigned')) AS human
           FROM locked WHERE NOT EXISTS (SELECT 1 FROM earlier)),
         c AS (
           UPDATE conversations SET last_seq = last_seq + 1,
             ${reopening('f.reopened')}
           FROM flags f WHERE conversations.id = f.id
           RETURNING conversations.last_seq, f.reopened, f.human),
         m AS (
           INSERT INTO messages (id, conversation_id, seq, role, text, author_name, client_id, created_at, reply_to, attachments, notice)
           SELECT $1::text, $2::text, c.last_seq, $3::text, $4::text, $5::text, $6::text,
             $7::timestamptz, $8::text, $14::jsonb, $15::jsonb
           FROM c RETURNING *),
         t AS (
           INSERT INTO turns (message_id, conversation_id, seq, kind, priority, created_at,
             status, act, done_at)
           SELECT m.id, m.conversation_id, m.seq, $11::text, $12::boolean, clock_timestamp(),
             CASE WHEN c.human THEN 'done' ELSE 'pending' END,
             CASE WHEN c.human THEN 'silent' END,
             CASE WHEN c.human THEN clock_timestamp() END
           FROM m, c WHERE $13::boolean)
         SELECT m.*, false AS duplicate, c.reopened, c.human FROM m, c
         UNION ALL SELECT earlier.*, true, false, false FROM earlier`,
        [
          randomUUID(),
          input.conversationId,
          input.role,
          input.text,
          input.authorName ?? null,
          input.clientId ?? null,
          input.now,
          input.replyTo ?? null,
          input.reopenIfResolved === true,
          input.turn?.unlessHuman === true,
          input.turn?.kind ?? 'text',
          input.turn?.priority ?? false,
          input.turn !== undefined,
          refs ? JSON.stringify(refs) : null,
          input.notice ? JSON.stringify(input.notice) : null,
        ],
        ex,
      );
    } catch (err) {
      if ((err as { code?: string }).code !== '23505' || !input.clientId) throw err;
      const [earlier] = await q(
        'SELECT * FROM messages WHERE conversation_id = $1 AND role = $2 AND client_id = $3',
        [input.conversationId, input.role, input.clientId],
        ex,
      );
      if (!earlier) throw err;
      return { message: toMessage(earlier), duplicate: true };
    }
    const row = rows[0];
    if (!row) throw new ConversationNotFoundError(input.conversationId);
    return appended(row, input);
  }

  /**
   * The attachments a message may send, in the order named: of its conversation, uploaded by its
   * sender in its role, and not sent yet. Locked until the transaction ends.
   */
  async function sendable(
    input: NewMessage,
    attachments: NonNullable<NewMessage['attachments']>,
    tx: SqlExecutor,
  ): Promise<AttachmentRef[]> {
    const rows = await q(
      `SELECT id, name, mime, size FROM attachments
       WHERE id = ANY($1::text[]) AND conversation_id = $2 AND uploader_role = $3
         AND uploader_id = $4 AND message_id IS NULL
       FOR UPDATE`,
      [attachments.ids, input.conversationId, input.role, attachments.uploaderId],
      tx,
    );
    const found = new Map(rows.map((r) => [String(r.id), r]));
    const refused = attachments.ids.filter((id) => !found.has(id));
    if (refused.length > 0) throw new AttachmentRefError(refused);
    return attachments.ids.map((id) => {
      const r = found.get(id)!;
      return {
        id,
        name: String(r.name),
        mime: r.mime as AttachmentRef['mime'],
        size: Number(r.size),
      };
    });
  }

  // Plain writes outside a transaction are group-committed (see createAppendBatcher). PGlite runs
  // one statement at a time anyway; PostgreSQL gets a few batches at once.
  const batcher = createAppendBatcher({
    single: (input) => appendAlone(input),
    many: appendMany(ctx, reopening),
    maxInFlight: db.kind === 'pglite' ? 1 : APPEND_BATCHES_IN_FLIGHT,
    maxBatch: APPEND_BATCH_MAX,
    defer: db.kind === 'pglite',
  });

  return {
    async createConversation({ siteId, visitorId, now }) {
      const rows = await q(
        `INSERT INTO conversations (id, site_id, visitor_id, state, created_at)
         VALUES ($1, $2, $3, 'bot', $4) RETURNING *`,
        [randomUUID(), siteId, visitorId, now],
      );
      return toConversation(rows[0]!);
    },
    getConversation: (id) =>
      one(q('SELECT * FROM conversations WHERE id = $1', [id]), toConversation),
    latestConversation: (visitorId) =>
      one(
        q('SELECT * FROM conversations WHERE visitor_id = $1 ORDER BY created_at DESC LIMIT 1', [
          visitorId,
        ]),
        toConversation,
      ),
    async appendMessage(input) {
      // Nothing to check before writing (no guard, not the button, no attachments) and no
      // transaction to abort: one statement, one round trip.
      if (!input.guard && input.turn?.kind !== 'button' && !input.attachments) {
        if (!db.inTransaction) return batcher.append(input);
        // In a transaction (a turn's reply or notice) the statement's own row lock is enough
        // when there is no retry to find: a retry committed while it waited would abort the
        // transaction on the unique key rather than be returned.
        if (!input.clientId) return appendAlone(input);
      }
      return db.transaction(async (tx) => {
        // Row lock first: serialises writers of one conversation so seq has no gaps, a retried
        // clientId is seen by the second writer, and state guards hold until commit.
        const [conv] = await q(
          'SELECT last_seq, state, lane, assigned_agent_id FROM conversations WHERE id = $1 FOR UPDATE',
          [input.conversationId],
          tx,
        );
        if (!conv) throw new ConversationNotFoundError(input.conversationId);
        const guard = input.guard;
        const button = input.turn?.kind === 'button';
        // A retry is found before any check (a retried reply is the stored one even if the state
        // moved on since, and its attachments are sent already); without checks, it is found by
        // the write itself, one round trip less.
        if (input.clientId && (guard || button || input.attachments)) {
          const [earlier] = await q(
            'SELECT * FROM messages WHERE conversation_id = $1 AND role = $2 AND client_id = $3',
            [input.conversationId, input.role, input.clientId],
            tx,
          );
          if (earlier) return { message: toMessage(earlier), duplicate: true };
        }
        if (button) {
          // Presses of the Talk to a human button while one is still being handled are the same
          // request (it is exempt from rate limits, so a burst must not pile up turns).
          const [pressed] = await q(
            `SELECT m.* FROM turns t JOIN messages m ON m.id = t.message_id
             WHERE t.conversation_id = $1 AND t.kind = 'button' AND t.status = 'pending' LIMIT 1`,
            [input.conversationId],
            tx,
          );
          if (pressed) return { message: toMessage(pressed), duplicate: true };
        }
        const state = conv.state as Conversation['state'];
        const owner = (conv.assigned_agent_id as string | null) ?? null;
        if (
          guard &&
          ((guard.states && !guard.states.includes(state)) ||
            (guard.lanes && !guard.lanes.includes(conv.lane as Conversation['lane'])) ||
            (guard.assignedAgentId !== undefined && guard.assignedAgentId !== owner))
        ) {
          throw new StateConflictError(input.conversationId, state, owner);
        }
        if (!input.attachments) return appendAlone(input, tx);
        // The checks passed under the lock: the same one statement writes it, and the
        // attachments are marked sent by it (in this transaction, so none is sent twice).
        const refs = await sendable(input, input.attachments, tx);
        const stored = await appendAlone(input, tx, refs);
        await q(
          'UPDATE attachments SET message_id = $1 WHERE id = ANY($2::text[])',
          [stored.message.id, input.attachments.ids],
          tx,
        );
        return stored;
      });
    },
    async listMessages(conversationId, afterSeq = 0) {
      const rows = await q(
        'SELECT * FROM messages WHERE conversation_id = $1 AND seq > $2 ORDER BY seq',
        [conversationId, afterSeq],
      );
      return rows.map(toMessage);
    },
    async getMessageInContext(messageId, recent = 0, contactsSince) {
      const [row] = await q(
        `SELECT to_jsonb(m) AS message, to_jsonb(mc) AS conversation, to_jsonb(mv) AS visitor,
           (SELECT coalesce(jsonb_agg(to_jsonb(r) ORDER BY r.seq), '[]'::jsonb) FROM (
              SELECT * FROM messages WHERE conversation_id = m.conversation_id AND seq < m.seq
              ORDER BY seq DESC LIMIT $2) r) AS recent,
           -- The customer's earlier contacts, for repeat_contact (the names inside are c and v).
           CASE WHEN $3::timestamptz IS NOT NULL THEN
             (SELECT coalesce(jsonb_agg(to_jsonb(h) ORDER BY h.created_at), '[]'::jsonb) FROM (
               ${contactHistorySql({
                 siteId: 'mc.site_id',
                 visitorId: 'mc.visitor_id',
                 externalId: 'mv.external_id',
                 conversationId: 'mc.id',
                 since: '$3::timestamptz',
               })}) h)
           END AS contacts
         FROM messages m JOIN conversations mc ON mc.id = m.conversation_id
         LEFT JOIN visitors mv ON mv.id = mc.visitor_id WHERE m.id = $1`,
        [messageId, recent, contactsSince ?? null],
      );
      if (!row) return null;
      return {
        message: toMessage(json<Row>(row.message)),
        conversation: toConversation(json<Row>(row.conversation)),
        visitor: row.visitor ? toVisitor(json<Row>(row.visitor)) : null,
        recent: json<Row[]>(row.recent).map(toMessage),
        ...(row.contacts !== null && { contacts: json<Row[]>(row.contacts).map(toContact) }),
      };
    },
    getMessage: (id) => one(q('SELECT * FROM messages WHERE id = $1', [id]), toMessage),
    async recordDecision(d) {
      await q(insertDecision('$1'), [JSON.stringify(decisionRow(d))]);
    },
    async listDecisions(conversationId, episode) {
      const rows = await q(
        `SELECT * FROM decisions WHERE conversation_id = $1 AND ($2::int IS NULL OR episode = $2)
         ORDER BY episode, turn, created_at`,
        [conversationId, episode ?? null],
      );
      return rows.map(toDecisionRecord);
    },
  } satisfies Partial<Store>;
};
