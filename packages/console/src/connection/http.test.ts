import { describe, expect, it, vi } from 'vitest';
import { alex } from '../test-support/fixtures';
import { createHttpClient, type FetchLike } from './http';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('login', () => {
  it('posts the credentials as JSON and returns token and agent', async () => {
    const fetchImpl = vi.fn<FetchLike>(async () => json(200, { token: 'tok', agent: alex }));
    const result = await createHttpClient(fetchImpl).login('alex@northwind.example', 'pw');
    expect(result).toEqual({ ok: true, data: { token: 'tok', agent: alex } });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('/api/agent/login');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({
      email: 'alex@northwind.example',
      password: 'pw',
    });
  });

  it('maps 401 to UNAUTHORIZED with the server message', async () => {
    const http = createHttpClient(async () =>
      json(401, { error: { code: 'UNAUTHORIZED', message: 'Invalid email or password' } }),
    );
    expect(await http.login('a@b.c', 'x')).toEqual({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: 'Invalid email or password' },
    });
  });

  it('keeps the code of a 400', async () => {
    const http = createHttpClient(async () =>
      json(400, { error: { code: 'INVALID_PAYLOAD', message: 'email: Invalid email' } }),
    );
    const result = await http.login('nope', 'x');
    expect(!result.ok && result.error.code).toBe('INVALID_PAYLOAD');
  });

  it('reports an unreachable server as NETWORK', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const http = createHttpClient(async () => {
      throw new TypeError('Failed to fetch');
    });
    const result = await http.login('a@b.c', 'x');
    expect(!result.ok && result.error.code).toBe('NETWORK');
    warn.mockRestore();
  });

  it('copes with a non-JSON error page', async () => {
    const http = createHttpClient(
      async () => new Response('<h1>Bad gateway</h1>', { status: 502 }),
    );
    const result = await http.login('a@b.c', 'x');
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'The server answered HTTP 502.' },
    });
  });
});

describe('fetchTranscript', () => {
  it('sends the bearer token', async () => {
    const fetchImpl = vi.fn<FetchLike>(async () => json(200, { messages: [] }));
    const result = await createHttpClient(fetchImpl).fetchTranscript('/api/x/transcript', 'tok');
    expect(result).toEqual({ ok: true, data: { messages: [] } });
    const headers = fetchImpl.mock.calls[0]![1]?.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer tok');
  });
});

describe('logout', () => {
  it('posts the bearer token to the logout route', async () => {
    const fetchImpl = vi.fn<FetchLike>(async () => json(200, {}));
    expect(await createHttpClient(fetchImpl).logout('tok')).toEqual({ ok: true, data: {} });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('/api/agent/logout');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer tok');
  });
});

describe('scorecard and audits', () => {
  const query = {
    from: '2026-11-24T00:00:00.000Z',
    to: '2026-12-01T00:00:00.000Z',
    by: 'queue' as const,
  };

  it('asks for the scorecard with the token and the period, and the comparison when set', async () => {
    const fetchImpl = vi.fn<FetchLike>(async () => json(200, { overall: {}, groups: [] }));
    const http = createHttpClient(fetchImpl);
    expect((await http.fetchScorecard('tok', { ...query, compare: true })).ok).toBe(true);
    const [url, init] = fetchImpl.mock.calls[0]!;
    const params = new URL(url, 'http://x').searchParams;
    expect(new URL(url, 'http://x').pathname).toBe('/api/agent/scorecard');
    expect(Object.fromEntries(params)).toEqual({ ...query, compare: 'policyVersion' });
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer tok');
  });

  it('returns the CSV as text, and an error with its code', async () => {
    const ok = createHttpClient(async () => new Response('scope,group\noverall,', { status: 200 }));
    expect(await ok.fetchScorecardCsv('tok', query)).toEqual({
      ok: true,
      data: 'scope,group\noverall,',
    });
    const bad = createHttpClient(async () =>
      json(400, { error: { code: 'INVALID_PAYLOAD', message: 'from: must be a date' } }),
    );
    const result = await bad.fetchScorecardCsv('tok', query);
    expect(!result.ok && result.error.code).toBe('INVALID_PAYLOAD');
  });

  it('posts a verdict as JSON to the audit of that conversation', async () => {
    const fetchImpl = vi.fn<FetchLike>(async () => json(200, { audit: {} }));
    await createHttpClient(fetchImpl).submitVerdict('tok', 'c/1', { verdict: 'missed', note: 'n' });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('/api/agent/audits/c%2F1');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ verdict: 'missed', note: 'n' });
  });
});
