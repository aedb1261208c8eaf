import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { SessionStartResult } from '@baton/shared';
import type { RunningBaton } from '../src/bootstrap';
import {
  ALEX,
  call,
  callRaw,
  connectAgent,
  connectCustomer,
  newClientId,
  once,
  SITE_KEY,
  startTestServer,
} from './harness';

let baton: RunningBaton;
beforeAll(async () => {
  baton = await startTestServer();
});
afterAll(async () => {
  await baton?.stop();
});

const codeOf = async (p: Promise<{ ok: boolean; error?: { code: string } }>) => {
  const res = await p;
  expect(res.ok).toBe(false);
  return res.error!.code;
};

describe('malformed input gets error codes and the server keeps serving', () => {
  it('customer events', async () => {
    const c = connectCustomer(baton.url);
    expect(await codeOf(callRaw(c, 'message:send', { clientId: newClientId(), text: 'hi' }))).toBe(
      'SESSION_REQUIRED',
    );
    expect(await codeOf(callRaw(c, 'session:start', {}))).toBe('INVALID_PAYLOAD');
    expect(await codeOf(callRaw(c, 'session:start', 'not an object'))).toBe('INVALID_PAYLOAD');
    expect(await codeOf(callRaw(c, 'session:start', null))).toBe('INVALID_PAYLOAD');
    expect(await codeOf(callRaw(c, 'session:start', { siteKey: 'nope' }))).toBe('UNKNOWN_SITE');
    expect(await codeOf(callRaw(c, 'session:start', { siteKey: SITE_KEY, lastSeq: -1 }))).toBe(
      'INVALID_PAYLOAD',
    );
    await call<SessionStartResult>(c, 'session:start', { siteKey: SITE_KEY });

    const bad = [
      { clientId: 'short', text: 'hi' },
      { clientId: newClientId(), text: '' },
      { clientId: newClientId(), text: '   ' },
      { clientId: newClientId(), text: 'x'.repeat(4001) },
      { clientId: newClientId(), text: 42 },
      { clientId: 'has spaces in it!', text: 'hi' },
      { text: 'no client id' },
      [1, 2, 3],
      undefined,
    ];
    for (const payload of bad) {
      expect(await codeOf(callRaw(c, 'message:send', payload))).toBe('INVALID_PAYLOAD');
    }
    const res = await callRaw(c, 'message:send', { clientId: 'short', text: 'hi' });
    expect(!res.ok && res.error.message).toMatch(/clientId/);
    expect(await codeOf(callRaw(c, 'email:leave', { email: 'not-an-email' }))).toBe(
      'INVALID_PAYLOAD',
    );
    expect(await codeOf(callRaw(c, 'context:set', { orders: 'lots' }))).toBe('INVALID_PAYLOAD');
    expect(await codeOf(callRaw(c, 'context:set', { customer: { tier: 'platinum' } }))).toBe(
      'INVALID_PAYLOAD',
    );
    expect(await codeOf(callRaw(c, 'sync', { lastSeq: 'x' }))).toBe('INVALID_PAYLOAD');

    // No ack callback → a baton:error event instead of a silent drop.
    const err = once<{ code: string; event: string }>(c, 'baton:error');
    c.emit(
      'message:send',
      { clientId: newClientId(), text: 'no ack' } as never,
      undefined as never,
    );
    expect((await err).code).toBe('ACK_REQUIRED');

    // Still serving: a valid message is stored and acked.
    const ok = await call<{ message: { seq: number } }>(c, 'message:send', {
      clientId: newClientId(),
      text: 'hello there',
    });
    expect(ok.message.seq).toBeGreaterThan(0);
    c.close();
  });

  it('agent auth and events', async () => {
    const anonymous = io(baton.url + '/agent', {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { token: 'bogus' },
    });
    const error = await new Promise<Error>((resolve) => anonymous.on('connect_error', resolve));
    expect(error.message).toBe('UNAUTHORIZED');
    anonymous.close();

    const alex = await connectAgent(baton.url, ALEX);
    expect(await codeOf(callRaw(alex.socket, 'conversation:claim', {}))).toBe('INVALID_PAYLOAD');
    expect(
      await codeOf(callRaw(alex.socket, 'conversation:claim', { conversationId: 'missing' })),
    ).toBe('NOT_FOUND');
    expect(await codeOf(callRaw(alex.socket, 'presence:set', { status: 'sleeping' }))).toBe(
      'INVALID_PAYLOAD',
    );
    expect(
      await codeOf(
        callRaw(alex.socket, 'conversation:resolve', {
          conversationId: 'x',
          outcome: { escalation: 'needed', rootCause: 'none', packetUsefulness: 9 },
        }),
      ),
    ).toBe('INVALID_PAYLOAD');
    expect(
      await codeOf(callRaw(alex.socket, 'conversation:get', { conversationId: 'missing' })),
    ).toBe('NOT_FOUND');
    alex.socket.close();
  });

  it('HTTP bodies are validated and the server stays up', async () => {
    const post = (body: string) =>
      fetch(baton.url + '/api/agent/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    let res = await post('{not json');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_PAYLOAD');
    res = await post(JSON.stringify({ email: 'alex@northwind.example' }));
    expect(res.status).toBe(400);
    res = await post(JSON.stringify({ email: 'alex@northwind.example', password: 'wrong' }));
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
    res = await fetch(baton.url + '/api/conversations/x/transcript');
    expect(res.status).toBe(401);
    res = await fetch(baton.url + '/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', storage: 'pglite' });
  });
});

describe('rate limiting', () => {
  it('answers RATE_LIMITED past a visitor budget and keeps serving other visitors', async () => {
    const limited = await startTestServer({
      rateLimits: { customer: { points: 5, seconds: 60 }, agent: { points: 5, seconds: 60 } },
    });
    try {
      const c = connectCustomer(limited.url);
      await call(c, 'session:start', { siteKey: SITE_KEY });
      const results = [];
      for (let i = 0; i < 6; i++) {
        results.push(await callRaw(c, 'sync', { lastSeq: 0 }));
      }
      expect(results.slice(0, 4).every((r) => r.ok)).toBe(true);
      const last = results.at(-1)!;
      expect(!last.ok && last.error.code).toBe('RATE_LIMITED');
      const other = connectCustomer(limited.url);
      await call(other, 'session:start', { siteKey: SITE_KEY });
      c.close();
      other.close();
    } finally {
      await limited.stop();
    }
  });
});
