import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import bcrypt from 'bcrypt';
import { io } from 'socket.io-client';
import {
  AGENT_NAMESPACE,
  CUSTOMER_NAMESPACE,
  type AckError,
  type SessionStartResult,
} from '@baton/shared';
import type { RunningBaton } from '../src/bootstrap';
import {
  ALEX,
  call,
  callRaw,
  connectAgent,
  connectCustomer,
  loginAgent,
  newClientId,
  once,
  SAM,
  SITE_KEY,
} from './harness';
import { errorOf, open, roomy, start, type Outcome } from './support/limits';

describe('event budgets follow the visitor, the IP and the agent, not the socket', () => {
  let baton: RunningBaton;
  beforeAll(async () => {
    baton = await start({
      rateLimits: {
        ...roomy,
        customer: { points: 5, seconds: 60 },
        agent: { points: 5, seconds: 60 },
        customerIp: { points: 12, seconds: 60 },
      },
    });
  });
  afterAll(async () => {
    await baton?.stop();
  });

  it('a reconnecting visitor keeps its spent budget; Talk to a human stays open', async () => {
    const first = connectCustomer(baton.url);
    const { sessionToken } = await call<SessionStartResult>(first, 'session:start', {
      siteKey: SITE_KEY,
    }); // IP 1
    for (let i = 0; i < 5; i++) await call(first, 'sync', { lastSeq: 0 }); // visitor 1–5, IP 2–6
    const limited = await errorOf(callRaw(first, 'sync', { lastSeq: 0 })); // IP 7
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    expect((limited.details as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(50_000);
    first.close();

    const again = connectCustomer(baton.url);
    await call(again, 'session:start', { siteKey: SITE_KEY, sessionToken }); // IP 8
    expect((await errorOf(callRaw(again, 'sync', { lastSeq: 0 }))).code).toBe('RATE_LIMITED'); // IP 9
    await call(again, 'human:request', { clientId: newClientId() }); // exempt: counts nowhere
    again.close();
  });

  it('events before session:start count against the IP', async () => {
    const anon = connectCustomer(baton.url);
    // IP 10–12 left of 12, then refused: SESSION_REQUIRED until the budget is spent.
    const codes = [];
    for (let i = 0; i < 4; i++)
      codes.push((await errorOf(callRaw(anon, 'sync', { lastSeq: 0 }))).code);
    expect(codes).toEqual([
      'SESSION_REQUIRED',
      'SESSION_REQUIRED',
      'SESSION_REQUIRED',
      'RATE_LIMITED',
    ]);
    anon.close();
  });

  it('an agent has one budget across its sockets; another agent is unaffected', async () => {
    const one = await connectAgent(baton.url, ALEX);
    const two = await connectAgent(baton.url, ALEX);
    const sam = await connectAgent(baton.url, SAM);
    for (let i = 0; i < 3; i++) await call(one.socket, 'queues:get', {});
    for (let i = 0; i < 2; i++) await call(two.socket, 'queues:get', {});
    expect((await errorOf(callRaw(two.socket, 'queues:get', {}))).code).toBe('RATE_LIMITED');
    expect((await errorOf(callRaw(one.socket, 'queues:get', {}))).code).toBe('RATE_LIMITED');
    await call(sam.socket, 'queues:get', {});
    for (const s of [one.socket, two.socket, sam.socket]) s.close();
  });
});

describe('caps per IP: new visitors and open connections', () => {
  let baton: RunningBaton;
  beforeAll(async () => {
    baton = await start({
      rateLimits: { ...roomy, newVisitors: { points: 3, seconds: 60 }, connectionsPerIp: 3 },
    });
  });
  afterAll(async () => {
    await baton?.stop();
  });

  it('refuses a fourth new visitor a minute; a returning visitor still gets in', async () => {
    const c = connectCustomer(baton.url);
    const tokens = [];
    for (let i = 0; i < 3; i++) {
      tokens.push(
        (await call<SessionStartResult>(c, 'session:start', { siteKey: SITE_KEY })).sessionToken,
      );
    }
    expect(new Set(tokens).size).toBe(3);
    const refused = await errorOf(callRaw(c, 'session:start', { siteKey: SITE_KEY }));
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    expect(refused.message).toMatch(/new chats/);
    // A forged or stale token would mint a visitor too: refused the same way.
    expect(
      (await errorOf(callRaw(c, 'session:start', { siteKey: SITE_KEY, sessionToken: 'nope' })))
        .code,
    ).toBe('RATE_LIMITED');
    await call(c, 'session:start', { siteKey: SITE_KEY, sessionToken: tokens[0] });
    c.close();
  });

  it('refuses a fourth open socket from one IP until one closes', async () => {
    const sockets = [];
    for (let i = 0; i < 3; i++) {
      const s = open(baton.url, CUSTOMER_NAMESPACE);
      expect(await s.outcome).toEqual({ ok: true });
      sockets.push(s.socket);
    }
    const fourth = open(baton.url, CUSTOMER_NAMESPACE);
    const refused = await fourth.outcome;
    expect(refused).toMatchObject({
      ok: false,
      message: 'RATE_LIMITED',
      data: { code: 'RATE_LIMITED', retryable: true },
    });
    // Agents count against the same cap.
    const { token } = await loginAgent(baton.url, ALEX);
    expect(await open(baton.url, AGENT_NAMESPACE, { token }).outcome).toMatchObject({ ok: false });

    const closed = once(sockets[0]!, 'disconnect');
    sockets[0]!.close();
    await closed;
    // The server sees the close a moment later: retry until the slot is free.
    let outcome: Outcome = { ok: false, message: '' };
    for (let i = 0; i < 50 && !outcome.ok; i++) {
      const s = open(baton.url, CUSTOMER_NAMESPACE);
      outcome = await s.outcome;
      if (outcome.ok) sockets.push(s.socket);
    }
    expect(outcome).toEqual({ ok: true });
    for (const s of sockets) s.close();
  });
});

describe('login throttling and bcrypt off the event loop', () => {
  let baton: RunningBaton;
  beforeAll(async () => {
    baton = await start({
      rateLimits: {
        ...roomy,
        login: {
          accountIp: { points: 5, seconds: 60 },
          account: { points: 8, seconds: 60 },
          ip: { points: 10, seconds: 60 },
        },
      },
    });
  });
  afterAll(async () => {
    await baton?.stop();
  });

  /**
   * A login from a given loopback address (Linux routes all of 127.0.0.0/8 to lo), so the server
   * sees several clients by their peer address.
   */
  const login = (email: string, password: string, from = '127.0.0.1') =>
    new Promise<{ status: number; retryAfter: number; body: { error?: AckError } }>(
      (resolve, reject) => {
        const req = httpRequest(
          `${baton.url}/api/agent/login`,
          {
            method: 'POST',
            localAddress: from,
            agent: false,
            headers: { 'content-type': 'application/json' },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                retryAfter: Number(res.headers['retry-after'] ?? NaN),
                body: JSON.parse(text) as { error?: AckError },
              }),
            );
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ email, password }));
      },
    );
  const statusesOf = async (n: number, attempt: () => ReturnType<typeof login>) => {
    const statuses = [];
    for (let i = 0; i < n; i++) statuses.push((await attempt()).status);
    return statuses;
  };

  it('5 wrong passwords from one IP do not block the right password from another IP', async () => {
    const wrong = await statusesOf(5, () => login(ALEX.email, 'wrong-password', '127.0.0.1'));
    expect(wrong).toEqual([401, 401, 401, 401, 401]);
    // The guessing address waits, even with the right password…
    const blocked = await login(ALEX.email, ALEX.password, '127.0.0.1');
    expect(blocked.status).toBe(429);
    expect(blocked.retryAfter).toBeGreaterThan(50);
    expect(blocked.body.error).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    // …while the agent signing in from elsewhere is not locked out.
    const agent = await login(ALEX.email, ALEX.password, '127.0.0.2');
    console.log(
      JSON.stringify({
        test: 'login lockout',
        wrongFrom127001: wrong,
        rightFrom127001: blocked.status,
        rightFrom127002: agent.status,
      }),
    );
    expect(agent.status).toBe(200);
  });

  it('guessing spread over addresses runs out of the account budget; one address, of its own', async () => {
    // Alex's account has 5 failures (the success gave its attempt back): 3 more use it up.
    expect(await statusesOf(3, () => login(ALEX.email, 'wrong-password', '127.0.0.3'))).toEqual([
      401, 401, 401,
    ]);
    expect((await login(ALEX.email, ALEX.password, '127.0.0.4')).status).toBe(429);
    // A successful login clears its pair: Sam fails, signs in, then may fail 5 times again.
    expect((await login(SAM.email, 'wrong-password', '127.0.0.4')).status).toBe(401);
    expect((await login(SAM.email, SAM.password, '127.0.0.4')).status).toBe(200);
    expect(await statusesOf(5, () => login(SAM.email, 'wrong-password', '127.0.0.4'))).toEqual([
      401, 401, 401, 401, 401,
    ]);
    // Guessing across accounts from one address: its budget (10) runs out. It has spent 6: Sam's
    // failures (the success and the refused attempt gave theirs back).
    let i = 0;
    const across = await statusesOf(5, () =>
      login(`nobody${++i}@northwind.example`, 'x', '127.0.0.4'),
    );
    expect(across).toEqual([401, 401, 401, 401, 429]);
  });

  it('existing $2a$ and $2b$ hashes still verify with native bcrypt', async () => {
    // Published bcrypt test vectors ("U*U" with cost 5); $2b$ differs from $2a$ only past 255 bytes.
    const hash = 'CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW';
    expect(await bcrypt.compare('U*U', `$2a$05$${hash}`)).toBe(true);
    expect(await bcrypt.compare('U*U', `$2b$05$${hash}`)).toBe(true);
    expect(await bcrypt.compare('U*V', `$2b$05$${hash}`)).toBe(false);
  });
});

