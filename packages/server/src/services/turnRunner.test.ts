import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSqlStore,
  migrate,
  openEmbeddedDatabase,
  type Store,
  type TurnJob,
} from '../storage';
import type { OutboxRelay } from './outboxRelay';
import { createTaskTracker } from './taskTracker';
import { createTurnRunner, MAX_TURN_ATTEMPTS } from './turnRunner';
import type { TurnService } from './turnService';

const quiet = { error: () => undefined, warn: () => undefined };
const relay: OutboxRelay = {
  commit: async () => [],
  deliverTaken: async () => undefined,
  start() {},
  stop() {},
};

describe('turn runner: a turn that keeps failing', () => {
  let store: Store;
  let conversationId: string;
  beforeEach(async () => {
    const db = await openEmbeddedDatabase();
    await migrate(db);
    store = createSqlStore(db);
    await store.upsertSite({ id: 's1', siteKey: 'k', name: 'Shop', allowedOrigins: [] });
    const now = new Date();
    const visitor = await store.createVisitor({ siteId: 's1', tokenHash: 't', now });
    conversationId = (await store.createConversation({ siteId: 's1', visitorId: visitor.id, now }))
      .id;
  });
  afterEach(async () => {
    await store.close();
  });

  const say = (text: string) =>
    store.appendMessage({
      conversationId,
      role: 'customer',
      text,
      clientId: `c-${text}-0000`,
      now: new Date(),
      turn: { kind: 'text', priority: false },
    });

  it('is abandoned to a person after its last attempt, and the turns behind it run', async () => {
    const poison = await say('poison');
    const next = await say('next');
    const attempts: number[] = [];
    const ran: string[] = [];
    const abandoned: string[] = [];
    const turns: TurnService = {
      async run(job: TurnJob, leaseOwner?: string) {
        if (job.messageId === poison.message.id) {
          attempts.push(job.attempts);
          throw new Error('cannot handle this message');
        }
        ran.push(job.messageId);
        const released = await store.completeTurn(job.messageId, 'reply', new Date(), leaseOwner);
        return { taken: [], released };
      },
      async abandon(job: TurnJob, _reason: string, leaseOwner?: string) {
        abandoned.push(job.messageId);
        const released = await store.completeTurn(job.messageId, 'failed', new Date(), leaseOwner);
        return { taken: [], released };
      },
    };
    const tasks = createTaskTracker();
    const runner = createTurnRunner({
      store,
      turns,
      relay,
      tasks,
      nodeId: 'n1',
      log: quiet,
      sweepMs: 50,
    });
    runner.start();
    try {
      const deadline = Date.now() + 20_000;
      while (ran.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    } finally {
      runner.stop();
      await tasks.drain();
    }
    expect(attempts).toEqual(Array.from({ length: MAX_TURN_ATTEMPTS }, (_, i) => i + 1));
    expect(abandoned).toEqual([poison.message.id]);
    expect(ran).toEqual([next.message.id]);
    expect((await store.getTurn(poison.message.id))?.status).toBe('done');
  });
});
