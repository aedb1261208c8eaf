import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  ConversationDetail,
  Offer,
  OfferEnd,
  PresenceStatus,
  QueueSnapshot,
  SessionStartResult,
} from '@baton/shared';
import { REPO_ROOT, type RunningBaton } from '../src/bootstrap';
import type { Store } from '../src/storage';
import { testPacket } from './support/backends';
import {
  ALEX,
  SAM,
  SITE_KEY,
  call,
  callRaw,
  connectAgent,
  connectCustomer,
  freshPostgresSchema,
  record,
  servicesFor,
  sleep,
  startTestServer,
  testClock,
  type AgentSocket,
  type CustomerSocket,
} from './harness';

const SECOND = 1_000;

/** Polls until `probe` gives something (not undefined); fails after 10 s. */
async function until<T>(probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(25);
  }
}

/**
 * The demo deployment with General and Billing routed by `mode` (30-second offers), Alex
 * answering in English and Spanish, Sam in English only and handling only billing and fraud,
 * and a third agent, Kim, in General only. Capacities as given.
 */
function deploymentDir(mode: 'round_robin' | 'least_busy', capacity = { alex: 3, sam: 3 }) {
  const dir = mkdtempSync(join(tmpdir(), 'baton-routing-'));
  cpSync(join(REPO_ROOT, 'demo'), dir, { recursive: true });
  const queues = readFileSync(join(dir, 'queues.yaml'), 'utf8')
    .replace(
      /(displayName: Customer Care\n)/,
      `$1    routing: ${mode}\n    offerTimeoutSeconds: 30\n`,
    )
    .replace(/(displayName: Billing\n)/, `$1    routing: ${mode}\n    offerTimeoutSeconds: 30\n`);
  writeFileSync(join(dir, 'queues.yaml'), queues);
  const agents = readFileSync(join(dir, 'agents.yaml'), 'utf8')
    .replace(/\n\s+languages: .*/g, '')
    .replace(
      /(queues: \[general, billing\]\n\s+capacity:) 3/,
      `$1 ${capacity.alex}\n    languages: [en, es]`,
    )
    .replace(
      /(queues: \[general, billing, trust-safety\]\n\s+capacity:) 3/,
      `$1 ${capacity.sam}\n    languages: [en]\n    skills: [billing, fraud]`,
    );
  writeFileSync(join(dir, 'agents.yaml'), agents);
  return dir;
}

interface Waiting {
  socket: CustomerSocket;
  conversationId: string;
}

/** A customer who wrote `text` and now waits in `queue`; `intent` is the packet's intent. */
async function waitingCustomer(
  url: string,
  store: Store,
  queue: string,
  now: Date,
  opts: { text?: string; intent?: string } = {},
): Promise<Waiting> {
  const socket = connectCustomer(url);
  const s = await call<SessionStartResult>(socket, 'session:start', { siteKey: SITE_KEY });
  await store.appendMessage({
    conversationId: s.conversationId,
    role: 'customer',
    text: opts.text ?? 'I need help with my order please',
    now,
  });
  await store.enqueue(s.conversationId, {
    lane: 'human',
    unit: 'conversation',
    tier: 2,
    queue,
    slaDeadline: new Date(now.getTime() + 60 * 60 * SECOND),
    packet: {
      ...testPacket(s.conversationId),
      intent: opts.intent ? { name: opts.intent, confidence: 0.9 } : null,
    },
    now,
  });
  return { socket, conversationId: s.conversationId };
}

/** What one agent's console receives about offers. */
function offerFeed(socket: AgentSocket) {
  const offers = record<Offer>(socket, 'offer:new');
  const closed = record<{ offerId: string; conversationId: string; reason: OfferEnd }>(
    socket,
    'offer:closed',
  );
  const presence = record<{ status: PresenceStatus }>(socket, 'presence:changed');
  const open = () => offers.filter((o) => !closed.some((c) => c.offerId === o.id));
  return { offers, closed, presence, open };
}

/** PGlite always; PostgreSQL (a fresh schema) when TEST_DATABASE_URL is set. */
const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl) console.warn('\n⚠️  SKIPPED: push routing on PostgreSQL — set TEST_DATABASE_URL.\n');
const backends: {
  name: string;
  open(): Promise<{ databaseUrl?: string; drop(): Promise<void> }>;
}[] = [
  { name: 'PGlite', open: async () => ({ drop: async () => undefined }) },
  ...(pgUrl
    ? [
        {
          name: 'PostgreSQL',
          async open() {
            const schema = await freshPostgresSchema(pgUrl);
            return { databaseUrl: schema.url, drop: schema.drop };
          },
        },
      ]
    : []),
];

