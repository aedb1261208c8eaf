import type { Store, Presence } from '../types';
import { toAgent, one, dateOrNull, upsertRetried } from './rows';
import type { SqlContext } from './context';

/** Agents, their sessions and presence (live connections kept by heartbeats). */
export const agentsQueries = ({ q }: SqlContext) =>
  ({
    async upsertAgent(agent) {
      await upsertRetried(() =>
        q(
          `INSERT INTO agents (id, email, name, password_hash, queues, capacity, languages, skills)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (id) DO UPDATE SET email = $2, name = $3, password_hash = $4, queues = $5,
           capacity = $6, languages = $7, skills = $8`,
          [
            agent.id,
            agent.email.toLowerCase(),
            agent.name,
            agent.passwordHash,
            agent.queues,
            agent.capacity,
            agent.languages ?? null,
            agent.skills ?? null,
          ],
        ),
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
  }) satisfies Partial<Store>;
