import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, SessionStartResult } from '@baton/shared';
import { REPO_ROOT, type RunningBaton } from '../src/bootstrap';
import {
  call,
  connectCustomer,
  freshPostgresSchema,
  newClientId,
  SITE_KEY,
  sleep,
  startTestServer,
  servicesFor,
} from './harness';

const { enabled, pgUrl } = servicesFor('a policy change reaches both nodes');

const TOKEN = 'fault-policy-admin-token-0123';
/** What the issue asks of every node. */
const FOLLOW_LIMIT_MS = 2_000;
const demoPolicy = readFileSync(join(REPO_ROOT, 'demo/policy.yaml'), 'utf8');
const policyText = (version: string, mode: 'enforce' | 'shadow' = 'enforce') =>
  demoPolicy
    .replace(/^version: .*$/m, `version: ${version}`)
    .replace(/^mode: .*$/m, `mode: ${mode}`);

interface AdminState {
  outcome?: string;
  current: { version: string; mode: string; source: string };
  candidate: { version: string } | null;
  rollbackTo: string | null;
  history: { version: string; source: string }[];
}

async function admin(node: RunningBaton, method: string, path: string, yaml?: string) {
  const res = await fetch(`${node.url}/api/admin${path}`, {
    method,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      ...(yaml !== undefined && { 'content-type': 'text/yaml' }),
    },
    ...(yaml !== undefined && { body: yaml }),
  });
  return { status: res.status, body: (await res.json()) as AdminState };
}

/** When the node's turns would first read `version` (its in-memory copy). */
async function followedAt(node: RunningBaton, version: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (node.policy.current().version !== version) {
    if (Date.now() > deadline) throw new Error(`${node.url} did not follow ${version}`);
    await sleep(5);
  }
  return Date.now();
}
/** Per node, ms from `since` until it acts on `version`, measured side by side. */
async function lags(nodes: Record<string, RunningBaton>, version: string, since: number) {
  const entries = Object.entries(nodes).map(
    async ([name, node]) => [name, (await followedAt(node, version)) - since] as const,
  );
  return Object.fromEntries(await Promise.all(entries));
}

const report = (step: string, lagMs: Record<string, number>) =>
  console.log(JSON.stringify({ test: 'policy-follow', step, lagMs }));

