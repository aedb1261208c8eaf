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
      const rows = await q(
        contactHistorySql({
          siteId: '$1::text',
          visitorId: '$2::text',
          externalId: '$3::text',
          conversationId: '$4',
          since: '$5',
        }),
        [siteId, visitorId, externalId, excludeConversationId, since],
      );
      return rows.map(toContact);
    },
  }) satisfies Partial<Store>;

/** An earlier contact as `contactHistorySql` selects it. */
export const toContact = (r: Row) => ({
  conversationId: String(r.id),
  at: dateOrNull(r.created_at) ?? new Date(0),
  intent: (r.intent as string | null) ?? null,
  domain: (r.domain as string | null) ?? null,
});

/**
 * The earlier contacts of a customer (columns id, created_at, intent, domain; oldest first), each
 * argument an SQL expression: the site, the visitor, the identified customer id (may be null) and
 * the conversation of the turn (left out, but its episodes resolved since `since` count).
 */
export function contactHistorySql(at: {
  siteId: string;
  visitorId: string;
  externalId: string;
  conversationId: string;
  since: string;
}): string {
  // The first classified intent of each earlier conversation is its topic. The customer's
  // visitors are found by index (this one, and every other with the same customer id).
  return `SELECT c.id, c.created_at, first.intent, first.domain
    FROM (SELECT ${at.visitorId} AS id
          UNION SELECT v.id FROM visitors v
          WHERE v.site_id = ${at.siteId} AND v.external_id = ${at.externalId}) mine
    JOIN conversations c ON c.visitor_id = mine.id
    LEFT JOIN LATERAL (
      SELECT d.facts -> 'intent' ->> 'name' AS intent, d.facts -> 'intent' ->> 'domain' AS domain
      FROM decisions d
      WHERE d.conversation_id = c.id AND jsonb_typeof(d.facts -> 'intent') = 'object'
      ORDER BY d.turn LIMIT 1
    ) first ON true
    WHERE c.site_id = ${at.siteId} AND c.id <> ${at.conversationId} AND c.created_at >= ${at.since}
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
    WHERE o.conversation_id = ${at.conversationId} AND o.created_at >= ${at.since}
    ORDER BY 2`;
}
