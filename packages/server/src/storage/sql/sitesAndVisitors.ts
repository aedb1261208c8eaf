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
  }) satisfies Partial<Store>;
