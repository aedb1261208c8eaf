import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChatMessage,
  CsatResult,
  QueueStatus,
  Scorecard,
  SessionStartResult,
} from '@baton/shared';
import { REPO_ROOT, type RunningBaton } from '../src/bootstrap';
import {
  ALEX,
  call,
  callRaw,
  connectAgent,
  connectCustomer,
  freshPostgresSchema,
  newClientId,
  servicesFor,
  SITE_KEY,
  startTestServer,
  waitFor,
} from './harness';

const ADMIN = 'scorecard-admin-token';
const admin = { Authorization: `Bearer ${ADMIN}` };
const OUTCOME = { escalation: 'needed', rootCause: 'none', packetUsefulness: 4 } as const;

async function get(url: string, headers: Record<string, string> = admin) {
  const res = await fetch(url, { headers });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body: body as never, text };
}

async function post(url: string, payload: unknown, headers: Record<string, string> = admin) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return { status: res.status, body: (await res.json()) as never };
}

describe('the scorecard over HTTP, and csat:submit', () => {
  let baton: RunningBaton;
  let started: Date;
  let agentToken: string;
  let autonomousId: string;
  let handledId: string;

  /** A customer who asks one routine question and gets the assistant's answer. */
  async function routineCustomer() {
    const customer = connectCustomer(baton.url);
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    const answered = waitFor<ChatMessage>(customer, 'message', (m) => m.role === 'assistant');
    await call(customer, 'message:send', { clientId: newClientId(), text: 'where is my order?' });
    await answered;
    return { customer, conversationId: s.conversationId };
  }

  /** A customer who presses the button, is claimed by Alex and resolved. */
  async function handledCustomer(alex: Awaited<ReturnType<typeof connectAgent>>) {
    const customer = connectCustomer(baton.url);
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    const { status } = await call<{ status: QueueStatus }>(customer, 'human:request', {
      clientId: newClientId(),
    });
    await call(alex.socket, 'conversation:claim', { conversationId: s.conversationId });
    await call(alex.socket, 'conversation:resolve', {
      conversationId: s.conversationId,
      outcome: OUTCOME,
    });
    return { customer, conversationId: s.conversationId, status };
  }

  beforeAll(async () => {
    baton = await startTestServer({ adminToken: ADMIN });
    started = new Date(Date.now() - 1_000);
    const alex = await connectAgent(baton.url, ALEX);
    agentToken = alex.token;
    const routine = await routineCustomer();
    autonomousId = routine.conversationId;
    routine.customer.close();
    const handled = await handledCustomer(alex);
    handledId = handled.conversationId;
    handled.customer.close();
    alex.socket.close();
  });
  afterAll(async () => {
    await baton?.stop();
  });

  const period = () =>
    `from=${started.toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`;

  it('serves JSON to the admin: one assistant-only and one handled conversation', async () => {
    const res = await get(`${baton.url}/api/admin/scorecard?${period()}&by=intent`);
    expect(res.status).toBe(200);
    const card = res.body as Scorecard;
    expect(card.by).toBe('intent');
    expect(card.overall.conversations).toBe(2);
    // The routine question stayed with the assistant; the button went to Alex: 1 of 2.
    expect(card.overall.autonomousResolution).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    // Alex's outcome (usefulness 4) is the only one.
    expect(card.overall.packetUsefulness.mean).toBe(4);
    // Claimed in time, no transfers recorded.
    expect(card.overall.slaAttainment).toEqual({
      numerator: 1,
      denominator: 1,
      rate: 1,
      breaches: 0,
    });
    expect(card.overall.specialistBounce.note).toBe('no transfers recorded');
    // Nothing drafted: no acceptance rate, rather than 0%.
    expect(card.overall.draftAcceptance.approved.rate).toBeNull();
    expect(card.groups.map((g) => g.key)).toContain('order_status');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('serves the same as CSV, with its content type and a file name', async () => {
    for (const path of [
      `/api/admin/scorecard?${period()}&format=csv`,
      `/api/admin/scorecard.csv?${period()}`,
    ]) {
      const res = await get(baton.url + path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="baton-scorecard-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d-by-queue\.csv"$/,
      );
      const lines = res.text.trim().split('\r\n');
      expect(lines[0]).toBe('scope,group,metric,numerator,denominator,value');
      expect(lines).toContain('all,overall,autonomousResolution,1,2,0.5');
      expect(lines).toContain('all,overall,conversations,,,2');
      // No data: an empty value, not 0.
      expect(lines).toContain('all,overall,draftAcceptance.approved,0,0,');
    }
  });

  it('refuses requests without the token, and bad queries with 400 and a code', async () => {
    const none = await get(`${baton.url}/api/admin/scorecard`, {});
    expect(none.status).toBe(401);
    expect((none.body as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
    expect((await get(`${baton.url}/api/agent/scorecard`, {})).status).toBe(401);
    expect(
      (await get(`${baton.url}/api/agent/scorecard`, { Authorization: 'Bearer nope' })).status,
    ).toBe(401);
    for (const query of [
      'by=customer',
      'from=yesterday',
      'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      'from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      'format=xml',
      'by=queue&by=tier',
      'limit=5',
      'compare=queue',
    ]) {
      const res = await get(`${baton.url}/api/admin/scorecard?${query}`);
      expect(res.status, query).toBe(400);
      const error = (res.body as { error: { code: string; details: { issues: unknown[] } } }).error;
      expect(error.code, query).toBe('INVALID_PAYLOAD');
      expect(error.details.issues.length, query).toBeGreaterThan(0);
    }
  });

  it('serves agents the same JSON with their session token', async () => {
    const headers = { Authorization: `Bearer ${agentToken}` };
    const res = await get(`${baton.url}/api/agent/scorecard?${period()}`, headers);
    expect(res.status).toBe(200);
    const adminView = await get(`${baton.url}/api/admin/scorecard?${period()}`);
    const strip = (c: Scorecard) => ({ ...c, generatedAt: null, from: null, to: null });
    expect(strip(res.body)).toEqual(strip(adminView.body));
  });

  it('audits: the admin draws, an agent of the queue reads and gives a verdict, the miss rate follows', async () => {
    const draw = { from: started.toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
    const drawn = await post(`${baton.url}/api/admin/audits/draw`, { ...draw, share: 1 });
    expect(drawn.status).toBe(200);
    // Only the assistant-only conversation is eligible.
    expect((drawn.body as { drawn: string[] }).drawn).toEqual([autonomousId]);
    // Drawing again draws nothing new.
    const again = await post(`${baton.url}/api/admin/audits/draw`, { ...draw, share: 1 });
    expect((again.body as { drawn: string[] }).drawn).toEqual([]);
    expect((await post(`${baton.url}/api/admin/audits/draw`, { ...draw, share: 2 })).status).toBe(
      400,
    );

    const headers = { Authorization: `Bearer ${agentToken}` };
    // Agents may not draw.
    expect(
      (await post(`${baton.url}/api/agent/audits/draw`, { ...draw, share: 1 }, headers)).status,
    ).toBe(404);
    const list = await get(`${baton.url}/api/agent/audits`, headers);
    expect(list.status).toBe(200);
    const audits = (list.body as { audits: { conversationId: string; queue: string }[] }).audits;
    // order_status routes to general, one of Alex's queues.
    expect(audits).toEqual([
      expect.objectContaining({ conversationId: autonomousId, queue: 'general', verdict: null }),
    ]);
    const detail = await get(`${baton.url}/api/agent/audits/${autonomousId}`, headers);
    expect(detail.status).toBe(200);
    const read = detail.body as { messages: ChatMessage[]; decisions: { lane: string }[] };
    expect(read.messages.map((m) => m.role)).toEqual(['customer', 'assistant']);
    expect(read.decisions.map((d) => d.lane)).toEqual(['autonomous']);

    const bad = await post(
      `${baton.url}/api/agent/audits/${autonomousId}`,
      { verdict: 'meh' },
      headers,
    );
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { code: string } }).error.code).toBe('INVALID_PAYLOAD');
    const unknown = await post(`${baton.url}/api/agent/audits/nope`, { verdict: 'ok' }, headers);
    expect(unknown.status).toBe(404);
    const verdict = await post(
      `${baton.url}/api/agent/audits/${autonomousId}`,
      { verdict: 'missed', note: 'should have offered a person' },
      headers,
    );
    expect(verdict.status).toBe(200);
    expect((verdict.body as { audit: { verdict: string; auditedBy: string } }).audit).toMatchObject(
      {
        verdict: 'missed',
        auditedBy: 'agent-alex',
      },
    );
    expect(
      ((await get(`${baton.url}/api/agent/audits`, headers)).body as { audits: [] }).audits,
    ).toEqual([]);

    // An audit of a queue Alex is not in is Sam's, not Alex's.
    await baton.store.insertAuditSamples(
      [{ conversationId: handledId, queue: 'trust-safety' }],
      1,
      new Date(),
    );
    expect((await get(`${baton.url}/api/agent/audits/${handledId}`, headers)).status).toBe(403);
    expect(
      (await post(`${baton.url}/api/agent/audits/${handledId}`, { verdict: 'ok' }, headers)).status,
    ).toBe(403);
    const all = await get(`${baton.url}/api/admin/audits?status=all`);
    expect((all.body as { audits: unknown[] }).audits).toHaveLength(2);

    const card = (await get(`${baton.url}/api/admin/scorecard?${period()}`)).body as Scorecard;
    // One audited (missed) of the one assistant-only conversation; the handled one is drawn but
    // not audited.
    expect(card.overall.missReview).toEqual({
      numerator: 1,
      denominator: 1,
      rate: 1,
      sampled: 2,
      pending: 1,
    });
  });

  it('csat:submit: stored per episode, replaced by a later one, refused when invalid', async () => {
    const customer = connectCustomer(baton.url);
    const before = await callRaw(customer, 'csat:submit', { rating: 5 });
    expect(before).toMatchObject({ ok: false, error: { code: 'SESSION_REQUIRED' } });
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    for (const payload of [
      { rating: 6 },
      { rating: 0 },
      { rating: 4.5 },
      { rating: '5' },
      {},
      { rating: 3, comment: 'x'.repeat(2001) },
    ]) {
      const res = await callRaw(customer, 'csat:submit', payload);
      expect(res, JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_PAYLOAD' },
      });
    }
    const invalid = await callRaw<never>(customer, 'csat:submit', { rating: 9 });
    expect(invalid.ok ? null : invalid.error.details).toEqual({
      issues: [expect.objectContaining({ path: 'rating' })],
    });
    const other = await callRaw(customer, 'csat:submit', { conversationId: handledId, rating: 1 });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const first = await call<CsatResult>(customer, 'csat:submit', {
      conversationId: s.conversationId,
      rating: 2,
    });
    expect(first).toEqual({
      conversationId: s.conversationId,
      episode: 1,
      rating: 2,
      replaced: false,
    });
    const second = await call<CsatResult>(customer, 'csat:submit', {
      rating: 5,
      comment: 'thanks',
    });
    expect(second).toEqual({
      conversationId: s.conversationId,
      episode: 1,
      rating: 5,
      replaced: true,
    });
    const rows = await baton.db.query<{ rating: number; comment: string }>(
      'SELECT rating, comment FROM csat_ratings WHERE conversation_id = $1',
      [s.conversationId],
    );
    expect(rows).toEqual([{ rating: 5, comment: 'thanks' }]);
    customer.close();
  });

  it('records the first wait estimate a waiting customer is shown, and compares it with the wait', async () => {
    const alex = await connectAgent(baton.url, ALEX);
    // Five measured waits make an estimate (the median); the first handled customer made one.
    for (let i = 0; i < 4; i++) (await handledCustomer(alex)).customer.close();
    const waiting = await handledCustomerWaiting();
    expect(waiting.status.estimate).not.toBeNull();
    const rows = await baton.db.query<{ minutes: number; queue: string }>(
      'SELECT minutes, queue FROM wait_estimates WHERE conversation_id = $1',
      [waiting.conversationId],
    );
    expect(rows).toEqual([{ minutes: waiting.status.estimate!.minutes, queue: 'general' }]);
    await call(alex.socket, 'conversation:claim', { conversationId: waiting.conversationId });
    const card = (await get(`${baton.url}/api/admin/scorecard?${period()}`)).body as Scorecard;
    // Six claims; only the last customer was shown an estimate (the others had too few
    // measurements), and claimed within seconds of a promise of at least a minute.
    expect(card.overall.waitEstimate.claims).toBe(6);
    expect(card.overall.waitEstimate.withEstimate).toBe(1);
    expect(card.overall.waitEstimate.withinEstimate).toEqual({
      numerator: 1,
      denominator: 1,
      rate: 1,
    });
    waiting.customer.close();
    alex.socket.close();

    async function handledCustomerWaiting() {
      const customer = connectCustomer(baton.url);
      const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
      const { status } = await call<{ status: QueueStatus }>(customer, 'human:request', {
        clientId: newClientId(),
      });
      return { customer, conversationId: s.conversationId, status };
    }
  });

  it('judges a policy version next to the one before it', async () => {
    const first = (await get(`${baton.url}/api/admin/scorecard?${period()}&compare=policyVersion`))
      .body as Scorecard;
    const v1 = baton.policy.current().version;
    expect(first.policyVersion).toBe(v1);
    expect(first.comparison).toMatchObject({ version: v1, previousVersion: null, previous: null });

    const yaml = readFileSync(resolve(REPO_ROOT, 'demo/policy.yaml'), 'utf8').replace(
      /^version: .*$/m,
      'version: scorecard-v2',
    );
    const put = await fetch(`${baton.url}/api/admin/policy`, {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'text/yaml' },
      body: yaml,
    });
    expect(put.status).toBe(200);
    const later = await routineCustomer();
    later.customer.close();

    const res = await get(
      `${baton.url}/api/admin/scorecard?${period()}&policyVersion=scorecard-v2`,
    );
    expect(res.status).toBe(200);
    const card = res.body as Scorecard;
    // v2 decided one routine conversation; everything before it was v1's.
    expect(card.overall.conversations).toBe(1);
    expect(card.overall.autonomousResolution.rate).toBe(1);
    expect(card.comparison?.previousVersion).toBe(v1);
    const previous = card.comparison!.previous!.overall;
    expect(previous.conversations).toBe(first.overall.conversations);
    expect(card.comparison!.change.autonomousResolution).toBeCloseTo(
      1 - previous.autonomousResolution.rate!,
      10,
    );
    const csv = await get(
      `${baton.url}/api/admin/scorecard.csv?${period()}&policyVersion=scorecard-v2`,
    );
    expect(csv.text).toContain('policyVersion=scorecard-v2,overall,conversations,,,1');
    expect(csv.text).toContain(`policyVersion=${v1},overall,conversations`);
  });
});

