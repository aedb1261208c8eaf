import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PolicyError } from '@baton/escalation';
import { NoPreviousPolicyError, startPolicyManager, validatePolicyText } from './policyManager';
import { unknownQueueIssues } from './routingCheck';
import { memoryPolicyStore, policyText, testPolicy } from './testPolicies';

function recordingLog() {
  const lines: { level: string; obj: object; msg: string }[] = [];
  const at = (level: string) => (obj: object, msg: string) => void lines.push({ level, obj, msg });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

let tick = 0;
const clock = () => new Date(Date.UTC(2025, 0, 1) + ++tick * 1000);
const check = (p: Parameters<typeof unknownQueueIssues>[0]) =>
  unknownQueueIssues(p, ['general', 'billing']);

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempPolicyFile(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'baton-policy-'));
  dirs.push(dir);
  const file = join(dir, 'policy.yaml');
  writeFileSync(file, text);
  return file;
}

async function until(predicate: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function manager(
  text = policyText('v1'),
  options: { file?: string; store?: ReturnType<typeof memoryPolicyStore> } = {},
) {
  const store = options.store ?? memoryPolicyStore();
  const log = recordingLog();
  const policy = await startPolicyManager({
    initial: { policy: validatePolicyText(text, check), yaml: text },
    store,
    file: options.file ?? null,
    debounceMs: 30,
    check,
    clock,
    log,
  });
  return { policy, store, log };
}

describe('policy manager', () => {
  it('records the starting policy', async () => {
    const { policy, store } = await manager();
    expect(store.saved.map((s) => [s.version, s.source])).toEqual([['v1', 'startup']]);
    expect(policy.current().version).toBe('v1');
    expect(await policy.history()).toMatchObject([
      { version: 'v1', mode: 'enforce', source: 'startup' },
    ]);
    await policy.stop();
  });

  it('an invalid policy never replaces the running one, and the error names the field', async () => {
    const { policy, store } = await manager();
    const bad = policyText('v2').replace('default: 0.7', 'default: 7');
    await expect(policy.load(bad, 'admin')).rejects.toThrow(/confidence\.default/);
    await expect(policy.load('version: [', 'admin')).rejects.toThrow(PolicyError);
    await expect(
      policy.load(policyText('v2', 'enforce', 'loop: { turnz: 3 }'), 'admin'),
    ).rejects.toThrow(/loop/);
    // Unknown queue: the routing field is named.
    const err = await policy
      .load(policyText('v2').replace('billing: billing', 'billing: nobody'), 'admin')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PolicyError);
    expect((err as PolicyError).issues).toEqual([
      expect.objectContaining({ path: 'routing.domains.billing' }),
    ]);
    expect(policy.current().version).toBe('v1');
    expect(store.saved).toHaveLength(1);
    await policy.stop();
  });

  it('stores every successful load with its source; reloading the same version is a no-op', async () => {
    const { policy, store } = await manager();
    expect((await policy.load(policyText('v2', 'shadow'), 'admin')).outcome).toBe('candidate');
    expect((await policy.load(policyText('v2', 'shadow'), 'admin')).outcome).toBe('unchanged');
    expect((await policy.load(policyText('v3'), 'admin')).outcome).toBe('current');
    expect(store.saved.map((s) => [s.version, s.mode, s.source])).toEqual([
      ['v1', 'enforce', 'startup'],
      ['v2', 'shadow', 'admin'],
      ['v3', 'enforce', 'admin'],
    ]);
    await policy.stop();
  });

  it('rolls back to the previous enforce version, and refuses when there is none', async () => {
    const { policy, store } = await manager();
    await expect(policy.rollback()).rejects.toBeInstanceOf(NoPreviousPolicyError);
    await policy.load(policyText('v2'), 'admin');
    const change = await policy.rollback();
    expect(change.outcome).toBe('rolled_back');
    expect(policy.current().version).toBe('v1');
    expect(store.saved.at(-1)).toMatchObject({
      version: 'v1',
      source: 'rollback',
      yaml: policyText('v1'),
    });
    await policy.stop();
  });

  it('on first start with a shared state, the enforce version stored before is reachable by rollback', async () => {
    const store = memoryPolicyStore([
      { version: 'v0', mode: 'enforce', source: 'admin', yaml: policyText('v0'), now: new Date(0) },
    ]);
    const { policy } = await manager(policyText('v1'), { store });
    expect(policy.state().rollbackTo).toBe('v0');
    await policy.rollback();
    expect(policy.current().version).toBe('v0');
    await policy.stop();
  });

  it('clears the candidate', async () => {
    const { policy } = await manager();
    await policy.load(policyText('v2', 'shadow'), 'admin');
    expect((await policy.clearCandidate()).outcome).toBe('candidate_cleared');
    expect(policy.candidate()).toBeNull();
    expect((await policy.clearCandidate()).outcome).toBe('unchanged');
    await policy.stop();
  });

  it('serialises concurrent loads', async () => {
    const { policy, store } = await manager();
    await Promise.allSettled([
      policy.load(policyText('v2'), 'admin'),
      policy.load(policyText('v3'), 'admin'),
      policy.load(policyText('v4'), 'admin'),
    ]);
    expect(policy.current().version).toBe('v4');
    expect(store.saved.map((s) => s.version)).toEqual(['v1', 'v2', 'v3', 'v4']);
    expect(policy.state().rollbackTo).toBe('v3');
    await policy.stop();
  });

  it('reloads the file when it changes, including an editor-style rename over it', async () => {
    const file = tempPolicyFile(policyText('v1'));
    const { policy, log } = await manager(policyText('v1'), { file });

    writeFileSync(file, policyText('v2'));
    await until(() => policy.current().version === 'v2');

    // Write a temp file and rename it over the policy (vim, VS Code, ConfigMaps).
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, policyText('v3'));
    renameSync(tmp, file);
    await until(() => policy.current().version === 'v3');

    // An invalid edit is logged and leaves v3 acting.
    writeFileSync(file, policyText('v4').replace('sla: { 1: 60', 'sla: { 1: -5'));
    await until(() => log.lines.some((l) => l.level === 'error'));
    expect(policy.current().version).toBe('v3');
    const rejected = log.lines.find((l) => l.level === 'error')!;
    expect(rejected.msg).toMatch(/rejected/);
    expect(JSON.stringify(rejected.obj)).toMatch(/sla\.1/);

    // Once fixed, it loads.
    writeFileSync(file, policyText('v4'));
    await until(() => policy.current().version === 'v4');
    expect(log.lines.filter((l) => l.msg === 'policy file loaded')).toHaveLength(3);
    await policy.stop();

    // After stop, changes are ignored.
    writeFileSync(file, policyText('v5'));
    await new Promise((r) => setTimeout(r, 200));
    expect(policy.current().version).toBe('v4');
  });

  it('an explicit reload re-reads the file; an unreadable file names it', async () => {
    const file = tempPolicyFile(policyText('v1'));
    const { policy } = await manager(policyText('v1'), { file });
    await policy.load(policyText('v2'), 'admin');
    expect((await policy.reload()).outcome).toBe('current');
    expect(policy.current().version).toBe('v1');
    rmSync(file);
    await expect(policy.reload()).rejects.toThrow(/\(file\): cannot read .*ENOENT/);
    expect(policy.current().version).toBe('v1');
    await policy.stop();
  });

  it('a file watch event does not undo an admin load unless the file changed', async () => {
    const file = tempPolicyFile(policyText('v1'));
    const { policy } = await manager(policyText('v1'), { file });
    await policy.load(policyText('v2'), 'admin');
    writeFileSync(file, policyText('v1')); // same text: touched, not changed
    await new Promise((r) => setTimeout(r, 200));
    expect(policy.current().version).toBe('v2');
    await policy.stop();
  });
});

describe('unknownQueueIssues', () => {
  it('names every routing field with an unknown queue', () => {
    const issues = unknownQueueIssues(
      {
        ...testPolicy('v1'),
        routing: { default: 'x', domains: { billing: 'billing', legal: 'y' }, tiers: { 4: 'z' } },
      },
      ['general', 'billing'],
    );
    expect(issues.map((i) => i.path)).toEqual([
      'routing.default',
      'routing.domains.legal',
      'routing.tiers.4',
    ]);
  });
});
