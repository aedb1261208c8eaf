import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, Decision, SessionStartResult } from '@baton/shared';
import { REPO_ROOT, type RunningBaton } from '../src/bootstrap';
import {
  call,
  connectCustomer,
  newClientId,
  record,
  SITE_KEY,
  sleep,
  startTestServer,
  waitFor,
  type CustomerSocket,
} from './harness';

const TOKEN = 'test-admin-token-0123456789';
const demoPolicy = readFileSync(join(REPO_ROOT, 'demo/policy.yaml'), 'utf8');
/** The demo policy under another version (and mode). */
const policyText = (version: string, mode: 'enforce' | 'shadow' = 'enforce') =>
  demoPolicy
    .replace(/^version: .*$/m, `version: ${version}`)
    .replace(/^mode: .*$/m, `mode: ${mode}`);

interface PolicyState {
  outcome?: string;
  current: { version: string; mode: string };
  candidate: { version: string; mode: string } | null;
  rollbackTo: string | null;
  history: { version: string; mode: string; source: string; loadedAt: string }[];
}

/** Policy log lines, asserted on; anything else unexpected still shows like the harness log. */
const policyLog: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
const log = {
  info: (obj: object, msg: string) => void policyLog.push({ level: 'info', obj: { ...obj }, msg }),
  warn: (obj: object, msg: string) => void policyLog.push({ level: 'warn', obj: { ...obj }, msg }),
  error: (obj: object, msg: string) => {
    if (/^policy /.test(msg)) return void policyLog.push({ level: 'error', obj: { ...obj }, msg });
    console.error('[baton]', msg, obj);
  },
};

let dir: string;
let policyFile: string;
let baton: RunningBaton;