const { enabled, pgUrl } = servicesFor('scorecard audit draws on two nodes');

describe.runIf(enabled)('audit draws on two nodes sharing PostgreSQL', () => {
  it('draws each conversation once when both nodes draw at the same moment', async () => {
    const schema = await freshPostgresSchema(pgUrl);
    const a = await startTestServer({ databaseUrl: schema.url, adminToken: ADMIN });
    const b = await startTestServer({ databaseUrl: schema.url, adminToken: ADMIN });
    try {
      const from = new Date(Date.now() - 1_000).toISOString();
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        const customer = connectCustomer((i % 2 ? a : b).url);
        const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
        const answered = waitFor<ChatMessage>(customer, 'message', (m) => m.role === 'assistant');
        await call(customer, 'message:send', {
          clientId: newClientId(),
          text: 'where is my order?',
        });
        await answered;
        ids.push(s.conversationId);
        customer.close();
      }
      const body = { from, to: new Date(Date.now() + 60_000).toISOString(), share: 1 };
      const [fromA, fromB] = await Promise.all([
        post(`${a.url}/api/admin/audits/draw`, body),
        post(`${b.url}/api/admin/audits/draw`, body),
      ]);
      const drawnA = (fromA.body as { drawn: string[] }).drawn;
      const drawnB = (fromB.body as { drawn: string[] }).drawn;
      expect([...drawnA, ...drawnB].sort()).toEqual([...ids].sort());
      expect(drawnA.filter((id) => drawnB.includes(id))).toEqual([]);
      const rows = await a.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_samples');
      expect(rows[0]!.n).toBe(12);
    } finally {
      await a.stop();
      await b.stop();
      await schema.drop();
    }
  });
});
