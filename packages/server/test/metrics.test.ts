import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, SessionStartResult } from '@baton/shared';
import type { RunningBaton } from '../src/bootstrap';
import { createAccessLog } from '../src/http/accessLog';
import {
  SAM,
  SITE_KEY,
  call,
  connectAgent,
  connectCustomer,
  newClientId,
  startTestServer,
  waitFor,
} from './harness';

const TOKEN = 'metrics-test-admin-token';

/** The value of one sample of the scrape, matched by name and a subset of its labels. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries(
      [...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return null;
}

describe('Prometheus /metrics and the access log', () => {
  let baton: RunningBaton;
  const lines: Record<string, unknown>[] = [];
  const scrape = async () => {
    const res = await fetch(`${baton.url}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    return res.text();
  };

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
        done();
      },
    });
    baton = await startTestServer({
      adminToken: TOKEN,
      accessLog: createAccessLog(pino(sink)),
    });
  });
  afterAll(async () => {
    await baton?.stop();
  });

  it('counts turns, escalations, claims, event latency, queues and sockets', async () => {
    expect((await fetch(`${baton.url}/metrics`)).status).toBe(401);
    const customer = connectCustomer(baton.url);
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    const reply = waitFor<ChatMessage>(customer, 'message', (m) => m.role === 'assistant');
    await call(customer, 'message:send', {
      clientId: newClientId(),
      text: 'what are your opening hours?',
    });
    await reply;
    await call(customer, 'human:request', { clientId: newClientId() });
    const sam = await connectAgent(baton.url, SAM);

    const queued = await scrape();
    expect(sample(queued, 'baton_queue_depth', { queue: 'general' })).toBe(1);
    expect(
      sample(queued, 'baton_queue_oldest_wait_seconds', { queue: 'general' }),
    ).toBeGreaterThanOrEqual(0);
    expect(sample(queued, 'baton_agents_online', { queue: 'general' })).toBe(1);
    expect(sample(queued, 'baton_socket_connections', { namespace: 'customer' })).toBe(1);
    expect(sample(queued, 'baton_socket_connections', { namespace: 'agent' })).toBe(1);
    expect(sample(queued, 'baton_turns_total', { lane: 'autonomous', trigger: 'none' })).toBe(1);
    expect(
      sample(queued, 'baton_turns_total', { lane: 'human', trigger: 'explicit_human_request' }),
    ).toBe(1);
    expect(sample(queued, 'baton_escalations_total', { queue: 'general', lane: 'human' })).toBe(1);
    expect(
      sample(queued, 'baton_event_seconds_count', { namespace: 'customer', event: 'message:send' }),
    ).toBe(1);
    expect(sample(queued, 'baton_turn_seconds_count')).toBe(2);
    expect(sample(queued, 'baton_process_cpu_user_seconds_total')).toBeGreaterThan(0);

    await call(sam.socket, 'conversation:claim', { conversationId: s.conversationId });
    const claimed = await scrape();
    expect(sample(claimed, 'baton_queue_depth', { queue: 'general' })).toBe(0);
    expect(sample(claimed, 'baton_claim_wait_seconds_count', { queue: 'general' })).toBe(1);
    expect(
      sample(claimed, 'baton_event_seconds_count', {
        namespace: 'agent',
        event: 'conversation:claim',
      }),
    ).toBe(1);
    customer.close();
    sam.socket.close();
  });

  it('logs each request without personal data', async () => {
    lines.length = 0;
    await fetch(`${baton.url}/healthz`);
    await fetch(`${baton.url}/api/agent/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'dana.kim@example.com', password: 'not-her-password' }),
    });
    await fetch(`${baton.url}/console/?email=dana.kim%40example.com`, {
      headers: { authorization: 'Bearer agent-token-abc', cookie: 'sid=xyz' },
    });
    const deadline = Date.now() + 2_000;
    while (lines.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const logged = lines.map((l) => ({
      req: l.req,
      status: (l.res as { statusCode?: number } | undefined)?.statusCode,
    }));
    expect(logged).toEqual([
      { req: { method: 'POST', path: '/api/agent/login' }, status: 401 },
      { req: { method: 'GET', path: '/console/' }, status: 200 },
    ]);
    const text = JSON.stringify(lines);
    for (const secret of [
      'dana.kim',
      'not-her-password',
      'agent-token-abc',
      'sid=xyz',
      '127.0.0.1',
    ])
      expect(text).not.toContain(secret);
    expect(lines.every((l) => typeof l.responseTime === 'number')).toBe(true);
  });
});
