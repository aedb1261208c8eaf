import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSqlStore,
  migrate,
  type Outcome,
  type SqlDatabase,
  type Store,
} from '../src/storage';
import { newConversation, storageBackends, testPacket } from './support/backends';

const MINUTE = 60_000;
const OUTCOME: Outcome = { escalation: 'needed', rootCause: 'model_gap', packetUsefulness: 4 };

describe.each(storageBackends('SLA timer storage contract'))(
  'Store contract, SLA timers: $name',
  (backend) => {
    let db: SqlDatabase;
    let store: Store;
    let cleanup: () => Promise<void>;
    const t0 = new Date('2026-11-24T12:00:00Z');
    const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);

    beforeAll(async () => {
      const opened = await backend.open();
      db = opened.db;
      cleanup = opened.cleanup;
      await migrate(db);
      store = createSqlStore(db);
      await store.upsertSite({ id: 's1', siteKey: 'key-1', name: 'Shop', allowedOrigins: [] });
      await store.upsertAgent({
        id: 'a1',
        email: 'a1@example.com',
        name: 'A One',
        passwordHash: 'x',
        queues: ['billing', 'general'],
        capacity: 5,
      });
    });
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    /** A conversation waiting in `queue` since `enqueued` minutes, with a `sla`-minute SLA. */
    async function waiting(queue: string, enqueued: number, sla: number) {
      const c = await newConversation(store, at(enqueued));
      await store.enqueue(c.id, {
        lane: 'human',
        unit: 'conversation',
        tier: 2,
        queue,
        slaDeadline: at(enqueued + sla),
        packet: testPacket(c.id),
        now: at(enqueued),
      });
      return c.id;
    }

    it('warns once at its queue’s share of the SLA, never for a claimed one', async () => {
      const early = await waiting('billing', 0, 10);
      const other = await waiting('general', 0, 10);
      const claimed = await waiting('billing', 0, 10);
      expect((await store.claim(claimed, 'a1', at(1))).ok).toBe(true);
      const shares = { billing: 0.5, general: 0.8 };
      const ids = async (m: number) =>
        (await store.takeSlaWarnings(at(m), shares, 100)).map((d) => d.conversationId);
      expect(await ids(4.9)).not.toContain(early);
      const five = await ids(5);
      expect(five).toContain(early);
      expect(five).not.toContain(other); // general warns at 80%
      expect(five).not.toContain(claimed);
      expect(await ids(6)).not.toContain(early); // once
      const eight = await ids(8);
      expect(eight).toContain(other);
      expect(eight).not.toContain(early);
    });

    it('a breach is marked once, recorded, and moves to the fallback keeping its deadline', async () => {
      const late = await waiting('billing', 100, 10);
      const stays = await waiting('general', 100, 10);
      expect(await store.setEmailLeft(late, 'dana@example.com')).toBe(true);
      const fallbacks = { billing: 'general' };
      const mine = (due: { conversationId: string }[]) =>
        due.filter((d) => d.conversationId === late || d.conversationId === stays);
      expect(mine(await store.takeSlaBreaches(at(109.9), fallbacks, 100))).toEqual([]);
      const due = await store.takeSlaBreaches(at(110), fallbacks, 100);
      const byId = new Map(due.map((d) => [d.conversationId, d]));
      expect(byId.get(late)).toMatchObject({
        queue: 'general',
        fromQueue: 'billing',
        tier: 2,
        emailLeft: 'dana@example.com',
      });
      expect(byId.get(late)?.slaDeadline.getTime()).toBe(at(110).getTime());
      expect(byId.get(stays)).toMatchObject({
        queue: 'general',
        fromQueue: 'general',
        emailLeft: null,
      });
      expect(mine(await store.takeSlaBreaches(at(111), fallbacks, 100))).toEqual([]);
      const moved = await store.getConversation(late);
      expect(moved).toMatchObject({ queue: 'general', state: 'queued' });
      expect(moved?.slaBreachedAt?.getTime()).toBe(at(110).getTime());
      // A breach counts as warned: no warning after it.
      const warnings = await store.takeSlaWarnings(at(111), { billing: 0.5, general: 0.5 }, 100);
      expect(warnings.map((w) => w.conversationId)).not.toContain(late);
      const recorded = await store.listSlaBreaches(at(100), at(200));
      expect(recorded.filter((b) => b.conversationId === late)).toEqual([
        {
          conversationId: late,
          episode: 1,
          queue: 'billing',
          fallbackQueue: 'general',
          tier: 2,
          enqueuedAt: at(100),
          slaDeadline: at(110),
          breachedAt: at(110),
        },
      ]);
      expect(recorded.find((b) => b.conversationId === stays)?.fallbackQueue).toBeNull();
    });

    it('queued afresh (after it was resolved) its timers start again', async () => {
      const c = await waiting('general', 200, 10);
      await store.takeSlaBreaches(at(210), {}, 100);
      expect((await store.claim(c, 'a1', at(211))).ok).toBe(true);
      await store.resolve(c, 'a1', OUTCOME, at(212));
      await store.enqueue(c, {
        lane: 'human',
        unit: 'conversation',
        tier: 2,
        queue: 'general',
        slaDeadline: at(230),
        packet: testPacket(c),
        now: at(220),
      });
      expect((await store.getConversation(c))?.slaBreachedAt).toBeNull();
      const warned = await store.takeSlaWarnings(at(225), { general: 0.5 }, 100);
      expect(warned.map((w) => w.conversationId)).toContain(c);
      const breached = await store.takeSlaBreaches(at(230), {}, 100);
      expect(breached.map((b) => b.conversationId)).toContain(c);
    });
  },
);
