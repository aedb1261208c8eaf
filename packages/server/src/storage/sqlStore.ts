import { randomUUID } from 'node:crypto';
import type { ChatMessage, HeldDraft, MessageRole, PendingAction, RiskTier } from '@baton/shared';
import type { SqlDatabase, SqlExecutor } from './sql';
import {
  StateConflictError,
  type Agent,
  type ClaimResult,
  type Conversation,
  type OutboxEvent,
  type Presence,
  type Site,
  type Store,
  type StoredDecision,
  type TurnJob,
  type Visitor,
} from './types';
import type { PolicyVersionRow, StoredPolicyState } from './types';

type Row = Record<string, unknown>;

const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();
const dateOrNull = (v: unknown): Date | null =>
  v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v));
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

function toSite(r: Row): Site {
  return {
    id: String(r.id),
    siteKey: String(r.site_key),
    name: String(r.name),
    allowedOrigins: (r.allowed_origins as string[]) ?? [],
  };
}

function toVisitor(r: Row): Visitor {
  return {
    id: String(r.id),
    siteId: String(r.site_id),
    externalId: (r.external_id as string | null) ?? null,
    verifiedId: (r.verified_id as string | null) ?? null,
    name: (r.name as string | null) ?? null,
    email: (r.email as string | null) ?? null,
    context: json(r.context) ?? {},
  };
}

function toAgent(r: Row): Agent {
  return {
    id: String(r.id),
    email: String(r.email),
    name: String(r.name),
    passwordHash: String(r.password_hash),
    queues: (r.queues as string[]) ?? [],
    capacity: Number(r.capacity ?? 3),
  };
}

function toConversation(r: Row): Conversation {
  return {
    id: String(r.id),
    siteId: String(r.site_id),
    visitorId: String(r.visitor_id),
    state: r.state as Conversation['state'],
    lastSeq: Number(r.last_seq),
    lane: r.lane as Conversation['lane'],
    unit: (r.unit as Conversation['unit']) ?? null,
    tier: Number(r.tier) as RiskTier,
    queue: (r.queue as string | null) ?? null,
    assignedAgentId: (r.assigned_agent_id as string | null) ?? null,
    enqueuedAt: dateOrNull(r.enqueued_at),
    slaDeadline: dateOrNull(r.sla_deadline),
    claimedAt: dateOrNull(r.claimed_at),
    resolvedAt: dateOrNull(r.resolved_at),
    emailLeft: (r.email_left as string | null) ?? null,
    packet: r.packet === null || r.packet === undefined ? null : json(r.packet),
    episode: Number(r.episode ?? 1),
    createdAt: dateOrNull(r.created_at) ?? new Date(0),
  };
}

function toTurn(r: Row): TurnJob {
  return {
    messageId: String(r.message_id),
    conversationId: String(r.conversation_id),
    seq: Number(r.seq),
    kind: r.kind as TurnJob['kind'],
    priority: Boolean(r.priority),
    status: r.status as TurnJob['status'],
    attempts: Number(r.attempts),
  };
}

/** A transaction's connection seen as a database, so the same store code runs inside it. */
function insideTransaction(tx: SqlExecutor, kind: SqlDatabase['kind']): SqlDatabase {
  return {
    kind,
    query: (sql, params) => tx.query(sql, params),
    async exec(sql) {
      await tx.query(sql);
    },
    // Nested transactions join the outer one.
    transaction: (fn) => fn(tx),
    async close() {
      throw new Error('close() inside a transaction');
    },
  };
}

function toDraft(r: Row): HeldDraft {
  return {
    id: String(r.id),
    conversationId: String(r.conversation_id),
    messageId: String(r.message_id),
    text: String(r.text),
    status: r.status as HeldDraft['status'],
    reviewedBy: (r.reviewed_by as string | null) ?? null,
    createdAt: iso(r.created_at),
  };
}

