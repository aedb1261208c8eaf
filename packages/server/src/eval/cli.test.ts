/** `pnpm eval` as a user runs it: a real process, real files, exit status and streams. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const cli = join(root, 'packages/server/src/eval/cli.ts');
const scratch = mkdtempSync(join(tmpdir(), 'baton-eval-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function evaluate(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.INIT_CWD;
    delete env.BATON_LLM_URL;
    delete env.BATON_LLM_MODEL;
    execFile(tsx, [cli, ...args], { cwd: root, env }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

const button = { action: 'request_human' };

// The button is honoured whatever the assistant makes of words, so these labels are stable.
const pressed = (id: string, extra: object = {}) => ({
  id,
  language: 'en',
  messages: [button],
  expect: {
    explicitTurn: 1,
    mustReachHuman: true,
    needTurn: 1,
    triggers: ['explicit_human_request'],
    ...extra,
  },
});
const greeting = (id: string) => ({
  id,
  language: 'en',
  messages: [{ role: 'customer', text: 'hi there' }],
  expect: { informational: true, triggers: [] },
});
// Labelled informational but pressed the button: an over-escalation by construction.
const informationalPress = (id: string) => ({
  id,
  language: 'de',
  messages: [button],
  expect: { informational: true, triggers: ['explicit_human_request'] },
});

function write(name: string, lines: object[]): string {
  const path = join(scratch, name);
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return path;
}

describe('pnpm eval (cli)', () => {
  it('fails --check on a test split below the gate and withholds its misses', async () => {
    const dev = write('dev-a.jsonl', [pressed('dev-ok'), informationalPress('dev-info-miss')]);
    const test = write('test-a.jsonl', [
      pressed('test-ok'),
      greeting('test-hi'),
      informationalPress('test-info-miss'),
    ]);
    const json = join(scratch, 'a.json');
    const run = await evaluate('--dev', dev, '--test', test, '--check', '--misses', '--json', json);
    expect(run.stderr).not.toMatch(/eval:/);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/explicit requests honoured on the turn\s+1\/1\s+100\.0%/);
    expect(run.stdout).toMatch(/Gate on the test split: FAILED/);
    expect(run.stdout).toMatch(/FAIL {2}informational over-escalation ≤ 5%: 1\/2/);
    // Dev misses are listed with their texts and decisions; test misses only counted.
    expect(run.stdout).toMatch(/- dev-info-miss: escalated at turn 1: human/);
    expect(run.stdout).toMatch(/\[Talk to a human\]/);
    expect(run.stdout).toMatch(/test misses withheld \(1\)/);
    expect(run.stdout).not.toMatch(/test-info-miss/);
    const report = JSON.parse(readFileSync(json, 'utf8')) as {
      splits: Record<string, { figures: { misses?: unknown[]; missesWithheld?: number } }>;
      gate: { passed: boolean };
    };
    expect(report.gate.passed).toBe(false);
    expect(report.splits.dev!.figures.misses).toHaveLength(1);
    expect(report.splits.test!.figures.misses).toBeUndefined();
    expect(report.splits.test!.figures.missesWithheld).toBe(1);
    expect(readFileSync(json, 'utf8')).not.toMatch(/test-info-miss/);
  });

  it('passes --check when the gate is met, and shows test misses only when asked', async () => {
    const test = write('test-b.jsonl', [
      pressed('test-ok'),
      // A trigger label that does not fire: a miss, but none of the gated figures.
      pressed('test-trigger-miss', { triggers: ['explicit_human_request', 'multi_domain'] }),
      greeting('test-hi'),
    ]);
    const run = await evaluate(
      '--split',
      'test',
      '--test',
      test,
      '--check',
      '--misses',
      '--show-test-misses',
    );
    expect(run.stderr).not.toMatch(/eval:/);
    expect(run.stdout).toMatch(/Gate on the test split: PASSED/);
    expect(run.stdout).toMatch(/- test-trigger-miss: not fired: multi_domain/);
    expect(run.code).toBe(0);
  });

  it('--floor passes at the floor, fails below it, and refuses a floor that is not shares', async () => {
    const test = write('test-f.jsonl', [
      pressed('test-ok'),
      greeting('test-hi'),
      informationalPress('test-info-miss'),
    ]);
    const floor = (values: object) => {
      const path = join(scratch, `floor-${Object.values(values).join('-')}.json`);
      writeFileSync(path, JSON.stringify(values));
      return path;
    };
    const at = await evaluate(
      '--split',
      'test',
      '--test',
      test,
      '--floor',
      floor({ explicit: 1, mustInTime: 1, informationalEscalatedMax: 0.5 }),
    );
    expect(at.stdout).toMatch(/Regression floor \(.*\): PASSED/);
    expect(at.code).toBe(0);
    const below = await evaluate(
      '--split',
      'test',
      '--test',
      test,
      '--floor',
      floor({ explicit: 1, mustInTime: 1, informationalEscalatedMax: 0.4 }),
    );
    expect(below.stdout).toMatch(/FAIL {2}informational over-escalation ≤ 40\.0%: 1\/2/);
    expect(below.code).toBe(1);
    const invalid = await evaluate(
      '--split',
      'test',
      '--test',
      test,
      '--floor',
      floor({ explicit: 2, mustInTime: 1, informationalEscalatedMax: 0.4 }),
    );
    expect(invalid.stderr).toMatch(/--floor: .*explicit/);
    expect(invalid.code).toBe(2);
  });

  it('reports a missing split loudly and exits 1', async () => {
    const dev = write('dev-c.jsonl', [pressed('dev-ok')]);
    const run = await evaluate('--dev', dev, '--test', join(scratch, 'absent.jsonl'));
    expect(run.stderr).toMatch(/eval: MISSING: the test split .*absent\.jsonl does not exist/);
    expect(run.stdout).toMatch(/== test: MISSING/);
    expect(run.code).toBe(1);
  });

  it('refuses --assistant llm without an endpoint configured (exit 2)', async () => {
    const dev = write('dev-d.jsonl', [pressed('dev-ok')]);
    const run = await evaluate('--split', 'dev', '--dev', dev, '--assistant', 'llm');
    expect(run.stderr).toMatch(/eval: --assistant llm needs BATON_LLM_URL and BATON_LLM_MODEL/);
    expect(run.code).toBe(2);
  });
});
