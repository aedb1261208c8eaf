import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, AckError, QueueStatus, SessionStartResult } from '@baton/shared';
import type { RunningBaton } from '../src/bootstrap';
import type { RateLimits } from '../src/app';
import {
  call,
  callRaw,
  connectCustomer,
  freshPostgresSchema,
  newClientId,
  once,
  SITE_KEY,
  startTestServer,
  type CustomerSocket,
  servicesFor,
} from './harness';

const { enabled, pgUrl, redisUrl } = servicesFor('reconnect-flood fault test', { redis: true });

const BUDGET = { points: 30, seconds: 10 };
const NEW_VISITORS = { points: 20, seconds: 60 };
const FLOOD_MS = 5_000;
// The attacker's pattern from the report: reconnect before a per-socket budget would bite.
const EVENTS_PER_CONNECTION = 29;
const limits: RateLimits = {
  customer: BUDGET,
  agent: { points: 120, seconds: 10 },
  // Large, so the per-visitor budget and the new-visitor cap are what is measured here.
  customerIp: { points: 100_000, seconds: 10 },
  newVisitors: NEW_VISITORS,
};

async function connected(url: string): Promise<CustomerSocket> {
  const socket = connectCustomer(url);
  await once(socket, 'connect');
  return socket;
}

describe.runIf(enabled)('a reconnect flood is held to the limit across two nodes', () => {
  let nodes: RunningBaton[] = [];
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const schema = await freshPostgresSchema(pgUrl);
    drop = schema.drop;
    const a = await startTestServer({ databaseUrl: schema.url, redisUrl, rateLimits: limits });
    const b = await startTestServer({
      databaseUrl: schema.url,
      redisUrl,
      rateLimits: limits,
      assistant: a.assistant,
    });
    nodes = [a, b];
  });
  afterAll(async () => {
    for (const node of nodes) await node.stop();
    await drop?.();
  });

  it('one visitor reconnecting every 29 events, alternating nodes, gets one budget', async () => {
    const first = await connected(nodes[0]!.url);
    const { sessionToken } = await call<SessionStartResult>(first, 'session:start', {
      siteKey: SITE_KEY,
    });
    first.close();

    let sent = 0;
    let accepted = 0;
    let rejected = 0;
    let reconnects = 0;
    let firstRefusal: AckError | undefined;
    const started = Date.now();
    while (Date.now() - started < FLOOD_MS) {
      const socket = await connected(nodes[reconnects % 2]!.url);
      reconnects++;
      await call(socket, 'session:start', { siteKey: SITE_KEY, sessionToken }); // event 1 of 29
      const acks = await Promise.all(
        Array.from({ length: EVENTS_PER_CONNECTION - 1 }, () => {
          sent++;
          return callRaw(socket, 'message:send', { clientId: newClientId(), text: 'flood' });
        }),
      );
      for (const ack of acks as Ack<unknown>[]) {
        if (ack.ok) accepted++;
        else {
          expect(ack.error.code).toBe('RATE_LIMITED');
          firstRefusal ??= ack.error;
          rejected++;
        }
      }
      socket.close();
    }
    const elapsedMs = Date.now() - started;
    // Fixed windows start at the visitor's first counted event: at most one budget per window
    // the flood touched.
    const windows = Math.floor(elapsedMs / (BUDGET.seconds * 1000)) + 1;
    const allowed = BUDGET.points * windows;

    // Talk to a human is exempt: it gets through while the visitor is limited.
    const asker = await connected(nodes[1]!.url);
    await call(asker, 'session:start', { siteKey: SITE_KEY, sessionToken });
    const stillLimited = await callRaw(asker, 'message:send', {
      clientId: newClientId(),
      text: 'x',
    });
    const human = await call<{ status: QueueStatus }>(asker, 'human:request', {
      clientId: newClientId(),
    });
    asker.close();

    // The server is not left digesting a backlog: another visitor is answered at once.
    const other = await connected(nodes[0]!.url);
    await call(other, 'session:start', { siteKey: SITE_KEY });
    const t = performance.now();
    await call(other, 'message:send', { clientId: newClientId(), text: 'Where is my order?' });
    const otherAckMs = Math.round(performance.now() - t);
    other.close();

    console.log(
      JSON.stringify({
        test: 'reconnect flood',
        budget: `${BUDGET.points}/${BUDGET.seconds}s per visitor`,
        elapsedMs,
        reconnects,
        sent,
        accepted,
        rejected,
        allowed,
        humanRequestWhileLimited: human.status.state,
        otherVisitorAckMs: otherAckMs,
      }),
    );
    expect(reconnects).toBeGreaterThan(4); // the flood really alternated and reconnected
    expect(sent).toBe(accepted + rejected);
    expect(accepted).toBeLessThanOrEqual(allowed);
    expect(accepted).toBeGreaterThanOrEqual(BUDGET.points); // the budget itself stays usable
    expect(firstRefusal?.retryable).toBe(true);
    expect((firstRefusal?.details as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
    expect(!stillLimited.ok && stillLimited.error.code).toBe('RATE_LIMITED');
    expect(human.status.state).toBe('queued');
    expect(otherAckMs).toBeLessThan(1_000);
  });

  it('one IP creating visitors in a loop on both nodes is capped', async () => {
    const sockets = await Promise.all(nodes.map((n) => connected(n.url)));
    let created = 0;
    let refused = 0;
    for (let i = 0; i < 100; i++) {
      const res = await callRaw<SessionStartResult>(sockets[i % 2]!, 'session:start', {
        siteKey: SITE_KEY,
      });
      if (res.ok) created++;
      else {
        expect(res.error.code).toBe('RATE_LIMITED');
        refused++;
      }
    }
    for (const s of sockets) s.close();
    console.log(
      JSON.stringify({
        test: 'visitor creation loop',
        cap: `${NEW_VISITORS.points}/${NEW_VISITORS.seconds}s per IP`,
        attempts: 100,
        created,
        refused,
      }),
    );
    // Shared by both nodes (the test above may have spent some of this minute's cap already).
    expect(created).toBeLessThanOrEqual(NEW_VISITORS.points);
    expect(created).toBeGreaterThan(0);
    expect(refused).toBe(100 - created);
  });
});