function toAction(r: Row): PendingAction {
  return {
    id: String(r.id),
    conversationId: String(r.conversation_id),
    action: String(r.action),
    intent: (r.intent as string | null) ?? null,
    amount:
      r.amount === null || r.amount === undefined
        ? null
        : { value: Number(r.amount), currency: (r.currency as string | null) ?? null },
    reasons: json<string[]>(r.reasons) ?? [],
    status: r.status as PendingAction['status'],
    decidedBy: (r.decided_by as string | null) ?? null,
    note: (r.note as string | null) ?? null,
    createdAt: iso(r.created_at),
  };
}

function toMessage(r: Row): ChatMessage {
  return {
    id: String(r.id),
    conversationId: String(r.conversation_id),
    seq: Number(r.seq),
    role: r.role as MessageRole,
    text: String(r.text),
    authorName: (r.author_name as string | null) ?? null,
    clientId: (r.client_id as string | null) ?? null,
    createdAt: iso(r.created_at),
  };
}

const one = async <T>(rows: Promise<Row[]>, map: (r: Row) => T): Promise<T | null> => {
  const [row] = await rows;
  return row ? map(row) : null;
};

/** The Store over any SqlDatabase (PGlite or PostgreSQL): same SQL for both. */
export function createSqlStore(db: SqlDatabase): Store {
  const q = (sql: string, params?: unknown[], ex: SqlExecutor = db) => ex.query<Row>(sql, params);

  return {
    async upsertSite(site) {
      await q(
        `INSERT INTO sites (id, site_key, name, allowed_origins) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET site_key = $2, name = $3, allowed_origins = $4`,
        [site.id, site.siteKey, site.name, site.allowedOrigins],
      );
    },
    getSiteByKey: (siteKey) => one(q('SELECT * FROM sites WHERE site_key = $1', [siteKey]), toSite),

    async createVisitor({ siteId, tokenHash, now }) {
      const rows = await q(
        `INSERT INTO visitors (id, site_id, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING *`,
        [randomUUID(), siteId, tokenHash, now],
      );
      return toVisitor(rows[0]!);
    },
    getVisitorByToken: (siteId, tokenHash) =>
      one(
        q('SELECT * FROM visitors WHERE site_id = $1 AND token_hash = $2', [siteId, tokenHash]),
        toVisitor,
      ),
    getVisitor: (id) => one(q('SELECT * FROM visitors WHERE id = $1', [id]), toVisitor),
    async updateVisitor(id, patch, maxContextBytes = 64 * 1024) {
      // Merged in SQL so concurrent context updates do not overwrite each other; the size cap
      // applies to the merged result, not just one payload.
      const rows = await q(
        `UPDATE visitors SET
           external_id = COALESCE($2, external_id),
           verified_id = COALESCE($3, verified_id),
           name = COALESCE($4, name),
           email = COALESCE($5, email),
           context = CASE WHEN $6::jsonb IS NULL THEN context ELSE context || $6::jsonb END
         WHERE id = $1
           AND ($6::jsonb IS NULL OR octet_length((context || $6::jsonb)::text) <= $7)
         RETURNING *`,
        [
          id,
          patch.externalId ?? null,
          patch.verifiedId ?? null,
          patch.name ?? null,
          patch.email ?? null,
          patch.context === undefined ? null : JSON.stringify(patch.context),
          maxContextBytes,
        ],
      );
      return rows[0] ? toVisitor(rows[0]) : null;
    },

    async upsertAgent(agent) {
      await q(
        `INSERT INTO agents (id, email, name, password_hash, queues, capacity) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET email = $2, name = $3, password_hash = $4, queues = $5, capacity = $6`,
        [
          agent.id,
          agent.email.toLowerCase(),
          agent.name,
          agent.passwordHash,
          agent.queues,
          agent.capacity,
        ],
      );
    },
    getAgent: (id) => one(q('SELECT * FROM agents WHERE id = $1', [id]), toAgent),
    getAgentByEmail: (email) =>
      one(q('SELECT * FROM agents WHERE email = $1', [email.toLowerCase()]), toAgent),
    async createAgentSession(tokenHash, agentId, expiresAt) {
      await q('INSERT INTO agent_sessions (token_hash, agent_id, expires_at) VALUES ($1, $2, $3)', [
        tokenHash,
        agentId,
        expiresAt,
      ]);
    },
    getAgentBySession: (tokenHash, now) =>
      one(
        q(
          `SELECT a.*, s.expires_at AS session_expires_at FROM agent_sessions s
           JOIN agents a ON a.id = s.agent_id
           WHERE s.token_hash = $1 AND s.expires_at > $2`,
          [tokenHash, now],
        ),
        (r) => ({ ...toAgent(r), sessionExpiresAt: dateOrNull(r.session_expires_at)! }),
      ),
    async updatePresence(agentId, change, now) {
      const rows = await q(
        `WITH up AS (
           INSERT INTO agent_presence (agent_id, status, updated_at) VALUES ($1, $2, $3)
           ON CONFLICT (agent_id) DO UPDATE SET status = $2, updated_at = $3 RETURNING status)
         SELECT up.status, (SELECT count(*)::int FROM agent_connections
             WHERE agent_id = $1 AND expires_at > clock_timestamp()) AS connections FROM up`,
        [agentId, change.status, now],
      );
      const r = rows[0]!;
      return { status: r.status as Presence['status'], connections: Number(r.connections) };
    },
    async getPresence(agentId) {
      const rows = await q(
        `SELECT (SELECT status FROM agent_presence WHERE agent_id = $1) AS status,
           (SELECT count(*)::int FROM agent_connections
             WHERE agent_id = $1 AND expires_at > clock_timestamp()) AS connections`,
        [agentId],
      );
      const r = rows[0]!;
      // No row yet: an agent who never chose a status is online.
      return {
        status: (r.status as Presence['status'] | null) ?? 'online',
        connections: Number(r.connections ?? 0),
      };
    },
    async addAgentConnection({ socketId, agentId, nodeId }, ttlMs) {
      await q(
        `INSERT INTO agent_connections (socket_id, agent_id, node_id, expires_at)
         VALUES ($1, $2, $3, clock_timestamp() + $4::float8 * interval '1 millisecond')
         ON CONFLICT (socket_id) DO UPDATE SET expires_at = EXCLUDED.expires_at`,
        [socketId, agentId, nodeId, ttlMs],
      );
    },
    async removeAgentConnection(socketId) {
      await q('DELETE FROM agent_connections WHERE socket_id = $1', [socketId]);
    },
    async renewAgentConnections(nodeId, ttlMs) {
      const rows = await q(
        `UPDATE agent_connections SET expires_at = clock_timestamp() + $2::float8 * interval '1 millisecond'
         WHERE node_id = $1 RETURNING socket_id`,
        [nodeId, ttlMs],
      );
      return rows.map((r) => String(r.socket_id));
    },
    async deleteExpiredAgentConnections() {
      const rows = await q(
        'DELETE FROM agent_connections WHERE expires_at <= clock_timestamp() RETURNING agent_id',
      );
      return [...new Set(rows.map((r) => String(r.agent_id)))];
    },
    async countAgentsOnline(queue) {
      const rows = await q(
        `SELECT count(*)::int AS n FROM agents a LEFT JOIN agent_presence p ON p.agent_id = a.id
         WHERE $1 = ANY(a.queues) AND COALESCE(p.status, 'online') = 'online'
           AND EXISTS (SELECT 1 FROM agent_connections c
                       WHERE c.agent_id = a.id AND c.expires_at > clock_timestamp())`,
        [queue],
      );
      return Number(rows[0]?.n ?? 0);
    },
    async resetPresence() {
      await q('DELETE FROM agent_connections');
    },
    async deleteExpiredAgentSessions(now) {
      await q('DELETE FROM agent_sessions WHERE expires_at <= $1', [now]);
    },
    async deleteAgentSession(tokenHash) {
      const rows = await q(
        'DELETE FROM agent_sessions WHERE token_hash = $1 RETURNING token_hash',
        [tokenHash],
      );
      return rows.length > 0;
    },
    async deleteAgentSessions(agentId) {
      const rows = await q('DELETE FROM agent_sessions WHERE agent_id = $1 RETURNING token_hash', [
        agentId,
      ]);
      return rows.length;
    },

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
    appendMessage(input) {
      return db.transaction(async (tx) => {
        // Row lock first: serialises writers of one conversation so seq has no gaps, a retried
        // clientId is seen by the second writer, and state guards hold until commit.
        const [conv] = await q(
          'SELECT last_seq, state, lane, assigned_agent_id FROM conversations WHERE id = $1 FOR UPDATE',
          [input.conversationId],
          tx,
        );
        if (!conv) throw new Error(`conversation ${input.conversationId} not found`);
        if (input.clientId) {
          const existing = await q(
            'SELECT * FROM messages WHERE conversation_id = $1 AND role = $2 AND client_id = $3',
            [input.conversationId, input.role, input.clientId],
            tx,
          );
          if (existing[0]) return { message: toMessage(existing[0]), duplicate: true };
        }
        const state = conv.state as Conversation['state'];
        const owner = (conv.assigned_agent_id as string | null) ?? null;
        const guard = input.guard;
        if (
          guard &&
          ((guard.states && !guard.states.includes(state)) ||
            (guard.lanes && !guard.lanes.includes(conv.lane as Conversation['lane'])) ||
            (guard.assignedAgentId !== undefined && guard.assignedAgentId !== owner))
        ) {
          throw new StateConflictError(input.conversationId, state, owner);
        }
        if (input.reopenIfResolved && state === 'resolved') {
          // A new episode: loops, the sentiment window and clarify-once start afresh.
          await q(
            `UPDATE conversations SET state = 'bot', lane = 'autonomous', unit = NULL, queue = NULL,
               assigned_agent_id = NULL, enqueued_at = NULL, sla_deadline = NULL, claimed_at = NULL,
               email_left = NULL, packet = NULL, episode = episode + 1
             WHERE id = $1`,
            [input.conversationId],
            tx,
          );
        }
        const seq = Number(conv.last_seq) + 1;
        await q(
          'UPDATE conversations SET last_seq = $2 WHERE id = $1',
          [input.conversationId, seq],
          tx,
        );
        const rows = await q(
          `INSERT INTO messages (id, conversation_id, seq, role, text, author_name, client_id, created_at, reply_to)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
          [
            randomUUID(),
            input.conversationId,
            seq,
            input.role,
            input.text,
            input.authorName ?? null,
            input.clientId ?? null,
            input.now,
            input.replyTo ?? null,
          ],
          tx,
        );
        const message = toMessage(rows[0]!);
        if (input.turn) {
          // Same transaction as the message: an acked message always has its turn.
          await q(
            // Database time: stalled turns are found by age, whatever clock the caller uses.
            `INSERT INTO turns (message_id, conversation_id, seq, kind, priority, created_at)
             VALUES ($1, $2, $3, $4, $5, clock_timestamp())`,
            [message.id, message.conversationId, seq, input.turn.kind, input.turn.priority],
            tx,
          );
        }
        return { message, duplicate: false };
      });
    },
    async listMessages(conversationId, afterSeq = 0) {
      const rows = await q(
        'SELECT * FROM messages WHERE conversation_id = $1 AND seq > $2 ORDER BY seq',
        [conversationId, afterSeq],
      );
      return rows.map(toMessage);
    },
    getMessage: (id) => one(q('SELECT * FROM messages WHERE id = $1', [id]), toMessage),
    async recordDecision(d) {
      await q(
        `INSERT INTO decisions (id, conversation_id, message_id, turn, lane, policy_version, mode, decision, facts, created_at, shadow, episode)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          randomUUID(),
          d.conversationId,
          d.messageId,
          d.turn,
          d.decision.lane,
          d.decision.policyVersion,
          d.mode,
          JSON.stringify(d.decision),
          JSON.stringify(d.facts),
          d.now,
          d.shadow ? JSON.stringify(d.shadow) : null,
          d.episode ?? 1,
        ],
      );
    },
    async listDecisions(conversationId, episode) {
      const rows = await q(
        `SELECT * FROM decisions WHERE conversation_id = $1 AND ($2::int IS NULL OR episode = $2)
         ORDER BY episode, turn, created_at`,
        [conversationId, episode ?? null],
      );
      return rows.map((r): StoredDecision & { id: string } => ({
        id: String(r.id),
        conversationId: String(r.conversation_id),
        messageId: (r.message_id as string | null) ?? null,
        turn: Number(r.turn),
        mode: r.mode as StoredDecision['mode'],
        decision: json(r.decision),
        shadow: r.shadow === null || r.shadow === undefined ? null : json(r.shadow),
        facts: json(r.facts),
        now: dateOrNull(r.created_at) ?? new Date(0),
        episode: Number(r.episode ?? 1),
      }));
    },
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
        const [open] = await q(
          `SELECT count(*)::int AS n FROM conversations WHERE assigned_agent_id = $1 AND state = 'assigned'`,
          [agentId],
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
        return { ok: true, conversation: toConversation(won) };
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
    async listWaiting(queue) {
      const rows = await q(
        `SELECT * FROM conversations WHERE queue = $1 AND state = 'queued'
         ORDER BY sla_deadline ASC, enqueued_at ASC, id ASC`,
        [queue],
      );
      return rows.map(toConversation);
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
    async createDraft({ conversationId, messageId, text, now }) {
      const rows = await q(
        `INSERT INTO held_drafts (id, conversation_id, message_id, text, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [randomUUID(), conversationId, messageId, text, now],
      );
      return toDraft(rows[0]!);
    },
    async listDrafts(conversationId) {
      const rows = await q(
        'SELECT * FROM held_drafts WHERE conversation_id = $1 ORDER BY created_at, id',
        [conversationId],
      );
      return rows.map(toDraft);
    },
    reviewDraft: ({ conversationId, draftId, status, reviewedBy, now }) =>
      one(
        q(
          `UPDATE held_drafts SET status = $3, reviewed_by = $4, reviewed_at = $5
           WHERE id = $1 AND conversation_id = $2 AND status = 'pending' RETURNING *`,
          [draftId, conversationId, status, reviewedBy, now],
        ),
        toDraft,
      ),
    async createAction({ conversationId, action, intent, amount, reasons, now }) {
      const rows = await q(
        `INSERT INTO pending_actions (id, conversation_id, action, intent, amount, currency, reasons, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [
          randomUUID(),
          conversationId,
          action,
          intent,
          amount?.value ?? null,
          amount?.currency ?? null,
          JSON.stringify(reasons),
          now,
        ],
      );
      return toAction(rows[0]!);
    },
    async listActions(conversationId) {
      const rows = await q(
        'SELECT * FROM pending_actions WHERE conversation_id = $1 ORDER BY created_at, id',
        [conversationId],
      );
      return rows.map(toAction);
    },
    decideAction: ({ conversationId, actionId, status, decidedBy, note, now }) =>
      one(
        q(
          `UPDATE pending_actions SET status = $3, decided_by = $4, note = $5, decided_at = $6
           WHERE id = $1 AND conversation_id = $2 AND status = 'pending' RETURNING *`,
          [actionId, conversationId, status, decidedBy, note, now],
        ),
        toAction,
      ),
    async countPending(conversationIds) {
      const counts = new Map(conversationIds.map((id) => [id, { drafts: 0, actions: 0 }]));
      if (conversationIds.length === 0) return counts;
      const rows = await q(
        `SELECT conversation_id, 'drafts' AS kind, count(*)::int AS n FROM held_drafts
           WHERE conversation_id = ANY($1) AND status = 'pending' GROUP BY conversation_id
         UNION ALL
         SELECT conversation_id, 'actions' AS kind, count(*)::int AS n FROM pending_actions
           WHERE conversation_id = ANY($1) AND status = 'pending' GROUP BY conversation_id`,
        [conversationIds],
      );
      for (const r of rows) {
        const entry = counts.get(String(r.conversation_id));
        if (entry) entry[r.kind === 'drafts' ? 'drafts' : 'actions'] = Number(r.n);
      }
      return counts;
    },
    async savePolicyVersion({ version, mode, source, yaml, now }) {
      await q(
        `INSERT INTO policy_versions (id, version, mode, source, yaml, loaded_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [randomUUID(), version, mode, source, yaml, now],
      );
    },
    async listPolicyVersions(limit) {
      const rows = await q('SELECT * FROM policy_versions ORDER BY loaded_at DESC, id LIMIT $1', [
        limit,
      ]);
      return rows.map((r) => ({
        version: String(r.version),
        mode: String(r.mode),
        source: String(r.source),
        yaml: String(r.yaml),
        loadedAt: dateOrNull(r.loaded_at) ?? new Date(0),
      }));
    },
    async listShadowDifferences(limit) {
      type D = StoredDecision['decision'];
      // Compared here rather than in SQL: the trigger set is order-insensitive.
      const triggerSet = (d: D) => [...new Set(d.triggers.map((t) => t.name))].sort().join(',');
      const differences = (acted: D, shadow: D) =>
        (
          [
            ['lane', acted.lane !== shadow.lane],
            ['unit', (acted.unit ?? null) !== (shadow.unit ?? null)],
            ['queue', (acted.queue ?? null) !== (shadow.queue ?? null)],
            ['triggers', triggerSet(acted) !== triggerSet(shadow)],
          ] as const
        )
          .filter(([, differs]) => differs)
          .map(([field]) => field);
      const found: Awaited<ReturnType<Store['listShadowDifferences']>> = [];
      // Newest first in pages, scanning a bounded number of shadow rows.
      const page = 200;
      let cursor: { at: Date; id: string } | null = null;
      for (let scanned = 0; found.length < limit && scanned < 5_000; scanned += page) {
        const rows: Row[] = cursor
          ? await q(
              `SELECT * FROM decisions WHERE shadow IS NOT NULL AND (created_at, id) < ($2, $3)
               ORDER BY created_at DESC, id DESC LIMIT $1`,
              [page, cursor.at, cursor.id],
            )
          : await q(
              'SELECT * FROM decisions WHERE shadow IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT $1',
              [page],
            );
        for (const r of rows) {
          const decision = json<D>(r.decision);
          const shadow = json<D>(r.shadow);
          const differ = differences(decision, shadow);
          if (differ.length === 0) continue;
          found.push({
            id: String(r.id),
            conversationId: String(r.conversation_id),
            messageId: (r.message_id as string | null) ?? null,
            turn: Number(r.turn),
            mode: r.mode as StoredDecision['mode'],
            decision,
            shadow,
            facts: json(r.facts),
            now: dateOrNull(r.created_at) ?? new Date(0),
            differences: differ,
          });
          if (found.length >= limit) break;
        }
        const last = rows.at(-1);
        if (rows.length < page || !last) break;
        cursor = { at: dateOrNull(last.created_at) ?? new Date(0), id: String(last.id) };
      }
      return found;
    },
    async contactHistory({ siteId, visitorId, externalId, excludeConversationId, since }) {
      // The first classified intent of each earlier conversation is its topic.
      const rows = await q(
        `SELECT c.id, c.created_at, first.intent, first.domain
         FROM conversations c
         JOIN visitors v ON v.id = c.visitor_id
         LEFT JOIN LATERAL (
           SELECT d.facts -> 'intent' ->> 'name' AS intent, d.facts -> 'intent' ->> 'domain' AS domain
           FROM decisions d
           WHERE d.conversation_id = c.id AND jsonb_typeof(d.facts -> 'intent') = 'object'
           ORDER BY d.turn LIMIT 1
         ) first ON true
         WHERE c.site_id = $1 AND c.id <> $4 AND c.created_at >= $5
           AND (c.visitor_id = $2 OR ($3::text IS NOT NULL AND v.external_id = $3))
         UNION ALL
         -- A returning customer reopens the same conversation: each episode an agent resolved
         -- there is an earlier contact too, its topic the last intent before the resolution.
         SELECT o.conversation_id, o.created_at, ep.intent, ep.domain
         FROM outcomes o
         LEFT JOIN LATERAL (
           SELECT d.facts -> 'intent' ->> 'name' AS intent, d.facts -> 'intent' ->> 'domain' AS domain
           FROM decisions d
           WHERE d.conversation_id = o.conversation_id AND d.created_at <= o.created_at
             AND jsonb_typeof(d.facts -> 'intent') = 'object'
           ORDER BY d.created_at DESC LIMIT 1
         ) ep ON true
         WHERE o.conversation_id = $4 AND o.created_at >= $5
         ORDER BY 2`,
        [siteId, visitorId, externalId, excludeConversationId, since],
      );
      return rows.map((r) => ({
        conversationId: String(r.id),
        at: dateOrNull(r.created_at) ?? new Date(0),
        intent: (r.intent as string | null) ?? null,
        domain: (r.domain as string | null) ?? null,
      }));
    },

    // ---- Durable turns and the outbox ----
    transaction: (fn) => db.transaction((tx) => fn(createSqlStore(insideTransaction(tx, db.kind)))),
    lockConversation: (id) =>
      one(q('SELECT * FROM conversations WHERE id = $1 FOR UPDATE', [id]), toConversation),
    getTurn: (messageId) =>
      one(q('SELECT * FROM turns WHERE message_id = $1', [messageId]), toTurn),
    async hasEarlierPendingTurn(conversationId, seq) {
      const rows = await q(
        `SELECT 1 FROM turns WHERE conversation_id = $1 AND status = 'pending' AND seq < $2
           AND NOT priority LIMIT 1`,
        [conversationId, seq],
      );
      return rows.length > 0;
    },
    startNextTurn: (conversationId) =>
      one(
        q(
          `UPDATE turns SET attempts = attempts + 1
           WHERE message_id = (SELECT message_id FROM turns
             WHERE conversation_id = $1 AND status = 'pending' ORDER BY seq LIMIT 1)
             AND status = 'pending'
           RETURNING *`,
          [conversationId],
        ),
        toTurn,
      ),
    startTurn: (messageId) =>
      one(
        q(
          `UPDATE turns SET attempts = attempts + 1 WHERE message_id = $1 AND status = 'pending'
           RETURNING *`,
          [messageId],
        ),
        toTurn,
      ),
    async completeTurn(messageId, act, now) {
      await q(`UPDATE turns SET status = 'done', act = $2, done_at = $3 WHERE message_id = $1`, [
        messageId,
        act,
        now,
      ]);
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
        `SELECT DISTINCT t.conversation_id FROM turns t
         JOIN conversations c ON c.id = t.conversation_id
         WHERE t.status = 'pending'
           AND t.created_at < clock_timestamp() - ($1 * interval '1 millisecond')
           AND (c.turn_owner IS NULL OR c.turn_lease_until < clock_timestamp())
         LIMIT $2`,
        [minAgeMs, limit],
      );
      return rows.map((r) => String(r.conversation_id));
    },
    async addOutbox(events) {
      if (events.length === 0) return [];
      const rows = await q(
        `INSERT INTO outbox (event) SELECT e FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(e, n)
         ORDER BY n RETURNING id`,
        [JSON.stringify(events)],
      );
      return rows.map((r) => String(r.id));
    },
    async takeOutbox(select) {
      const rows =
        'ids' in select
          ? select.ids.length === 0
            ? []
            : await q('DELETE FROM outbox WHERE id = ANY($1::bigint[]) RETURNING id, event', [
                select.ids,
              ])
          : await q(
              `DELETE FROM outbox WHERE id IN (
                 SELECT id FROM outbox
                 WHERE created_at < clock_timestamp() - ($1 * interval '1 millisecond')
                 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
               RETURNING id, event`,
              [select.minAgeMs, select.limit],
            );
      return rows
        .map((r) => ({ id: String(r.id), event: json<OutboxEvent>(r.event) }))
        .sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
    },
    replyTo: (messageId) =>
      one(
        q(`SELECT * FROM messages WHERE reply_to = $1 AND role = 'assistant'`, [messageId]),
        toMessage,
      ),

    // --- Shared policy state (migration 4): every node follows one stored state. ---
    async getPolicyEpoch() {
      const [row] = await q('SELECT epoch FROM policy_state WHERE id = 1');
      return row ? Number(row.epoch) : 0;
    },
    async getPolicyState() {
      return toPolicyState((await q('SELECT * FROM policy_state WHERE id = 1'))[0]);
    },
    async getPolicyVersions(ids) {
      if (ids.length === 0) return [];
      const rows = await q('SELECT * FROM policy_versions WHERE id = ANY($1)', [ids]);
      return rows.map(toPolicyVersion);
    },
    updatePolicyState(fn) {
      return db.transaction(async (ex) => {
        // The row lock serialises changes from every node, including nodes starting together.
        const state = toPolicyState(
          (await q('SELECT * FROM policy_state WHERE id = 1 FOR UPDATE', [], ex))[0],
        );
        const { next, result } = await fn({
          state,
          async getVersions(ids) {
            if (ids.length === 0) return [];
            const rows = await q('SELECT * FROM policy_versions WHERE id = ANY($1)', [ids], ex);
            return rows.map(toPolicyVersion);
          },
          async recentVersions(limit) {
            const rows = await q(
              'SELECT * FROM policy_versions ORDER BY loaded_at DESC, id LIMIT $1',
              [limit],
              ex,
            );
            return rows.map(toPolicyVersion);
          },
          async saveVersion({ version, mode, source, yaml, now }) {
            const [row] = await q(
              `INSERT INTO policy_versions (id, version, mode, source, yaml, loaded_at)
               VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
              [randomUUID(), version, mode, source, yaml, now],
              ex,
            );
            return toPolicyVersion(row!);
          },
        });
        if (!next) return { result, epoch: state.epoch };
        const [row] = await q(
          `UPDATE policy_state SET epoch = epoch + 1, enforced = $1, provisional = $2,
             candidate = $3, file_sha256 = $4, updated_at = now()
           WHERE id = 1 RETURNING epoch`,
          [next.enforced, next.provisional, next.candidate, next.fileHash],
          ex,
        );
        return { result, epoch: Number(row!.epoch) };
      });
    },
    // --- end shared policy state ---

    close: () => db.close(),
  };
}

// --- Shared policy state (migration 4) ---

function toPolicyState(r: Row | undefined): StoredPolicyState {
  // Migration 4 inserts the row; its absence would mean a schema not migrated.
  if (!r) throw new Error('policy_state row missing: run the migrations');
  return {
    epoch: Number(r.epoch),
    enforced: (r.enforced as string[] | null) ?? [],
    provisional: (r.provisional as string | null) ?? null,
    candidate: (r.candidate as string | null) ?? null,
    fileHash: (r.file_sha256 as string | null) ?? null,
  };
}

function toPolicyVersion(r: Row): PolicyVersionRow {
  return {
    id: String(r.id),
    version: String(r.version),
    mode: String(r.mode),
    source: String(r.source),
    yaml: String(r.yaml),
    loadedAt: dateOrNull(r.loaded_at) ?? new Date(0),
  };
}
