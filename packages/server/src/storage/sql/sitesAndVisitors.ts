import { randomUUID } from 'node:crypto';
import type { Store } from '../types';
import { toSite, toVisitor, one, upsertRetried } from './rows';
import type { SqlContext } from './context';

/** Sites and visitors. */
export const sitesAndVisitorsQueries = ({ q }: SqlContext) =>
  ({
    async upsertSite(site) {
      await upsertRetried(() =>
        q(
          `INSERT INTO sites (id, site_key, name, allowed_origins) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET site_key = $2, name = $3, allowed_origins = $4`,
          [site.id, site.siteKey, site.name, site.allowedOrigins],
        ),
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
        q(
          // The browser the visitor started in, or another one a resume link let in.
          `SELECT * FROM visitors WHERE site_id = $1 AND token_hash = $2
           UNION ALL
           SELECT v.* FROM visitor_tokens t JOIN visitors v ON v.id = t.visitor_id
           WHERE t.token_hash = $2 AND v.site_id = $1
           LIMIT 1`,
          [siteId, tokenHash],
        ),
        toVisitor,
      ),
    async createResumeLink({ tokenHash, visitorId, conversationId, now, expiresAt }) {
      await q(
        `INSERT INTO resume_links (token_hash, visitor_id, conversation_id, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [tokenHash, visitorId, conversationId, now, expiresAt],
      );
    },
    async resumeVisitor({ siteId, linkHash, tokenHash, now }) {
      // A valid link lets this browser in with a token of its own (kept after the link expires).
      const rows = await q(
        `WITH link AS (
           SELECT l.visitor_id FROM resume_links l JOIN visitors v ON v.id = l.visitor_id
           WHERE l.token_hash = $2 AND l.expires_at > $4 AND v.site_id = $1),
         added AS (
           INSERT INTO visitor_tokens (token_hash, visitor_id, created_at)
           SELECT $3, visitor_id, $4 FROM link RETURNING visitor_id)
         SELECT v.* FROM added JOIN visitors v ON v.id = added.visitor_id`,
        [siteId, linkHash, tokenHash, now],
      );
      return rows[0] ? toVisitor(rows[0]) : null;
    },
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
  }) satisfies Partial<Store>;
