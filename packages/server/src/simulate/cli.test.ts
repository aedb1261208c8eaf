/** `pnpm simulate` as a user runs it: a real process, real files, exit status and streams. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const cli = join(root, 'packages/server/src/simulate/cli.ts');
const sample = join(root, 'demo/conversations/sample.jsonl');
const strict = join(root, 'demo/conversations/strict-refunds.yaml');
const scratch = mkdtempSync(join(tmpdir(), 'baton-simulate-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function simulate(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    // Paths are absolute; INIT_CWD from an outer `pnpm` must not redirect them.
    const env = { ...process.env };
    delete env.INIT_CWD;
    execFile(
      tsx,
      [cli, ...args],
      { cwd: root, env, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; lane: string; policyVersion: string });

describe('pnpm simulate (cli)', () => {
  it('writes JSON lines to stdout and the comparison to stderr', async () => {
    const run = await simulate('--input', sample, '--compare', strict);
    expect(run.stderr).not.toMatch(/simulate:/);
    expect(run.code).toBe(0);
    const ids = readFileSync(sample, 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { id: string }).id);
    const results = jsonLines(run.stdout);
    expect(results.map((r) => r.id)).toEqual(ids);
    expect(new Set(results.map((r) => r.policyVersion))).toEqual(new Set(['demo-2025.1']));
    expect(run.stderr).toMatch(/demo-2025\.1 \(A, --policy\)\s+demo-2025\.1-strict-refunds/);
    // The $45 refund is within 100 USD but not within 30 USD: a person decides it under B.
    expect(run.stderr).toMatch(/refund-within-limit: lane \w+ → human;.*added policy_boundary/);
  });

  it('writes the report to --report and honours --policy', async () => {
    const report = join(scratch, 'report.txt');
    const run = await simulate(
      '--input',
      sample,
      '--policy',
      strict,
      '--compare',
      join(root, 'demo/policy.yaml'),
      '--report',
      report,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('Lane distribution');
    expect(readFileSync(report, 'utf8')).toContain('Decisions that changed from A to B');
    expect(new Set(jsonLines(run.stdout).map((r) => r.policyVersion))).toEqual(
      new Set(['demo-2025.1-strict-refunds']),
    );
  });

  it('skips a bad line with its line number, simulates the rest and exits 1', async () => {
    const input = join(scratch, 'bad.jsonl');
    writeFileSync(
      input,
      [
        '{"id":"a","messages":[{"text":"where is my order?"}]}',
        '{"id":"b","messages":[{"text":""}]}',
        '{"id":"c","messages":[{"action":"request_human"}]}',
      ].join('\n'),
    );
    const run = await simulate('--input', input);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('line 2: messages.0.text: must not be empty');
    expect(jsonLines(run.stdout).map((r) => [r.id, r.lane])).toEqual([
      ['a', 'autonomous'],
      ['c', 'human'],
    ]);
  });

  it('rejects an invalid policy naming the field, and simulates nothing', async () => {
    const policy = join(scratch, 'bad-policy.yaml');
    writeFileSync(
      policy,
      readFileSync(join(root, 'demo/policy.yaml'), 'utf8').replace(
        'repeatContact:',
        'repeatContacts:',
      ),
    );
    const run = await simulate('--input', sample, '--policy', policy);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('repeatContacts: Unknown field');
  });

  it('explains its usage', async () => {
    const missing = await simulate();
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--input FILE is required');
    const help = await simulate('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: pnpm simulate --input FILE.jsonl');
  });
});
