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
  options: { followMs?: number; queues?: string[] } = {},
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
    watch: false,
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
});
