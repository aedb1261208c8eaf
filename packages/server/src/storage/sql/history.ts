import type { Store, StoredDecision } from '../types';
import { type Row, json, dateOrNull } from './rows';
import type { SqlContext } from './context';

/** Reading across conversations: shadow differences and earlier contacts. */
export const historyQueries = ({ q }: SqlContext) =>
  ({
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
  }) satisfies Partial<Store>;
