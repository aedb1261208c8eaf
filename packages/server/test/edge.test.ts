import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import {
  AGENT_NAMESPACE,
  CUSTOMER_NAMESPACE,
  type AckError,
  type SessionStartResult,
} from '@baton/shared';
import { REPO_ROOT, type RunningBaton } from '../src/bootstrap';
import {
  ALEX,
  call,
  callRaw,
  connectAgent,
  connectCustomer,
  loginAgent,
  once,
  SITE_KEY,
} from './harness';
import { errorOf, open, rawCall, start, type Outcome } from './support/limits';

describe('origins, unknown events, payload shape and security headers', () => {
  let baton: RunningBaton;
  let demoDir: string;
  beforeAll(async () => {
    demoDir = mkdtempSync(join(tmpdir(), 'baton-origins-'));
    cpSync(join(REPO_ROOT, 'demo'), demoDir, { recursive: true });
    const site = join(demoDir, 'site.yaml');
    writeFileSync(
      site,
      readFileSync(site, 'utf8').replace(
        /^allowedOrigins: \[\]$/m,
        "allowedOrigins: ['https://shop.example']",
      ),
    );
    baton = await start({ demoDir, agentOrigins: ['https://console.example'] });
  });
  afterAll(async () => {
    await baton?.stop();
    rmSync(demoDir, { recursive: true, force: true });
  });

  it('/customer: Baton itself, listed origins and non-browser clients only', async () => {
    const results: Record<string, Outcome> = {};
    for (const origin of [baton.url, 'https://shop.example', 'https://evil.example', undefined]) {
      const s = open(baton.url, CUSTOMER_NAMESPACE, { ...(origin && { origin }) });
      results[origin ?? '(none)'] = await s.outcome;
      s.socket.close();
    }
    expect(results).toEqual({
      [baton.url]: { ok: true },
      'https://shop.example': { ok: true },
      'https://evil.example': {
        ok: false,
        message: 'ORIGIN_NOT_ALLOWED',
        data: { code: 'ORIGIN_NOT_ALLOWED', message: expect.stringMatching(/evil/) as string },
      },
      '(none)': { ok: true },
    });
  });

  it('/agent: the console on Baton itself and configured agent origins only', async () => {
    const { token } = await loginAgent(baton.url, ALEX);
    const results: Record<string, string> = {};
    for (const origin of [baton.url, 'https://console.example', 'https://shop.example', 'null']) {
      const s = open(baton.url, AGENT_NAMESPACE, { origin, token });
      const outcome = await s.outcome;
      results[origin] = outcome.ok ? 'ok' : outcome.message;
      s.socket.close();
    }
    expect(results).toEqual({
      [baton.url]: 'ok',
      'https://console.example': 'ok',
      // A storefront may talk to customers, never hold an agent socket.
      'https://shop.example': 'ORIGIN_NOT_ALLOWED',
      null: 'ORIGIN_NOT_ALLOWED',
    });
  });

  it('answers unknown events with UNKNOWN_EVENT on both namespaces', async () => {
    const c = connectCustomer(baton.url);
    expect((await errorOf(callRaw(c, 'no:such:event', {}))).code).toBe('UNKNOWN_EVENT');
    const err = once<{ event: string; code: string }>(c, 'baton:error');
    (c as unknown as Socket).emit('also:unknown', {});
    expect(await err).toMatchObject({ event: 'also:unknown', code: 'UNKNOWN_EVENT' });
    // Known events are not answered twice.
    const s = await call<SessionStartResult>(c, 'session:start', { siteKey: SITE_KEY });
    expect(s.conversationId).toBeTruthy();
    const alex = await connectAgent(baton.url, ALEX);
    expect((await errorOf(callRaw(alex.socket, 'conversation:delete', {}))).code).toBe(
      'UNKNOWN_EVENT',
    );
    await call(alex.socket, 'queues:get', {});
    c.close();
    alex.socket.close();
  });

  it('a context nested 5,000 deep is INVALID_PAYLOAD and the server keeps serving', async () => {
    // Written as text: JSON.stringify itself overflows the stack at this depth.
    const deep = '{"d":'.repeat(5_000) + '"bottom"' + '}'.repeat(5_000);
    const c = connectCustomer(baton.url);
    await once(c, 'connect');
    const start = await rawCall(c, 'session:start', `{"siteKey":"${SITE_KEY}","deep":${deep}}`);
    expect(!start.ok && start.error.code).toBe('INVALID_PAYLOAD');
    await call(c, 'session:start', { siteKey: SITE_KEY });
    const refused = await rawCall(c, 'context:set', `{"customer":${deep}}`);
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'INVALID_PAYLOAD',
      message: expect.stringMatching(/deeper than 32/) as string,
    });
    const wide = Object.fromEntries(Array.from({ length: 2_500 }, (_, i) => [`k${i}`, i]));
    expect((await errorOf(callRaw(c, 'context:set', wide))).code).toBe('INVALID_PAYLOAD');
    await call(c, 'context:set', { account: { plan: 'pro' } });

    // HTTP bodies too (2,000 deep fits the login route's 16 kB body limit).
    const deepBody = '{"d":'.repeat(2_000) + '1' + '}'.repeat(2_000);
    const res = await fetch(baton.url + '/api/agent/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"email":"${ALEX.email}","password":${deepBody}}`,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: AckError }).error.code).toBe('INVALID_PAYLOAD');
    await loginAgent(baton.url, ALEX);
    c.close();
  });

  it('sends security headers: the console frames only itself, the widget stays embeddable', async () => {
    const headers = async (path: string) => (await fetch(baton.url + path)).headers;
    const consolePage = await headers('/console/');
    expect(consolePage.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
    expect(consolePage.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(consolePage.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(consolePage.get('x-content-type-options')).toBe('nosniff');
    expect(consolePage.get('referrer-policy')).toBe('same-origin');

    const api = await headers('/healthz');
    expect(api.get('x-frame-options')).toBe('DENY');
    expect(api.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(api.get('cache-control')).toBe('no-store');

    const frame = await headers('/widget/frame.html');
    expect(frame.get('x-frame-options')).toBeNull();
    expect(frame.get('content-security-policy')).toBe(
      "frame-ancestors 'self' https://shop.example",
    );
    expect(frame.get('x-content-type-options')).toBe('nosniff');
    const loader = await headers('/widget.js');
    expect(loader.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(loader.get('x-frame-options')).toBeNull();
  });
});
