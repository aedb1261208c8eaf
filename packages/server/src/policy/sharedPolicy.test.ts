import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PolicyError } from '@baton/escalation';
import { startPolicyManager, validatePolicyText, type PolicyManager } from './policyManager';
import { unknownQueueIssues } from './routingCheck';
import { memoryPolicyStore, policyText } from './testPolicies';

type Store = ReturnType<typeof memoryPolicyStore>;

function recordingLog() {
  const lines: { level: string; obj: object; msg: string }[] = [];
  const at = (level: string) => (obj: object, msg: string) => void lines.push({ level, obj, msg });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

let tick = 0;
const clock = () => new Date(Date.UTC(2025, 0, 1) + ++tick * 1000);
const queues =
  (...names: string[]) =>
  (p: Parameters<typeof unknownQueueIssues>[0]) =>
    unknownQueueIssues(p, names);

const running: PolicyManager[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((m) => m.stop()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A node: its own policy file (not watched) with `text`, on the shared store. */
async function node(
  store: Store,
  text = policyText('v1'),
  options: { followMs?: number; queues?: string[]; watch?: boolean } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'baton-shared-policy-'));
  dirs.push(dir);
  const file = join(dir, 'policy.yaml');
  writeFileSync(file, text);
  const check = queues(...(options.queues ?? ['general', 'billing']));
  const log = recordingLog();
  const policy = await startPolicyManager({
    initial: { policy: validatePolicyText(text, check), yaml: text },
    store,
    file,
    watch: options.watch ?? false,
    debounceMs: 20,
    followMs: options.followMs ?? 20,
    check,
    clock,
    log,
  });
  running.push(policy);
  return { policy, log, file };
}

async function until(predicate: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('policy state shared by nodes', () => {
  it('every change on one node is followed by the other', async () => {
    const store = memoryPolicyStore();
    const a = await node(store);
    const b = await node(store);

    await a.policy.load(policyText('v2'), 'admin');
    await until(() => b.policy.current().version === 'v2');
    expect(b.policy.state()).toEqual(a.policy.state());

    await b.policy.rollback();
    await until(() => a.policy.current().version === 'v1');
    expect(a.policy.state().current.source).toBe('rollback');

    await b.policy.load(policyText('s1', 'shadow'), 'admin');
    await until(() => a.policy.candidate()?.version === 's1');
    await a.policy.clearCandidate();
    await until(() => b.policy.candidate() === null);
    expect(store.stored.epoch).toBe(5); // start, load, rollback, candidate, clear
  });

  it('sync() follows at once, without waiting for the next poll', async () => {
    const store = memoryPolicyStore();
    const a = await node(store, policyText('v1'), { followMs: 60_000 });
    const b = await node(store, policyText('v1'), { followMs: 60_000 });
    await a.policy.load(policyText('v2'), 'admin');
    expect(b.policy.current().version).toBe('v1');
    expect((await b.policy.sync()).current.version).toBe('v2');
    expect(b.policy.current().version).toBe('v2');
  });

  it('an admin change and the rollback history survive a restart with the same file', async () => {
    const store = memoryPolicyStore();
    const a = await node(store);
    await a.policy.load(policyText('v2'), 'admin');
    await a.policy.stop();
    const rows = store.saved.length;

    const again = await node(store);
    expect(again.policy.state()).toMatchObject({
      current: { version: 'v2', source: 'admin' },
      rollbackTo: 'v1',
    });
    expect(store.saved).toHaveLength(rows);
    expect(again.log.lines.map((l) => l.msg)).toContain('policy state followed');
  });

  it('a policy file changed while no node ran is loaded at start', async () => {
    const store = memoryPolicyStore();
    const a = await node(store);
    await a.policy.load(policyText('v2'), 'admin');
    await a.policy.stop();

    const edited = await node(store, policyText('v3'));
    expect(edited.policy.state()).toMatchObject({
      current: { version: 'v3', source: 'file' },
      rollbackTo: 'v2',
    });
    // Once loaded, the same file does not undo a later admin change.
    await edited.policy.load(policyText('v4'), 'admin');
    await edited.policy.stop();
    expect((await node(store, policyText('v3'))).policy.current().version).toBe('v4');
  });

  it('nodes starting together initialise the state once', async () => {
    const store = memoryPolicyStore();
    const nodes = await Promise.all([1, 2, 3].map(() => node(store)));
    expect(nodes.map((n) => n.policy.current().version)).toEqual(['v1', 'v1', 'v1']);
    expect(store.saved.map((s) => [s.version, s.source])).toEqual([['v1', 'startup']]);
    expect(store.stored.epoch).toBe(1);
  });

  it('a node that rejects the stored acting version keeps its policy and says so', async () => {
    const store = memoryPolicyStore();
    const wide = await node(store, policyText('v1'), { queues: ['general', 'billing', 'vip'] });
    const narrow = await node(store);
    await wide.policy.load(policyText('v2').replace('billing: billing', 'billing: vip'), 'admin');
    await until(() => narrow.log.lines.some((l) => l.level === 'error'));
    expect(narrow.log.lines.find((l) => l.level === 'error')?.msg).toMatch(/rejected by this node/);
    expect(narrow.policy.current().version).toBe('v1');
    // Only a change it can act on moves it: a rollback of a state it cannot read is refused.
    await expect(narrow.policy.rollback()).rejects.toBeInstanceOf(PolicyError);
    await narrow.policy.load(policyText('v3'), 'admin');
    await until(() => wide.policy.current().version === 'v3');
    expect(narrow.policy.current().version).toBe('v3');
  });

  it('a node restarting on an older file does not revert the version another node loaded by file', async () => {
    const store = memoryPolicyStore();
    const a = await node(store);
    const b = await node(store);
    writeFileSync(b.file, policyText('v2'));
    expect((await b.policy.reload()).outcome).toBe('current');
    await until(() => a.policy.current().version === 'v2');

    // A restarts in the rolling deploy with its old file (v1), its watch on.
    await a.policy.stop();
    const [rows, epoch] = [store.saved.length, store.stored.epoch];
    const restarted = await node(store, policyText('v1'), { watch: true });
    // Loads on a node run one at a time: this runs after its start-up look at the file.
    await restarted.policy.clearCandidate();
    expect(restarted.policy.current().version).toBe('v2');
    expect((await b.policy.sync()).current).toMatchObject({ version: 'v2', source: 'file' });
    expect([store.saved.length, store.stored.epoch]).toEqual([rows, epoch]);
    const warned = restarted.log.lines.filter((l) => l.level === 'warn');
    expect(warned).toHaveLength(1);
    expect(warned[0]!.obj).toMatchObject({ fileVersion: 'v1', current: 'v2' });
    console.log(
      JSON.stringify({
        test: 'policy-stale-file',
        restartedOn: 'v1',
        acting: [restarted.policy.current().version, b.policy.current().version],
        versionsStored: store.saved.length,
        epoch: store.stored.epoch,
      }),
    );

    // An explicit reload still loads it.
    expect((await restarted.policy.reload()).outcome).toBe('current');
    await until(() => b.policy.current().version === 'v1');
  });

  it('a watched file edited back to a stored older version is not loaded; reload loads it', async () => {
    const store = memoryPolicyStore();
    const a = await node(store, policyText('v1'), { watch: true });
    writeFileSync(a.file, policyText('v2'));
    await until(() => a.policy.current().version === 'v2');

    writeFileSync(a.file, policyText('v1'));
    await until(() => a.log.lines.some((l) => l.level === 'warn'));
    expect(a.log.lines.find((l) => l.level === 'warn')).toMatchObject({
      obj: { fileVersion: 'v1', current: 'v2' },
      msg: expect.stringMatching(/not loaded/),
    });
    expect(a.policy.current().version).toBe('v2');
    expect(store.saved.map((r) => r.version)).toEqual(['v1', 'v2']);

    expect((await a.policy.reload()).outcome).toBe('current');
    expect(a.policy.state()).toMatchObject({ current: { version: 'v1', source: 'file' } });
  });

  it('a node starting with a version never stored loads it, and every node follows', async () => {
    const store = memoryPolicyStore();
    const a = await node(store);
    const b = await node(store);
    await a.policy.stop();

    const upgraded = await node(store, policyText('v2'));
    expect(upgraded.policy.state()).toMatchObject({
      current: { version: 'v2', source: 'file' },
      rollbackTo: 'v1',
    });
    await until(() => b.policy.current().version === 'v2');
    expect(upgraded.log.lines.filter((l) => l.level === 'warn')).toEqual([]);
  });

  it('a node starting with a file promoting the candidate promotes it; the shadow file does not undo it', async () => {
    const store = memoryPolicyStore();
    const a = await node(store);
    await a.policy.load(policyText('s1', 'shadow'), 'admin');
    await a.policy.stop();

    // Same version, enforce: never stored with this mode, so new.
    const promoted = await node(store, policyText('s1'));
    expect(promoted.policy.state()).toMatchObject({
      current: { version: 's1', mode: 'enforce' },
      candidate: null,
    });
    await promoted.policy.stop();
    const epoch = store.stored.epoch;
    const old = await node(store, policyText('s1', 'shadow'));
    expect(old.policy.state()).toMatchObject({ current: { version: 's1', mode: 'enforce' } });
    expect(old.policy.candidate()).toBeNull();
    expect(store.stored.epoch).toBe(epoch);
  });
});