/** A server on the backend, routing every 100 ms by the test's clock. */
async function startOn(
  backend: (typeof backends)[number],
  demoDir: string,
  clock: { now: () => Date },
): Promise<{ baton: RunningBaton; drop: () => Promise<void> }> {
  const db = await backend.open();
  const baton = await startTestServer({
    demoDir,
    clock: clock.now,
    routingSweepMs: 100,
    ...(db.databaseUrl && { databaseUrl: db.databaseUrl }),
  });
  return { baton, drop: db.drop };
}

const offeredTo = (feed: ReturnType<typeof offerFeed>, conversationId: string) =>
  feed.open().find((o) => o.conversationId === conversationId);

describe.each(backends)('push routing, one node ($name)', (backend) => {
  let baton: RunningBaton;
  let url: string;
  const clock = testClock();
  const sockets: { disconnect(): void }[] = [];
  let dir: string;
  let drop: () => Promise<void> = async () => undefined;

  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(async () => {
    await baton?.stop();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    dir = deploymentDir('round_robin');
    ({ baton, drop } = await startOn(backend, dir, clock));
    url = baton.url;
  });

  it('offers in turn, moves on when declined, and makes an agent who lets an offer lapse away', async () => {
    const alex = (await connectAgent(url, ALEX)).socket;
    const sam = (await connectAgent(url, SAM)).socket;
    sockets.push(alex, sam);
    const a = offerFeed(alex);
    const s = offerFeed(sam);
    const snapshots = record<{ queues: QueueSnapshot[] }>(alex, 'queues:update');
    await sleep(300);

    // Round robin: one conversation each, in turn (Alex first: nobody was offered work yet and
    // ties go to the smaller id), the third back to Alex.
    const c1 = await waitingCustomer(url, baton.store, 'general', clock.now());
    await until(() => offeredTo(a, c1.conversationId));
    const c2 = await waitingCustomer(url, baton.store, 'general', clock.now());
    await until(() => offeredTo(s, c2.conversationId));
    const c3 = await waitingCustomer(url, baton.store, 'general', clock.now());
    await until(() => offeredTo(a, c3.conversationId));
    sockets.push(c1.socket, c2.socket, c3.socket);
    // One offer per conversation, to one agent.
    expect(a.offers.map((o) => o.conversationId).sort()).toEqual(
      [c1.conversationId, c3.conversationId].sort(),
    );
    expect(s.offers.map((o) => o.conversationId)).toEqual([c2.conversationId]);
    // The queue shows whom each waits on.
    await until(() => {
      const general = snapshots.at(-1)?.queues.find((q) => q.name === 'general');
      const entry = general?.waiting.find((w) => w.conversationId === c2.conversationId);
      return entry?.offeredTo?.agentName === 'Sam Okafor' ? entry : undefined;
    });

    // Alex declines the third: it goes to Sam at once, Alex stays online.
    const third = offeredTo(a, c3.conversationId)!;
    await call(alex, 'offer:decline', { offerId: third.id });
    await until(() => offeredTo(s, c3.conversationId));
    expect(a.presence).toEqual([]);

    // Alex accepts the first: claimed, Alex joined.
    const first = offeredTo(a, c1.conversationId)!;
    const detail = await call<ConversationDetail>(alex, 'offer:accept', { offerId: first.id });
    expect(detail.state).toBe('assigned');
    expect(detail.assignedAgent?.name).toBe('Alex Rivera');
    // A second answer to the same offer is refused with a code.
    const again = await callRaw<ConversationDetail>(alex, 'offer:accept', { offerId: first.id });
    expect(again.ok ? null : again.error.code).toBe('OFFER_GONE');

    // Sam lets both of his lapse: he becomes away, is told, and they move on. The second goes
    // to Alex; the third has been declined by Alex already, so it waits for someone to pull it.
    clock.advance(31 * SECOND);
    await until(() => (s.presence.length > 0 ? s.presence : undefined));
    expect(s.presence).toEqual([{ status: 'away', reason: 'offer_expired' }]);
    await until(() => offeredTo(a, c2.conversationId));
    expect(
      s.closed
        .filter((c) => c.reason === 'expired')
        .map((c) => c.conversationId)
        .sort(),
    ).toEqual([c2.conversationId, c3.conversationId].sort());
    await sleep(400);
    expect(offeredTo(a, c3.conversationId)).toBeUndefined();
    expect(offeredTo(s, c3.conversationId)).toBeUndefined();
    expect((await baton.store.getPresence('agent-sam')).status).toBe('away');
    // Counted for Prometheus: what was offered and what became of it.
    const scrape = await (await fetch(`${url}/metrics`)).text();
    for (const outcome of ['made', 'accepted', 'declined', 'expired'])
      expect(scrape).toMatch(
        new RegExp(
          `baton_offers_total\\{[^}]*queue="general"[^}]*outcome="${outcome}"[^}]*\\} [1-9]`,
        ),
      );
    // Anyone in the queue may still claim it.
    const pulled = await call<ConversationDetail>(sam, 'conversation:claim', {
      conversationId: c3.conversationId,
    });
    expect(pulled.assignedAgent?.name).toBe('Sam Okafor');
    // A claim elsewhere withdraws a pending offer.
    await call(sam, 'presence:set', { status: 'online' });
    const second = offeredTo(a, c2.conversationId)!;
    await call(sam, 'conversation:claim', { conversationId: c2.conversationId });
    await until(() => a.closed.find((c) => c.offerId === second.id && c.reason === 'withdrawn'));
  });

  it('offers a conversation only to agents who speak its language and handle its domain', async () => {
    const alex = (await connectAgent(url, ALEX)).socket;
    const sam = (await connectAgent(url, SAM)).socket;
    sockets.push(alex, sam);
    await call(alex, 'presence:set', { status: 'online' });
    await call(sam, 'presence:set', { status: 'online' });
    const a = offerFeed(alex);
    const s = offerFeed(sam);
    // Sam has room and was offered work longest ago… but speaks no Spanish.
    const spanish = await waitingCustomer(url, baton.store, 'general', clock.now(), {
      text: 'Hola, necesito ayuda con el reembolso de mi pedido, llegó roto y nadie me contesta',
    });
    sockets.push(spanish.socket);
    const offer = await until(() => offeredTo(a, spanish.conversationId));
    expect(offer.language).toBe('es');
    // A legal question: Sam handles only billing and fraud; Alex (no skills listed) takes any.
    const legal = await waitingCustomer(url, baton.store, 'general', clock.now(), {
      intent: 'legal_threat',
    });
    sockets.push(legal.socket);
    await until(() => offeredTo(a, legal.conversationId));
    // A billing question in English may go to Sam.
    const billing = await waitingCustomer(url, baton.store, 'billing', clock.now(), {
      intent: 'payment_dispute',
    });
    sockets.push(billing.socket);
    await until(() => offeredTo(s, billing.conversationId));
    expect(s.offers.some((o) => o.conversationId === spanish.conversationId)).toBe(false);
    expect(s.offers.some((o) => o.conversationId === legal.conversationId)).toBe(false);
    // An agent who reconnects is sent the offers waiting for them.
    alex.disconnect();
    const back = (await connectAgent(url, ALEX)).socket;
    sockets.push(back);
    // (Alex's connection lapsed for a moment: the offers may have been withdrawn and made again.)
    const hello = await until(async () => {
      const offers = await baton.store.listPendingOffers('agent-alex');
      return offers.length > 0 ? offers : undefined;
    });
    expect(hello.every((o) => o.agentId === 'agent-alex')).toBe(true);
  });
});

