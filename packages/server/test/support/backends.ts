import type { EscalationPacket } from '@baton/shared';
import {
  openEmbeddedDatabase,
  openPostgresDatabase,
  type SqlDatabase,
  type Store,
} from '../../src/storage';
import { freshPostgresSchema } from '../harness';

/** Every storage backend a contract suite runs against: PGlite always, PostgreSQL when configured. */
export interface Backend {
  name: string;
  open(): Promise<{ db: SqlDatabase; cleanup(): Promise<void> }>;
}

export function storageBackends(suite: string): Backend[] {
  const pgUrl = process.env.TEST_DATABASE_URL;
  const backends: Backend[] = [
    {
      name: 'embedded PGlite',
      async open() {
        const db = await openEmbeddedDatabase();
        return { db, cleanup: async () => undefined };
      },
    },
  ];
  if (pgUrl) {
    backends.push({
      name: 'PostgreSQL',
      async open() {
        const schema = await freshPostgresSchema(pgUrl);
        const db = await openPostgresDatabase(schema.url);
        return { db, cleanup: schema.drop };
      },
    });
  } else {
    console.warn(`\n⚠️  SKIPPED: ${suite} against PostgreSQL — set TEST_DATABASE_URL to run it.\n`);
  }
  return backends;
}

/** A fresh visitor of site `s1` and a conversation of theirs (contract suites seed that site). */
export async function newConversation(store: Store, now: Date) {
  const visitor = await store.createVisitor({ siteId: 's1', tokenHash: `t-${Math.random()}`, now });
  return store.createConversation({ siteId: 's1', visitorId: visitor.id, now });
}

/** A minimal packet for queueing a conversation in storage tests. */
export const testPacket = (conversationId: string, createdAt = new Date(0)): EscalationPacket => ({
  conversationId,
  lane: 'human',
  unit: 'conversation',
  tier: 1,
  triggers: [],
  summary: `summary of ${conversationId}`,
  intent: null,
  sentiment: { trend: 'steady', scores: [] },
  facts: [],
  context: {},
  missingContext: [],
  policyReferences: [],
  suggestedQueue: 'general',
  assistantDidNot: [],
  customerFacingState: [],
  heldDraft: null,
  policyVersion: 'v1',
  transcriptUrl: '/x',
  createdAt: createdAt.toISOString(),
});
