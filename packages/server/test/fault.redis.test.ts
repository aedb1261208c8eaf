import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, ChatMessage, ConversationDetail, SessionStartResult } from '@baton/shared';
import type { RunningBaton } from '../src/bootstrap';
import {
  ALEX,
  call,
  connectAgent,
  connectCustomer,
  freshPostgresSchema,
  newClientId,
  sleep,
  startTestServer,
  SITE_KEY,
  type AgentSocket,
  type CustomerSocket,
} from './harness';
import { freePort, hasRedisServer, privateRedis } from './support/redisServer';

const pgUrl = process.env.TEST_DATABASE_URL;
const redisBinary = hasRedisServer();
const enabled = Boolean(pgUrl) && redisBinary;
if (!enabled) {
  console.warn(
    `\n⚠️  SKIPPED: Redis outage fault test — ${
      pgUrl ? 'no redis-server binary on the PATH' : 'set TEST_DATABASE_URL'
    } to run it.\n`,
  );
}

const OUTAGE_MS = 10_000;
const PER_SIDE = 100;
const DELIVERY_AFTER_RECOVERY_MS = 2_000;
const LIMITS = { customer: { points: 1_000, seconds: 10 }, agent: { points: 1_000, seconds: 10 } };

/** Messages a client holds, by id; `lastSeq` is the highest seq with no gap below it. */
function transcript() {
  const byId = new Map<string, ChatMessage>();
  const seqs = new Set<number>();
  return {
    byId,
    add(messages: ChatMessage[]) {
      for (const m of messages) {
        byId.set(m.id, m);
        seqs.add(m.seq);
      }
    },
    lastSeq() {
      let seq = 0;
      while (seqs.has(seq + 1)) seq += 1;
      return seq;
    },
  };
}

/** The widget's behaviour: live `message` events, and `resync` answered by `sync` from lastSeq. */
function widgetLike(socket: CustomerSocket, held: ReturnType<typeof transcript>) {
  const resyncs: number[] = [];
  socket.on('message', (m) => held.add([m]));
  socket.on('resync', () => {
    resyncs.push(Date.now());
    void call<{ messages: ChatMessage[] }>(socket, 'sync', { lastSeq: held.lastSeq() }).then(
      (r) => held.add(r.messages),
      (err: unknown) => console.error('customer sync failed', err),
    );
  });
  return resyncs;
}

/** The console's behaviour: live `message` events, and `resync` answered by `conversation:get`. */
function consoleLike(
  socket: AgentSocket,
  conversationId: string,
  held: ReturnType<typeof transcript>,
) {
  const resyncs: number[] = [];
  socket.on('message', (e) => {
    if (e.conversationId === conversationId) held.add([e.message]);
  });
  socket.on('resync', () => {
    resyncs.push(Date.now());
    void call<ConversationDetail>(socket, 'conversation:get', { conversationId }).then(
      (d) => held.add(d.messages),
      (err: unknown) => console.error('agent refetch failed', err),
    );
  });
  return resyncs;
}

async function health(node: RunningBaton) {
  const res = await fetch(node.url + '/healthz');
  return { code: res.status, ...((await res.json()) as { status: string; redis: string }) };
}

/** Polls /healthz (nothing pushes it) until it reports `status`. */
async function healthBecomes(node: RunningBaton, status: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const h = await health(node);
    if (h.status === status) return h;
    if (Date.now() > deadline) throw new Error(`healthz stayed ${JSON.stringify(h)}`);
    await sleep(50);
  }
}

