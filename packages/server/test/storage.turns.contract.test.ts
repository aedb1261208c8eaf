import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, Decision } from '@baton/shared';
import { createSqlStore, migrate, type SqlDatabase, type Store } from '../src/storage';
import { newConversation as createConversationFor, storageBackends } from './support/backends';

describe.each(storageBackends('turn and outbox storage contract'))(
  'Store contract, turns and outbox: $name',
  (backend) => {
    let db: SqlDatabase;
    let store: Store;
    let cleanup: () => Promise<void>;
    const now = new Date('2026-11-24T12:00:00Z');

    beforeAll(async () => {
      const opened = await backend.open();
      db = opened.db;
      cleanup = opened.cleanup;
      await migrate(db);
      store = createSqlStore(db);
      await store.upsertSite({ id: 's1', siteKey: 'key-1', name: 'Shop', allowedOrigins: [] });
    });
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    const newConversation = () => createConversationFor(store, now);
    const customerSays = (conversationId: string, text: string, priority = false) =>
      store.appendMessage({
        conversationId,
        role: 'customer',
        text,
        clientId: `c${Math.random().toString(36).slice(2, 12)}`,
        now,
        turn: { kind: 'text', priority },
      });

    it('stores a pending turn with its message, and not again for a retried clientId', async () => {
      const c = await newConversation();
      const first = await store.appendMessage({
        conversationId: c.id,
        role: 'customer',
        text: 'hi',
        clientId: 'retried-0001',
        now,
        turn: { kind: 'text', priority: false },
      });
      const retry = await store.appendMessage({
        conversationId: c.id,
        role: 'customer',
        text: 'hi',
        clientId: 'retried-0001',
        now,
        turn: { kind: 'text', priority: false },
      });
      expect(retry).toMatchObject({ duplicate: true, message: { id: first.message.id } });
      expect(await store.getTurn(first.message.id)).toMatchObject({
        status: 'pending',
        seq: 1,
        kind: 'text',
        priority: false,
        attempts: 0,
      });
    });

    it('starts the oldest pending turn first and counts every start', async () => {
      const c = await newConversation();
      const one = await customerSays(c.id, 'one');
      const two = await customerSays(c.id, 'two');
      const startNext = async () => (await store.leaseNextTurn(c.id, 'node-a', 60_000)).job;
      const earlierPending = async () =>
        (await store.turnUnderLock(two.message.id, c.episode))?.earlierPending;
      expect((await startNext())?.messageId).toBe(one.message.id);
      expect(await earlierPending()).toBe(true);
      const again = await startNext();
      expect(again).toMatchObject({ messageId: one.message.id, attempts: 2 });
      await store.completeTurn(one.message.id, 'reply', now);
      expect(await earlierPending()).toBe(false);
      expect((await startNext())?.messageId).toBe(two.message.id);
      await store.completeTurn(two.message.id, 'silent', now);
      expect(await startNext()).toBeNull();
      expect(await store.startTurn(two.message.id)).toBeNull();
    });

    it('presses of the button while one is pending are the same request', async () => {
      const c = await newConversation();
      const press = (clientId: string) =>
        store.appendMessage({
          conversationId: c.id,
          role: 'customer',
          text: 'Talk to a human',
          clientId,
          now,
          turn: { kind: 'button', priority: true },
        });
      const first = await press('press-000001');
      const again = await press('press-000002');
      expect(again).toMatchObject({ duplicate: true, message: { id: first.message.id } });
      await store.completeTurn(first.message.id, 'silent', now);
      // Handled: a later press is a new request.
      const later = await press('press-000003');
      expect(later.duplicate).toBe(false);
    });

    it('a priority turn never counts as an earlier pending turn', async () => {
      const c = await newConversation();
      await customerSays(c.id, 'talk to a human', true);
      const later = await customerSays(c.id, 'hello?');
      expect((await store.turnUnderLock(later.message.id, c.episode))?.earlierPending).toBe(false);
    });

    it('one lease holder at a time; released only when no turn is pending', async () => {
      const c = await newConversation();
      expect(await store.acquireTurnLease(c.id, 'node-a', 60_000)).toBe(true);
      expect(await store.acquireTurnLease(c.id, 'node-b', 60_000)).toBe(false);
      expect(await store.acquireTurnLease(c.id, 'node-a', 60_000)).toBe(true); // renewal
      const m = await customerSays(c.id, 'pending');
      expect(await store.releaseTurnLease(c.id, 'node-a')).toBe(false);
      await store.completeTurn(m.message.id, 'reply', now);
      expect(await store.releaseTurnLease(c.id, 'node-b')).toBe(false); // not the holder
      expect(await store.releaseTurnLease(c.id, 'node-a')).toBe(true);
      expect(await store.acquireTurnLease(c.id, 'node-b', 60_000)).toBe(true);
    });

    it('leases and starts the next turn in one step, only for the lease holder', async () => {
      const c = await newConversation();
      const first = await customerSays(c.id, 'first');
      const second = await customerSays(c.id, 'second');
      const a = await store.leaseNextTurn(c.id, 'node-a', 60_000);
      expect(a).toMatchObject({ leased: true, job: { messageId: first.message.id, attempts: 1 } });
      // Another node neither gets the lease nor starts a turn.
      expect(await store.leaseNextTurn(c.id, 'node-b', 60_000)).toEqual({
        leased: false,
        job: null,
      });
      expect((await store.getTurn(second.message.id))?.attempts).toBe(0);
      await store.completeTurn(first.message.id, 'reply', now);
      const next = await store.leaseNextTurn(c.id, 'node-a', 60_000);
      expect(next.job?.messageId).toBe(second.message.id);
      await store.completeTurn(second.message.id, 'reply', now);
      expect(await store.leaseNextTurn(c.id, 'node-a', 60_000)).toEqual({
        leased: true,
        job: null,
      });
      expect(await store.releaseTurnLease(c.id, 'node-a')).toBe(true);
    });

    it("completing a turn lets go of its runner's lease only when no other turn is pending", async () => {
      const c = await newConversation();
      const first = await customerSays(c.id, 'first');
      const second = await customerSays(c.id, 'second');
      expect((await store.leaseNextTurn(c.id, 'node-a', 60_000)).job?.messageId).toBe(
        first.message.id,
      );
      // The second turn is still pending: the lease stays with node-a.
      expect(await store.completeTurn(first.message.id, 'reply', now, 'node-a')).toBe(false);
      expect(await store.acquireTurnLease(c.id, 'node-b', 60_000)).toBe(false);
      expect((await store.leaseNextTurn(c.id, 'node-a', 60_000)).job?.messageId).toBe(
        second.message.id,
      );
      // Another owner's name never releases it; the holder's last turn does.
      expect(await store.completeTurn(second.message.id, 'reply', now, 'node-b')).toBe(false);
      const third = await customerSays(c.id, 'third');
      expect((await store.leaseNextTurn(c.id, 'node-a', 60_000)).job?.messageId).toBe(
        third.message.id,
      );
      expect(await store.completeTurn(third.message.id, 'reply', now, 'node-a')).toBe(true);
      expect((await store.getTurn(third.message.id))?.status).toBe('done');
      expect(await store.acquireTurnLease(c.id, 'node-b', 60_000)).toBe(true);
    });

    it("reads a turn under the lock with its earlier pending turn and its episode's decisions", async () => {
      const c = await newConversation();
      const first = await customerSays(c.id, 'first');
      const second = await customerSays(c.id, 'second');
      const decision: Decision = {
        lane: 'autonomous',
        unit: 'conversation',
        tier: 1,
        triggers: [],
        queue: null,
        reasons: ['r'],
        policyVersion: 'v1',
      };
      for (const [turn, episode] of [
        [2, 1],
        [1, 1],
        [1, 2],
      ] as const) {
        await store.recordDecision({
          conversationId: c.id,
          messageId: null,
          turn,
          mode: 'enforce',
          decision,
          facts: {
            text: `turn ${turn} of episode ${episode}`,
            intent: { name: 'order_status' },
            sentiment: -0.5,
            context: { orders: [{ id: 'A1' }] },
          },
          now,
          episode,
        });
      }
      const read = await store.turnUnderLock(second.message.id, 1);
      expect(read?.turn).toMatchObject({ messageId: second.message.id, status: 'pending' });
      expect(read?.earlierPending).toBe(true);
      // Of the facts, what later turns read (not the customer's context, stored with each).
      const read1 = { intent: { name: 'order_status' }, sentiment: -0.5 };
      expect(read?.decisions.map((d) => d.facts)).toEqual([
        { text: 'turn 1 of episode 1', ...read1 },
        { text: 'turn 2 of episode 1', ...read1 },
      ]);
      const [listed] = await store.listDecisions(c.id, 1);
      expect(read?.decisions[0]).toEqual({
        ...listed,
        facts: { text: 'turn 1 of episode 1', ...read1 },
      });
      await store.completeTurn(first.message.id, 'reply', now);
      expect((await store.turnUnderLock(second.message.id, 2))?.earlierPending).toBe(false);
      expect((await store.turnUnderLock(second.message.id, 2))?.decisions).toHaveLength(1);
      expect(await store.turnUnderLock('no-such-message', 1)).toBeNull();
    });

    it('finishing a turn records its decision, marks it done and stores its events, in one write', async () => {
      const c = await newConversation();
      const first = await customerSays(c.id, 'first');
      const second = await customerSays(c.id, 'second');
      expect((await store.leaseNextTurn(c.id, 'node-a', 60_000)).job?.messageId).toBe(
        first.message.id,
      );
      const decision: Decision = {
        lane: 'assisted',
        unit: 'conversation',
        tier: 2,
        triggers: [],
        queue: 'general',
        reasons: ['a reason'],
        policyVersion: 'v7',
      };
      const events = [
        { type: 'updated' as const, conversationId: c.id, queue: 'general' },
        { type: 'queue' as const, queue: 'general' },
        { type: 'access' as const, conversationId: c.id },
      ];
      const finished = await store.finishTurn({
        messageId: first.message.id,
        act: 'hold_draft',
        now,
        releaseLeaseOf: 'node-a',
        decision: {
          conversationId: c.id,
          messageId: first.message.id,
          turn: 1,
          mode: 'shadow',
          decision,
          shadow: { ...decision, lane: 'human' },
          facts: { text: 'first', nested: { n: 1 } },
          now,
          episode: 1,
        },
        events,
        holdMs: 60_000,
      });
      // Another turn is pending: the lease stays.
      expect(finished.released).toBe(false);
      expect((await store.getTurn(first.message.id))?.status).toBe('done');
      const [act] = await db.query<{ act: string }>('SELECT act FROM turns WHERE message_id = $1', [
        first.message.id,
      ]);
      expect(act?.act).toBe('hold_draft');
      const [stored] = await store.listDecisions(c.id);
      expect(stored).toMatchObject({
        messageId: first.message.id,
        turn: 1,
        mode: 'shadow',
        decision,
        shadow: { ...decision, lane: 'human' },
        facts: { text: 'first', nested: { n: 1 } },
        episode: 1,
      });
      expect(stored?.now.getTime()).toBe(now.getTime());
      // The events, taken by the writer: nobody else takes them while held.
      expect(finished.outboxIds).toHaveLength(3);
      expect(await store.claimOutbox({ ids: finished.outboxIds }, 60_000)).toEqual([]);
      // Without a decision or events: only done, and the idle lease goes.
      expect((await store.leaseNextTurn(c.id, 'node-a', 60_000)).job?.messageId).toBe(
        second.message.id,
      );
      const last = await store.finishTurn({
        messageId: second.message.id,
        act: 'silent',
        now,
        releaseLeaseOf: 'node-a',
      });
      expect(last).toEqual({ released: true, outboxIds: [] });
      expect(await store.listDecisions(c.id)).toHaveLength(1);
      await store.deleteOutbox(finished.outboxIds);
      // Stored in order; a hold that lapsed leaves them to any relay.
      const third = await customerSays(c.id, 'third');
      const brief = await store.finishTurn({
        messageId: third.message.id,
        act: 'reply',
        now,
        events,
        holdMs: 1,
      });
      await new Promise((r) => setTimeout(r, 20));
      const retaken = await store.claimOutbox({ ids: brief.outboxIds }, 60_000);
      expect(retaken.map((t) => t.id)).toEqual(brief.outboxIds);
      expect(retaken.map((t) => t.event)).toEqual(events);
      await store.deleteOutbox(brief.outboxIds);
    });

    it('an expired lease is taken over, and its stalled turns are found', async () => {
      const c = await newConversation();
      const m = await customerSays(c.id, 'stalled');
      expect(await store.acquireTurnLease(c.id, 'dead-node', 1)).toBe(true);
      await new Promise((r) => setTimeout(r, 20));
      expect(await store.stalledTurnConversations(0, 100)).toContain(c.id);
      expect(await store.stalledTurnConversations(60_000, 100)).not.toContain(c.id); // too young
      expect(await store.acquireTurnLease(c.id, 'node-b', 60_000)).toBe(true);
      expect(await store.stalledTurnConversations(0, 100)).not.toContain(c.id); // leased again
      await store.completeTurn(m.message.id, 'reply', now);
    });

    it('a transaction commits all or nothing, and sees its own writes', async () => {
      const c = await newConversation();
      await expect(
        store.transaction(async (tx) => {
          const locked = await tx.lockConversation(c.id);
          expect(locked?.id).toBe(c.id);
          await tx.appendMessage({ conversationId: c.id, role: 'system', text: 'x', now });
          expect(await tx.listMessages(c.id)).toHaveLength(1);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await store.listMessages(c.id)).toEqual([]);
      await store.transaction((tx) =>
        tx.appendMessage({ conversationId: c.id, role: 'system', text: 'kept', now }),
      );
      expect((await store.listMessages(c.id)).map((m) => m.text)).toEqual(['kept']);
    });

    it('at most one assistant reply per customer message', async () => {
      const c = await newConversation();
      const q = await customerSays(c.id, 'question');
      const reply = (text: string) =>
        store.appendMessage({
          conversationId: c.id,
          role: 'assistant',
          text,
          now,
          replyTo: q.message.id,
        });
      const { message } = await reply('answer');
      await expect(reply('answer again')).rejects.toThrow();
      expect((await store.replyTo(q.message.id))?.id).toBe(message.id);
    });

    it('outbox: a taken event is held from other takers until deleted or its hold lapses', async () => {
      const c = await newConversation();
      const msg = (seq: number) => ({ seq, conversationId: c.id }) as ChatMessage;
      const ids = await store.addOutbox([
        { type: 'message', conversationId: c.id, message: msg(1) },
        { type: 'queue', queue: 'general' },
      ]);
      expect(ids).toHaveLength(2);
      const taken = await store.claimOutbox({ ids }, 60_000);
      expect(taken.map((t) => t.event.type)).toEqual(['message', 'queue']);
      // Held: neither the writer again nor a sweep takes it meanwhile.
      expect(await store.claimOutbox({ ids }, 60_000)).toEqual([]);
      await new Promise((r) => setTimeout(r, 20));
      expect(await store.claimOutbox({ minAgeMs: 0, limit: 10 }, 60_000)).toEqual([]);
      // Delivered: deleted for good.
      await store.deleteOutbox(ids);
      expect(await store.claimOutbox({ ids }, 1)).toEqual([]);
    });

    it('outbox: events stored taken by their writer are left to it until the hold lapses', async () => {
      const c = await newConversation();
      const [held] = await store.addOutbox([{ type: 'status', conversationId: c.id }], 60_000);
      const [brief] = await store.addOutbox([{ type: 'status', conversationId: c.id }], 1);
      await new Promise((r) => setTimeout(r, 20));
      const swept = await store.claimOutbox({ minAgeMs: 0, limit: 10 }, 60_000);
      expect(swept.map((t) => t.id)).toContain(brief);
      expect(swept.map((t) => t.id)).not.toContain(held);
      await store.deleteOutbox([held!, brief!]);
    });

    it('outbox: an event whose delivery failed is taken again once its hold lapses', async () => {
      const c = await newConversation();
      const [id] = await store.addOutbox([{ type: 'status', conversationId: c.id }]);
      expect(await store.claimOutbox({ ids: [id!] }, 1)).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 20));
      const retaken = await store.claimOutbox({ minAgeMs: 0, limit: 10 }, 60_000);
      expect(retaken.map((t) => t.id)).toEqual([id]);
      await store.deleteOutbox([id!]);
    });

    it('outbox: two sweeps at once never take the same event', async () => {
      const c = await newConversation();
      const ids = await store.addOutbox(
        Array.from({ length: 20 }, () => ({ type: 'status' as const, conversationId: c.id })),
      );
      expect(await store.claimOutbox({ minAgeMs: 60_000, limit: 100 }, 60_000)).toEqual([]);
      await new Promise((r) => setTimeout(r, 20));
      const [a, b] = await Promise.all([
        store.claimOutbox({ minAgeMs: 0, limit: 100 }, 60_000),
        store.claimOutbox({ minAgeMs: 0, limit: 100 }, 60_000),
      ]);
      const all = [...a, ...b].map((t) => t.id).sort();
      expect(all).toEqual([...ids].sort());
      await store.deleteOutbox(ids);
    });
  },
);