async function admin(
  method: string,
  path: string,
  init: { body?: string; type?: string; token?: string | null } = {},
) {
  const headers: Record<string, string> = {};
  const token = init.token === undefined ? TOKEN : init.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (init.type) headers['content-type'] = init.type;
  const res = await fetch(`${baton.url}/api/admin${path}`, {
    method,
    headers,
    ...(init.body !== undefined && { body: init.body }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const getPolicy = async () => (await admin('GET', '/policy')).body as unknown as PolicyState;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-governance-'));
  policyFile = join(dir, 'policy.yaml');
  writeFileSync(policyFile, policyText('gov-1'));
  baton = await startTestServer({ policyFile, adminToken: TOKEN, log });
});
afterAll(async () => {
  await baton?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function startCustomer() {
  const socket = connectCustomer(baton.url);
  const session = await call<SessionStartResult>(socket, 'session:start', { siteKey: SITE_KEY });
  return { socket, conversationId: session.conversationId };
}

/** Sends a message and waits for the assistant's reply (the connection keeps working). */
async function chat(socket: CustomerSocket, text: string) {
  const reply = waitFor<ChatMessage>(socket, 'message', (m) => m.role === 'assistant');
  await call(socket, 'message:send', { clientId: newClientId(), text });
  return reply;
}

async function latestDecision(conversationId: string) {
  const decisions = await baton.store.listDecisions(conversationId);
  return decisions.at(-1)!;
}

describe('admin API authentication', () => {
  it('answers 401 without a token, with a wrong token or another scheme', async () => {
    for (const token of [null, 'wrong', `${TOKEN}x`, '']) {
      const res = await admin('GET', '/policy', { token });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    }
    const basic = await fetch(`${baton.url}/api/admin/policy`, {
      headers: { authorization: `Basic ${TOKEN}` },
    });
    expect(basic.status).toBe(401);
    expect(basic.headers.get('www-authenticate')).toMatch(/^Bearer/);
    // A write without the token changes nothing.
    const put = await admin('PUT', '/policy', {
      token: 'wrong',
      type: 'text/yaml',
      body: policyText('sneaky'),
    });
    expect(put.status).toBe(401);
    expect((await getPolicy()).current.version).toBe('gov-1');
  });

  it('shows the running policy and its history', async () => {
    const state = await getPolicy();
    expect(state.current).toMatchObject({ version: 'gov-1', mode: 'enforce' });
    expect(state.candidate).toBeNull();
    expect(state.history[0]).toMatchObject({
      version: 'gov-1',
      mode: 'enforce',
      source: 'startup',
    });
    expect(new Date(state.history[0]!.loadedAt).getTime()).not.toBeNaN();
  });
});

describe('policy governance over HTTP and the file', () => {
  it('an invalid policy never replaces the running one; the 400 names the field', async () => {
    const bad = policyText('gov-bad').replace(/^ {4}2: 0\.65$/m, '    2: 1.65');
    expect(bad).not.toBe(policyText('gov-bad'));
    const res = await admin('PUT', '/policy', { type: 'text/yaml', body: bad });
    expect(res.status).toBe(400);
    const error = res.body.error as { code: string; message: string; details: { issues: unknown } };
    expect(error.code).toBe('INVALID_PAYLOAD');
    expect(error.message).toMatch(/confidence\.tiers\.2/);
    expect(error.details.issues).toEqual([expect.objectContaining({ path: 'confidence.tiers.2' })]);

    const misspelt = await admin('PUT', '/policy', {
      type: 'application/json',
      body: JSON.stringify({
        yaml: policyText('gov-bad').replace('repeatContact:', 'repeatContacts:'),
      }),
    });
    expect(misspelt.status).toBe(400);
    expect(JSON.stringify(misspelt.body)).toMatch(/repeatContacts/);

    const unknownQueue = await admin('PUT', '/policy', {
      type: 'text/plain',
      body: policyText('gov-bad').replace('billing: billing', 'billing: nowhere'),
    });
    expect(unknownQueue.status).toBe(400);
    expect(JSON.stringify(unknownQueue.body)).toMatch(/routing\.domains\.billing/);

    const notYaml = await admin('PUT', '/policy', { type: 'text/yaml', body: 'version: [' });
    expect(notYaml.status).toBe(400);
    const empty = await admin('PUT', '/policy', { type: 'application/json', body: '{}' });
    expect(empty.status).toBe(400);
    const tooLarge = await admin('PUT', '/policy', {
      type: 'text/yaml',
      body: `${policyText('gov-big')}\n#${'x'.repeat(300_000)}`,
    });
    expect(tooLarge.status).toBe(413);

    const state = await getPolicy();
    expect(state.current.version).toBe('gov-1');
    expect(state.history.map((h) => h.version)).not.toContain('gov-bad');
    expect(baton.policy.current().version).toBe('gov-1');
  });

  it('a shadow candidate leaves the acting policy unchanged; DELETE stops shadowing', async () => {
    const res = await admin('PUT', '/policy', {
      type: 'application/json',
      body: JSON.stringify({ yaml: policyText('gov-shadow', 'shadow') }),
    });
    expect(res.status).toBe(200);
    const state = res.body as unknown as PolicyState;
    expect(state.outcome).toBe('candidate');
    expect(state.current).toMatchObject({ version: 'gov-1', mode: 'enforce' });
    expect(state.candidate).toMatchObject({ version: 'gov-shadow', mode: 'shadow' });
    expect(state.history[0]).toMatchObject({ version: 'gov-shadow', source: 'admin' });
    expect(baton.policy.current().version).toBe('gov-1');
    expect(baton.policy.candidate()?.version).toBe('gov-shadow');

    // Turns keep being decided (and acted on) by the current policy.
    const { socket, conversationId } = await startCustomer();
    await chat(socket, 'what are your store hours?');
    const decision = await latestDecision(conversationId);
    expect(decision.decision.policyVersion).toBe('gov-1');
    socket.disconnect();

    const cleared = await admin('DELETE', '/policy/candidate');
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ outcome: 'candidate_cleared', candidate: null });
    expect(baton.policy.candidate()).toBeNull();
  });

  it('hot-reloads the changed file while a connected client stays connected and keeps working', async () => {
    const { socket, conversationId } = await startCustomer();
    const disconnects = record<string>(socket, 'disconnect');
    await chat(socket, 'where is my order?');
    expect((await latestDecision(conversationId)).decision.policyVersion).toBe('gov-1');

    // Editor-style save: a new file renamed over the old one.
    writeFileSync(`${policyFile}.tmp`, policyText('gov-2'));
    renameSync(`${policyFile}.tmp`, policyFile);
    const deadline = Date.now() + 10_000;
    let state = await getPolicy();
    while (state.current.version !== 'gov-2') {
      if (Date.now() > deadline) throw new Error('policy file change was not loaded in 10 s');
      await sleep(50);
      state = await getPolicy();
    }
    expect(state.history[0]).toMatchObject({ version: 'gov-2', source: 'file' });
    expect(policyLog).toContainEqual(
      expect.objectContaining({
        level: 'info',
        msg: 'policy file loaded',
        obj: expect.objectContaining({ current: expect.objectContaining({ version: 'gov-2' }) }),
      }),
    );
    expect(state.rollbackTo).toBe('gov-1');

    expect(socket.connected).toBe(true);
    expect(disconnects).toEqual([]);
    await chat(socket, 'what are your store hours?');
    expect((await latestDecision(conversationId)).decision.policyVersion).toBe('gov-2');

    // An invalid edit to the file leaves gov-2 acting.
    writeFileSync(policyFile, policyText('gov-3').replace('mode: enforce', 'mode: loud'));
    const deadline2 = Date.now() + 10_000;
    while (!policyLog.some((l) => l.level === 'error')) {
      if (Date.now() > deadline2) throw new Error('the rejected file was not logged in 10 s');
      await sleep(50);
    }
    expect(policyLog.find((l) => l.level === 'error')).toMatchObject({
      msg: 'policy file rejected; the running policy is unchanged',
      obj: { issues: [expect.objectContaining({ path: 'mode' })] },
    });
    expect(baton.policy.current().version).toBe('gov-2');
    const reload = await admin('POST', '/policy/reload');
    expect(reload.status).toBe(400);
    expect(JSON.stringify(reload.body)).toMatch(/mode/);
    expect((await getPolicy()).current.version).toBe('gov-2');

    expect(socket.connected).toBe(true);
    socket.disconnect();
  });

  it('rolls back to the previous enforce version, then answers 409', async () => {
    // A fixed file (gov-2 again) is a no-op; reload reports it unchanged.
    writeFileSync(policyFile, policyText('gov-2'));
    const reload = await admin('POST', '/policy/reload');
    expect(reload.status).toBe(200);
    expect(reload.body).toMatchObject({ outcome: 'unchanged', current: { version: 'gov-2' } });

    const back = await admin('POST', '/policy/rollback');
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({
      outcome: 'rolled_back',
      current: { version: 'gov-1', mode: 'enforce' },
      rollbackTo: null,
    });
    expect((back.body as unknown as PolicyState).history[0]).toMatchObject({
      version: 'gov-1',
      source: 'rollback',
    });
    expect(baton.policy.current().version).toBe('gov-1');

    const none = await admin('POST', '/policy/rollback');
    expect(none.status).toBe(409);
    expect(none.body).toMatchObject({ error: { code: 'NO_PREVIOUS_VERSION' } });
    expect(baton.policy.current().version).toBe('gov-1');
  });

  it('lists recent decisions where the shadow decision differs', async () => {
    const { socket, conversationId } = await startCustomer();
    socket.disconnect();
    const base: Decision = {
      lane: 'autonomous',
      unit: null,
      tier: 1,
      triggers: [],
      queue: null,
      reasons: [],
      policyVersion: 'gov-1',
    };
    const shadowOf = (patch: Partial<Decision>): Decision => ({
      ...base,
      ...patch,
      policyVersion: 'gov-shadow',
    });
    const trigger = (name: Decision['triggers'][number]['name']) => ({
      name,
      reason: name,
      values: {},
    });
    const rows: [number, Decision | null][] = [
      [1, null],
      [2, shadowOf({})], // same lane, unit, queue and triggers: not a difference
      [
        3,
        shadowOf({
          lane: 'assisted',
          unit: 'answer',
          queue: 'billing',
          triggers: [trigger('low_confidence')],
        }),
      ],
      [4, shadowOf({ triggers: [trigger('negative_sentiment')] })],
    ];
    for (const [turn, shadow] of rows) {
      await baton.store.recordDecision({
        conversationId,
        messageId: null,
        turn,
        mode: 'enforce',
        decision: base,
        shadow,
        facts: {},
        now: new Date(Date.now() + turn),
      });
    }
    const res = await admin('GET', '/shadow?limit=10');
    expect(res.status).toBe(200);
    const differences = (res.body.differences as { conversationId: string; turn: number }[]).filter(
      (d) => d.conversationId === conversationId,
    );
    expect(differences).toEqual([
      expect.objectContaining({
        turn: 4,
        differs: ['triggers'],
        acted: expect.objectContaining({ lane: 'autonomous', policyVersion: 'gov-1' }),
        shadow: expect.objectContaining({ triggers: ['negative_sentiment'] }),
      }),
      expect.objectContaining({
        turn: 3,
        differs: ['lane', 'unit', 'queue', 'triggers'],
        shadow: expect.objectContaining({ lane: 'assisted', policyVersion: 'gov-shadow' }),
      }),
    ]);
    const one = await admin('GET', '/shadow?limit=1');
    expect(one.body.differences).toHaveLength(1);
    expect((await admin('GET', '/shadow?limit=0')).status).toBe(400);
    expect((await admin('GET', '/shadow?limit=abc')).status).toBe(400);
  });
});

describe('without an admin token', () => {
  it('does not mount the admin API', async () => {
    const plain = await startTestServer({ policyFile });
    try {
      const res = await fetch(`${plain.url}/api/admin/policy`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});
