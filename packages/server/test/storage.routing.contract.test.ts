import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlStore, migrate, type SqlDatabase, type Store } from '../src/storage';
import { newConversation, storageBackends, testPacket } from './support/backends';

const SECOND = 1_000;

describe.each(storageBackends('push routing storage contract'))(
  'Store contract, push routing: $name',
  (backend) => {
    let db: SqlDatabase;
    let store: Store;
    let cleanup: () => Promise<void>;
    const t0 = new Date('2026-12-01T12:00:00Z');
    const at = (seconds: number) => new Date(t0.getTime() + seconds * SECOND);
    let ids = 0;

    beforeAll(async () => {
      const opened = await backend.open();
      db = opened.db;
      cleanup = opened.cleanup;
      await migrate(db);
      store = createSqlStore(db);
      await store.upsertSite({ id: 's1', siteKey: 'key-1', name: 'Shop', allowedOrigins: [] });
      for (const [id, capacity] of [
        ['r1', 2],
        ['r2', 1],
      ] as const) {
        await store.upsertAgent({
          id,
          email: `${id}@example.com`,
          name: `Agent ${id}`,
          passwordHash: 'x',
          queues: ['push'],
          capacity,
          languages: id === 'r1' ? ['en', 'es'] : null,
          skills: id === 'r2' ? ['billing'] : null,
        });
        await store.addAgentConnection(
          { socketId: `sock-${id}`, agentId: id, nodeId: 'n1' },
          60_000,
        );
      }
    });
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    async function waiting(seconds: number) {
      const c = await newConversation(store, at(seconds));
      await store.enqueue(c.id, {
        lane: 'human',
        unit: 'conversation',
        tier: 2,
        queue: 'push',
        slaDeadline: at(seconds + 600),
        packet: { ...testPacket(c.id), intent: { name: 'payment_dispute', confidence: 0.9 } },
        now: at(seconds),
      });
      return c.id;
    }

    const offer = (conversationId: string, agentId: string, now: number, episode = 1) =>
      store.createOffer({
        id: `offer-${++ids}`,
        conversationId,
        episode,
        agentId,
        language: null,
        now: at(now),
        expiresAt: at(now + 30),
      });

    it('stores agents’ languages and skills, and lists available agents with their load', async () => {
      expect((await store.getAgent('r1'))?.languages).toEqual(['en', 'es']);
      expect((await store.getAgent('r2'))?.skills).toEqual(['billing']);
      const agents = await store.routingAgents(['push']);
      expect(agents.map((a) => [a.id, a.load, a.capacity])).toEqual([
        ['r1', 0, 2],
        ['r2', 0, 1],
      ]);
    });

    it('one pending offer per conversation; pending offers count against capacity', async () => {
      const a = await waiting(0);
      const b = await waiting(1);
      const made = await offer(a, 'r2', 2);
      expect(made).toMatchObject({ conversationId: a, agentId: 'r2', status: 'pending' });
      // A second offer of the same conversation is refused while the first is pending.
      expect(await offer(a, 'r1', 2)).toBeNull();
      // r2 (capacity 1) holds one offer: no room for another.
      expect(await offer(b, 'r2', 2)).toBeNull();
      // A claim by r2 of another conversation is refused too (owned + offers of others).
      const claim = await store.claim(b, 'r2', at(3));
      expect(claim).toMatchObject({ ok: false, reason: 'at_capacity' });
      // Candidates: waiting, no pending offer.
      const candidates = await store.routingCandidates(['push'], 10);
      expect(candidates.map((c) => c.conversationId)).toEqual([b]);
      expect(candidates[0]).toMatchObject({ intent: 'payment_dispute', offeredBefore: [] });
      const entries = await store.listWaitingEntries('push');
      expect(entries.find((e) => e.id === a)?.offeredTo).toEqual({
        agentId: 'r2',
        agentName: 'Agent r2',
      });
      // r2 claims the offered conversation itself: allowed, and the offer is accepted.
      const won = await store.claim(a, 'r2', at(4));
      expect(won).toMatchObject({ ok: true, offers: [{ agentId: 'r2', accepted: true }] });
      expect((await store.getOffer(made!.id))?.status).toBe('accepted');
    });

    it('expires due offers, makes their agents away once, and withdraws what went stale', async () => {
      const c = await waiting(100);
      const d = await waiting(101);
      const toR1 = (await offer(c, 'r1', 100))!;
      const other = (await offer(d, 'r1', 110))!;
      expect(await store.expireOffers(at(129), 10)).toEqual([]);
      const expired = await store.expireOffers(at(130), 10);
      expect(expired.map((o) => o.id)).toEqual([toR1.id]);
      expect(await store.setAgentsAway(['r1'], at(130))).toEqual(['r1']);
      expect(await store.setAgentsAway(['r1'], at(131))).toEqual([]); // already away
      expect((await store.getPresence('r1')).status).toBe('away');
      // r1 is away: the other offer is withdrawn, and r1 is no longer available.
      const stale = await store.withdrawStaleOffers(at(131));
      expect(stale.map((o) => o.id)).toEqual([other.id]);
      expect((await store.routingAgents(['push'])).map((a) => a.id)).not.toContain('r1');
      // An expired offer marks r1 as having passed on c this episode; a withdrawn one does not.
      const candidates = await store.routingCandidates(['push'], 10);
      expect(candidates.find((x) => x.conversationId === c)?.offeredBefore).toEqual(['r1']);
      expect(candidates.find((x) => x.conversationId === d)?.offeredBefore).toEqual([]);
      await store.updatePresence('r1', { status: 'online' }, at(140));
    });

    it('answers only the agent’s own open offer, and withdraws offers of conversations that left', async () => {
      const e = await waiting(200);
      const o = (await offer(e, 'r1', 200))!;
      expect(await store.answerOffer(o.id, 'r2', 'declined', at(201))).toBeNull();
      expect(await store.answerOffer(o.id, 'r1', 'declined', at(231))).toBeNull(); // expired
      const declined = await store.answerOffer(o.id, 'r1', 'declined', at(201));
      expect(declined).toMatchObject({ status: 'declined' });
      expect(await store.answerOffer(o.id, 'r1', 'accepted', at(202))).toBeNull();
      const f = await waiting(300);
      const pending = (await offer(f, 'r1', 300))!;
      expect((await store.listPendingOffers('r1')).map((x) => x.id)).toContain(pending.id);
      // The conversation is returned to the assistant (not queued any more): withdrawn.
      await db.query(`UPDATE conversations SET state = 'bot' WHERE id = $1`, [f]);
      const stale = await store.withdrawStaleOffers(at(302));
      expect(stale.map((x) => x.id)).toEqual([pending.id]);
    });
  },
);