describe.runIf(enabled)('a policy change reaches both nodes', () => {
  let dir: string;
  let url: string;
  let drop: () => Promise<void>;
  // Each node reads its own copy of the policy file, as on separate machines.
  let fileA: string;
  let fileB: string;
  let a: RunningBaton;
  let b: RunningBaton;
  const start = (policyFile: string) =>
    startTestServer({ databaseUrl: url, adminToken: TOKEN, policyFile });

  beforeAll(async () => {
    const schema = await freshPostgresSchema(pgUrl);
    [url, drop] = [schema.url, schema.drop];
    dir = mkdtempSync(join(tmpdir(), 'baton-fault-policy-'));
    [fileA, fileB] = [join(dir, 'a.yaml'), join(dir, 'b.yaml')];
    writeFileSync(fileA, policyText('fp-1'));
    writeFileSync(fileB, policyText('fp-1'));
    a = await start(fileA);
    b = await start(fileB);
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an admin PUT on A is followed by B within 2 s, and B decides turns with it', async () => {
    const t0 = Date.now();
    const put = await admin(a, 'PUT', '/policy', policyText('fp-2'));
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ outcome: 'current', current: { version: 'fp-2' } });
    const lagMs = await lags({ a, b }, 'fp-2', t0);
    report('admin PUT on A', lagMs);
    expect(lagMs.b).toBeLessThan(FOLLOW_LIMIT_MS);

    // B's admin API answers with the shared state and history.
    const seen = (await admin(b, 'GET', '/policy')).body;
    expect(seen).toMatchObject({
      current: { version: 'fp-2', source: 'admin' },
      rollbackTo: 'fp-1',
    });
    expect(seen.history[0]).toMatchObject({ version: 'fp-2', source: 'admin' });

    // Every turn decided on B from now on names the new version.
    const customer = connectCustomer(b.url);
    try {
      const session = await call<SessionStartResult>(customer, 'session:start', {
        siteKey: SITE_KEY,
      });
      const sent: string[] = [];
      for (const text of ['where is my order?', 'what are your store hours?']) {
        const { message } = await call<{ message: ChatMessage }>(customer, 'message:send', {
          clientId: newClientId(),
          text,
        });
        sent.push(message.id);
      }
      const deadline = Date.now() + 10_000;
      let decisions = await b.store.listDecisions(session.conversationId);
      while (!sent.every((id) => decisions.some((d) => d.messageId === id))) {
        if (Date.now() > deadline) throw new Error('turns on B were not decided in 10 s');
        await sleep(50);
        decisions = await b.store.listDecisions(session.conversationId);
      }
      const versions = decisions.map((d) => d.decision.policyVersion);
      console.log(JSON.stringify({ test: 'policy-follow', step: 'turns on B', versions }));
      expect(versions.length).toBeGreaterThanOrEqual(sent.length);
      expect(new Set(versions)).toEqual(new Set(['fp-2']));
    } finally {
      customer.disconnect();
    }
  });

  it('a restart of A keeps the admin-loaded version; a rollback on B is followed by A', async () => {
    await a.stop();
    a = await start(fileA);
    expect(a.policy.state()).toMatchObject({
      current: { version: 'fp-2', source: 'admin' },
      rollbackTo: 'fp-1',
    });

    const t0 = Date.now();
    const back = await admin(b, 'POST', '/policy/rollback');
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ outcome: 'rolled_back', current: { version: 'fp-1' } });
    const lagMs = await lags({ a, b }, 'fp-1', t0);
    report('rollback on B', lagMs);
    expect(lagMs.a).toBeLessThan(FOLLOW_LIMIT_MS);
    expect((await admin(a, 'POST', '/policy/rollback')).status).toBe(409);

    // A shadow candidate and its clearing travel the same way.
    const t1 = Date.now();
    await admin(a, 'PUT', '/policy', policyText('fp-shadow', 'shadow'));
    while (b.policy.candidate()?.version !== 'fp-shadow') {
      if (Date.now() - t1 > FOLLOW_LIMIT_MS) throw new Error('B did not follow the candidate');
      await sleep(5);
    }
    const candidateLag = Date.now() - t1;
    const t2 = Date.now();
    expect((await admin(b, 'DELETE', '/policy/candidate')).body.outcome).toBe('candidate_cleared');
    while (a.policy.candidate() !== null) {
      if (Date.now() - t2 > FOLLOW_LIMIT_MS) throw new Error('A did not follow the clearing');
      await sleep(5);
    }
    report('candidate on A, cleared on B', { b: candidateLag, a: Date.now() - t2 });
  });

  it('a policy file changed while A was down is loaded at its start, and B follows', async () => {
    await a.stop();
    writeFileSync(fileA, policyText('fp-3'));
    // B is watched while A starts: A's start commits the change before it finishes starting.
    const bFollowed = followedAt(b, 'fp-3', 30_000);
    a = await start(fileA);
    expect(a.policy.state().current).toMatchObject({ version: 'fp-3', source: 'file' });
    // From the moment A stored fp-3 (just before its commit) to B acting on it.
    const lagMs = { b: (await bFollowed) - Date.parse(a.policy.state().current.loadedAt) };
    report('file changed while A was down', lagMs);
    expect(lagMs.b).toBeLessThan(FOLLOW_LIMIT_MS);
    expect(b.policy.state()).toEqual(a.policy.state());
  });

  it('a restart of B on its older file keeps fp-3 on both nodes; a new version in its file loads', async () => {
    // B's file still holds fp-1, stored long ago: as a node left behind in a rolling deploy.
    const before = await a.db.query<{ n: string }>('SELECT count(*) AS n FROM policy_versions');
    await b.stop();
    b = await start(fileB);
    // Loads on a node run one at a time: this waits for its start-up look at the watched file.
    await b.policy.clearCandidate();
    expect(b.policy.state().current).toMatchObject({ version: 'fp-3', source: 'file' });
    // A revert by B would be committed by now; sync() reads the stored state.
    expect((await a.policy.sync()).current.version).toBe('fp-3');
    const after = await a.db.query<{ n: string }>('SELECT count(*) AS n FROM policy_versions');
    expect(after[0]!.n).toBe(before[0]!.n);
    console.log(
      JSON.stringify({
        test: 'policy-follow',
        step: 'B restarted on an older file',
        fileVersion: 'fp-1',
        acting: { a: a.policy.current().version, b: b.policy.current().version },
        versionsStored: Number(after[0]!.n),
      }),
    );

    await b.stop();
    writeFileSync(fileB, policyText('fp-4'));
    const aFollowed = followedAt(a, 'fp-4', 30_000);
    b = await start(fileB);
    expect(b.policy.state().current).toMatchObject({ version: 'fp-4', source: 'file' });
    const lagMs = { a: (await aFollowed) - Date.parse(b.policy.state().current.loadedAt) };
    report('new version in the file of B at restart', lagMs);
    expect(lagMs.a).toBeLessThan(FOLLOW_LIMIT_MS);
  });

  it('three nodes starting together on an empty database initialise one state', async () => {
    const fresh = await freshPostgresSchema(pgUrl);
    const dir2 = mkdtempSync(join(tmpdir(), 'baton-fault-policy-'));
    const file = join(dir2, 'policy.yaml');
    writeFileSync(file, policyText('fp-fresh'));
    const nodes = await Promise.all(
      [1, 2, 3].map(() =>
        startTestServer({ databaseUrl: fresh.url, adminToken: TOKEN, policyFile: file }),
      ),
    );
    try {
      const rows = await nodes[0]!.db.query<{ source: string }>(
        'SELECT source FROM policy_versions',
      );
      const [state] = await nodes[0]!.db.query<{ epoch: string }>('SELECT epoch FROM policy_state');
      console.log(
        JSON.stringify({
          test: 'policy-follow',
          step: 'concurrent start',
          versionsStored: rows.length,
          epoch: Number(state!.epoch),
        }),
      );
      expect(rows).toEqual([{ source: 'startup' }]);
      expect(Number(state!.epoch)).toBe(1);
      expect(nodes.map((n) => n.policy.current().version)).toEqual([
        'fp-fresh',
        'fp-fresh',
        'fp-fresh',
      ]);
    } finally {
      await Promise.all(nodes.map((n) => n.stop()));
      await fresh.drop();
      rmSync(dir2, { recursive: true, force: true });
    }
  });
});