describe.each(backends)('push routing, least busy ($name)', (backend) => {
  let baton: RunningBaton;
  let url: string;
  let dir: string;
  let drop: () => Promise<void> = async () => undefined;
  const clock = testClock();
  afterAll(async () => {
    await baton?.stop();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers to the agent with the fewest open conversations and offers, never beyond capacity', async () => {
    dir = deploymentDir('least_busy', { alex: 2, sam: 1 });
    ({ baton, drop } = await startOn(backend, dir, clock));
    url = baton.url;
    const alex = (await connectAgent(url, ALEX)).socket;
    const sam = (await connectAgent(url, SAM)).socket;
    const a = offerFeed(alex);
    const s = offerFeed(sam);
    await sleep(300);
    const customers: Waiting[] = [];
    for (let i = 0; i < 5; i++) {
      customers.push(await waitingCustomer(url, baton.store, 'general', clock.now()));
    }
    // Capacity 2 + 1: three offers, then nothing until someone has room.
    await until(() => (a.open().length + s.open().length === 3 ? true : undefined));
    await sleep(400);
    expect(a.open()).toHaveLength(2);
    expect(s.open()).toHaveLength(1);
    // Sam accepts his: he now owns it (load still 1, his capacity), and Alex is full: no offer.
    await call(sam, 'offer:accept', { offerId: s.open()[0]!.id });
    await sleep(400);
    expect(a.open().length + s.open().length).toBe(2);
    // Alex declines one, so he has room for one more; Sam, at capacity with the one he owns,
    // is never offered another.
    await call(alex, 'offer:decline', { offerId: a.open()[0]!.id });
    await until(() => (a.open().length === 2 ? true : undefined));
    expect(s.open()).toHaveLength(0);
    for (const c of customers) c.socket.disconnect();
    alex.disconnect();
    sam.disconnect();
  });
});

