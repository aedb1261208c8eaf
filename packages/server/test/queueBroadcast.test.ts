import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueSnapshot, QueueStatus } from '@baton/shared';
import { createQueueService, createRecordingNotifier } from '../src/services';
import { createSqlStore, migrate, openEmbeddedDatabase, type Store } from '../src/storage';
import { newConversation, testPacket } from './support/backends';

/**
 * A queue broadcast reads the queue once, whatever its length (it used to run 1 + 3N queries), and
 * broadcasts of one queue requested while one runs share a single rerun.
 */
const now = new Date('2026-11-30T12:00:00Z');
const packet = (conversationId: string) => testPacket(conversationId, now);

describe('queue broadcasts', () => {
  let store: Store;
  const calls: string[] = [];
  /** The store, counting every method call. */
  let counted: Store;

  beforeAll(async () => {
    const db = await openEmbeddedDatabase();
    await migrate(db);
    store = createSqlStore(db);
    await store.upsertSite({ id: 's1', siteKey: 'key-1', name: 'Shop', allowedOrigins: [] });
    counted = new Proxy(store, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(prop));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  });
  afterAll(async () => store?.close());

  async function queueMore(n: number, start: number) {
    for (let i = 0; i < n; i++) {
      const c = await newConversation(store, now);
      await store.updateVisitor(c.visitorId, { name: `Customer ${start + i}` });
      await store.enqueue(c.id, {
        lane: 'human',
        unit: 'conversation',
        tier: 1,
        queue: 'general',
        slaDeadline: new Date(now.getTime() + (start + i) * 1000),
        packet: packet(c.id),
        now,
      });
    }
  }

  function service() {
    const notifier = createRecordingNotifier();
    const queues = createQueueService({
      store: counted,
      queues: [
        {
          name: 'general',
          displayName: 'General',
          owner: 'support',
          slaAlertAt: 0.5,
          routing: 'pull',
          offerTimeoutSeconds: 30,
          hours: {
            timezone: 'UTC',
            days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
            open: '00:00',
            close: '24:00',
          },
        },
      ],
      notifier,
      clock: () => now,
      slaMinutes: () => 30,
      defaultQueue: () => 'general',
    });
    return { queues, notifier };
  }

  it('runs the same number of queries for 1 and for 60 waiting customers, and tells each its place', async () => {
    await queueMore(1, 0);
    const one = service();
    calls.length = 0;
    await one.queues.broadcast('general');
    const forOne = calls.length;

    await queueMore(59, 1);
    const many = service();
    calls.length = 0;
    await many.queues.broadcast('general');
    expect(calls.length).toBe(forOne);
    expect(forOne).toBeLessThanOrEqual(6);

    const snapshots = many.notifier.events.filter((e) => e.name === 'queueSnapshot');
    expect(snapshots).toHaveLength(1);
    const snap = snapshots[0]!.args[0] as QueueSnapshot;
    expect(snap.waiting.map((w) => w.customerName)).toEqual(
      Array.from({ length: 60 }, (_, i) => `Customer ${i}`),
    );
    const statuses = many.notifier.events
      .filter((e) => e.name === 'customerStatus')
      .map((e) => e.args[1] as QueueStatus);
    expect(statuses.map((s) => s.position)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    // The same status a customer asking on their own gets.
    const third = (await store.getConversation(snap.waiting[2]!.conversationId))!;
    expect(await many.queues.status(third)).toEqual(statuses[2]);
  });

  it('coalesces broadcasts requested while one runs into a single rerun', async () => {
    const { queues, notifier } = service();
    await Promise.all(Array.from({ length: 20 }, () => queues.broadcast('general')));
    expect(notifier.events.filter((e) => e.name === 'queueSnapshot')).toHaveLength(2);
    // Later requests start afresh.
    await queues.broadcast('general');
    expect(notifier.events.filter((e) => e.name === 'queueSnapshot')).toHaveLength(3);
  });

  it('tells a customer who moved back why: more urgent work that came in later went ahead', async () => {
    // A later arrival with an earlier deadline (a higher tier's shorter SLA) goes first.
    const later = new Date(now.getTime() + 60_000);
    const urgent = await newConversation(store, later);
    await store.enqueue(urgent.id, {
      lane: 'human',
      unit: 'conversation',
      tier: 3,
      queue: 'general',
      slaDeadline: new Date(now.getTime() - 1),
      packet: packet(urgent.id),
      now: later,
    });
    const { queues, notifier } = service();
    await queues.broadcast('general');
    const statuses = notifier.events
      .filter((e) => e.name === 'customerStatus')
      .map((e) => e.args[1] as QueueStatus);
    expect(statuses[0]).toMatchObject({ conversationId: urgent.id, position: 1 });
    expect(statuses[0]!.notice).toMatchObject({ params: { passedBy: 0 } });
    expect(statuses[0]!.text).not.toMatch(/more urgent/);
    for (const status of statuses.slice(1)) {
      expect(status.notice).toMatchObject({ code: 'status_queued', params: { passedBy: 1 } });
      expect(status.text).toContain(
        'A more urgent conversation that came in after yours is ahead of you.',
      );
    }
  });
});