describe('bcrypt runs off the event loop', () => {
  let baton: RunningBaton;
  beforeAll(async () => {
    baton = await start({ rateLimits: roomy });
  });
  afterAll(async () => {
    await baton?.stop();
  });

  it("50 parallel wrong-password logins barely delay another socket's acks", async () => {
    const c = connectCustomer(baton.url);
    await call(c, 'session:start', { siteKey: SITE_KEY });
    const burstStarted = Date.now();
    const burst = Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(baton.url + '/api/agent/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: ALEX.email, password: 'wrong-password' }),
        }).then((r) => r.status),
      ),
    );
    let done = false;
    void burst.then(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const t = performance.now();
      await call(c, 'sync', { lastSeq: 0 });
      latencies.push(performance.now() - t);
    }
    const statuses = await burst;
    const burstMs = Date.now() - burstStarted;
    latencies.sort((a, b) => a - b);
    const p50 = latencies[Math.floor(latencies.length / 2)]!;
    const max = latencies.at(-1)!;
    console.log(
      JSON.stringify({
        test: 'bcrypt burst',
        logins: statuses.length,
        burstMs,
        acks: latencies.length,
        ackP50Ms: Math.round(p50 * 10) / 10,
        ackMaxMs: Math.round(max * 10) / 10,
      }),
    );
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect(latencies.length).toBeGreaterThan(5);
    expect(max).toBeLessThan(200);
    c.close();
  });

  it('an unreachable store answers UNAVAILABLE, retryable', async () => {
    const c = connectCustomer(baton.url);
    await call(c, 'session:start', { siteKey: SITE_KEY });
    await baton.db.close();
    const error = await errorOf(
      callRaw(c, 'message:send', { clientId: newClientId(), text: 'hi' }),
    );
    expect(error).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
    const res = await fetch(baton.url + '/api/agent/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ALEX),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    // An agent connecting now is told the service is unavailable, not that its token is bad
    // (the console retries instead of signing the agent out).
    const agent = io(baton.url + AGENT_NAMESPACE, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { token: 'some-token-the-store-cannot-check-now' },
    });
    const refused = await new Promise<Error & { data?: { retryable?: boolean } }>((resolve) =>
      agent.once('connect_error', resolve),
    );
    agent.close();
    expect(refused.message).toBe('UNAVAILABLE');
    expect(refused.data?.retryable).toBe(true);
    c.close();
    // Storage is already closed: stop() may trip over it, but must still release the port.
    const stop = baton.stop.bind(baton);
    baton.stop = () => stop().catch(() => undefined);
  });
});