const services = servicesFor('push routing across two nodes (PostgreSQL + Redis)', {
  redis: true,
});

describe.skipIf(!services.enabled)('push routing across two nodes', () => {
  it('holds every agent to their capacity while both nodes route, and expires offers with one node gone', async () => {
    const schema = await freshPostgresSchema(services.pgUrl);
    const dir = deploymentDir('least_busy', { alex: 2, sam: 2 });
    const clock = testClock();
    const common = {
      demoDir: dir,
      databaseUrl: schema.url,
      redisUrl: services.redisUrl,
      clock: clock.now,
      routingSweepMs: 50,
    };
    const one = await startTestServer(common);
    const two = await startTestServer(common);
    const urls = [one, two].map((b) => `http://127.0.0.1:${b.port}`);
    try {
      // Alex on node one, Sam on node two; customers arrive on both.
      const alex = (await connectAgent(urls[0]!, ALEX)).socket;
      const sam = (await connectAgent(urls[1]!, SAM)).socket;
      const a = offerFeed(alex);
      const s = offerFeed(sam);
      await sleep(300);
      const customers: Waiting[] = [];
      for (let i = 0; i < 10; i++) {
        const node = i % 2 === 0 ? one : two;
        customers.push(await waitingCustomer(urls[i % 2]!, node.store, 'general', clock.now()));
      }
      // Each agent accepts whatever is offered, on their own node, until they are full.
      const accepted: Record<string, string[]> = { alex: [], sam: [] };
      const acceptAll = async (name: 'alex' | 'sam', socket: AgentSocket, feed: typeof a) => {
        for (const offer of feed.open()) {
          const r = await callRaw<ConversationDetail>(socket, 'offer:accept', {
            offerId: offer.id,
          });
          if (r.ok) accepted[name]!.push(offer.conversationId);
        }
      };
      for (let round = 0; round < 20; round++) {
        await Promise.all([acceptAll('alex', alex, a), acceptAll('sam', sam, s)]);
        // Never more owned plus offered than capacity, read from the database itself.
        const loads = await one.db.query(
          `SELECT a.id, (SELECT count(*) FROM conversations c
               WHERE c.assigned_agent_id = a.id AND c.state = 'assigned')::int
             + (SELECT count(*) FROM offers o WHERE o.agent_id = a.id AND o.status = 'pending')::int AS load
           FROM agents a`,
        );
        for (const row of loads) expect(Number(row.load)).toBeLessThanOrEqual(2);
        await sleep(60);
      }
      expect(accepted.alex).toHaveLength(2);
      expect(accepted.sam).toHaveLength(2);
      expect(new Set([...accepted.alex!, ...accepted.sam!]).size).toBe(4);
      // Every offer reached its agent once.
      const all = [...a.offers, ...s.offers];
      expect(new Set(all.map((o) => o.id)).size).toBe(all.length);

      // Sam resolves one: he has room, and the next waiting conversation is offered to him.
      await call(sam, 'conversation:resolve', {
        conversationId: accepted.sam![0],
        outcome: { escalation: 'needed', rootCause: 'none', packetUsefulness: 4 },
      });
      const next = await until(() => s.open()[0]);
      // Node one goes away for good; node two alone expires the offer when it lapses: the
      // timer is a row, not a timer in the process that made the offer.
      await one.stop();
      clock.advance(31 * SECOND);
      await until(() => s.closed.find((c) => c.offerId === next.id && c.reason === 'expired'));
      await until(() => (s.presence.length > 0 ? s.presence : undefined));
      expect((await two.store.getPresence('agent-sam')).status).toBe('away');
      for (const c of customers) c.socket.disconnect();
      alex.disconnect();
      sam.disconnect();
    } finally {
      await one.stop().catch(() => undefined);
      await two.stop();
      await schema.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