describe.runIf(enabled)('Redis down for 10 s with two nodes', () => {
  let redis: ReturnType<typeof privateRedis>;
  let a: RunningBaton;
  let b: RunningBaton;
  let drop: () => Promise<void>;
  const sockets: { close(): unknown }[] = [];
  beforeAll(async () => {
    redis = privateRedis(await freePort());
    await redis.start();
    const schema = await freshPostgresSchema(pgUrl!);
    drop = schema.drop;
    const options = { databaseUrl: schema.url, redisUrl: redis.url, rateLimits: LIMITS };
    a = await startTestServer(options);
    b = await startTestServer(options);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await a?.stop();
    await b?.stop();
    await redis?.kill();
    await drop?.();
  });

  it('every message sent during the outage reaches the other side within 2 s of recovery', async () => {
    const customer = connectCustomer(a.url);
    sockets.push(customer);
    const atCustomer = transcript();
    const customerResyncs = widgetLike(customer, atCustomer);
    const session = await call<SessionStartResult>(customer, 'session:start', {
      siteKey: SITE_KEY,
    });
    atCustomer.add(session.messages);
    await call(customer, 'human:request', { clientId: newClientId() });

    const alex = await connectAgent(b.url, ALEX);
    sockets.push(alex.socket);
    const atAgent = transcript();
    const agentResyncs = consoleLike(alex.socket, session.conversationId, atAgent);
    const claimed = await call<ConversationDetail>(alex.socket, 'conversation:claim', {
      conversationId: session.conversationId,
    });
    atAgent.add(claimed.messages);
    expect(await health(a)).toMatchObject({ code: 200, status: 'ok', redis: 'ok' });

    await redis.kill();
    const degraded = await Promise.all([
      healthBecomes(a, 'degraded'),
      healthBecomes(b, 'degraded'),
    ]);

    // Both sides keep talking through the outage; storage is up, so every send is acked.
    const fromAgent: string[] = [];
    const fromCustomer: string[] = [];
    let agentAcked = 0;
    let customerAcked = 0;
    const interval = OUTAGE_MS / PER_SIDE;
    const started = Date.now();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < PER_SIDE; i++) {
      sends.push(
        (
          alex.socket.timeout(10_000).emitWithAck('message:send', {
            conversationId: session.conversationId,
            clientId: newClientId(),
            text: `agent ${i}`,
          }) as Promise<Ack<{ message: ChatMessage }>>
        ).then((r) => {
          if (!r.ok) return;
          agentAcked += 1;
          fromAgent.push(r.data.message.id);
          atAgent.add([r.data.message]);
        }),
        (
          customer.timeout(10_000).emitWithAck('message:send', {
            clientId: newClientId(),
            text: `customer ${i}`,
          }) as Promise<Ack<{ message: ChatMessage }>>
        ).then((r) => {
          if (!r.ok) return;
          customerAcked += 1;
          fromCustomer.push(r.data.message.id);
          atCustomer.add([r.data.message]);
        }),
      );
      // Paced like people typing, spread over the whole outage.
      await sleep(Math.max(0, started + (i + 1) * interval - Date.now()));
    }
    await Promise.all(sends);
    const duringOutage = await health(a);
    const downForMs = Date.now() - started;

    await redis.start();
    const recoveredAt = Date.now();
    const toCustomer = () => fromAgent.filter((id) => atCustomer.byId.has(id)).length;
    const toAgent = () => fromCustomer.filter((id) => atAgent.byId.has(id)).length;
    const missing = () => fromAgent.length - toCustomer() + fromCustomer.length - toAgent();
    const missingAtRecovery = missing();
    while (missing() > 0 && Date.now() - recoveredAt < DELIVERY_AFTER_RECOVERY_MS) await sleep(20);
    const deliveredAfterMs = Date.now() - recoveredAt;
    const lost = missing();
    const after = await Promise.all([healthBecomes(a, 'ok'), healthBecomes(b, 'ok')]);

    console.log(
      JSON.stringify({
        test: 'redis outage',
        outageSeconds: Math.round(downForMs / 100) / 10,
        sent: { agent: PER_SIDE, customer: PER_SIDE },
        acked: { agent: agentAcked, customer: customerAcked },
        notDeliveredLiveDuringOutage: missingAtRecovery,
        delivered: { toCustomer: toCustomer(), toAgent: toAgent() },
        lost,
        deliveredWithinMsOfRecovery: deliveredAfterMs,
        resyncs: { customer: customerResyncs.length, agent: agentResyncs.length },
        healthz: { before: 'ok', during: duringOutage.status, after: after[0].status },
      }),
    );
    expect(degraded.map((h) => [h.code, h.redis])).toEqual([
      [200, 'down'],
      [200, 'down'],
    ]);
    expect(duringOutage).toMatchObject({ code: 200, status: 'degraded', redis: 'down' });
    expect([agentAcked, customerAcked]).toEqual([PER_SIDE, PER_SIDE]);
    expect(lost).toBe(0);
    expect(deliveredAfterMs).toBeLessThanOrEqual(DELIVERY_AFTER_RECOVERY_MS);
    expect(after.map((h) => [h.code, h.redis])).toEqual([
      [200, 'ok'],
      [200, 'ok'],
    ]);
  }, 60_000);
});
