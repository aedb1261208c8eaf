import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

const escalation = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('the shipped learned readers', () => {
  it('are exactly what the training files in eval/train/ train to', () => {
    // Training is deterministic: a changed training file without retrained weights fails here
    // (the script prints which model is stale and how to retrain).
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/trainReaders.ts', '--check'], {
      cwd: escalation,
      stdio: 'pipe',
    });
  }, 120_000);
});
