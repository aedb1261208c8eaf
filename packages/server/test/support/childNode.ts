import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { StartOptions } from '../../src/bootstrap';

const here = dirname(fileURLToPath(import.meta.url));
const MAIN = resolve(here, 'childNodeMain.ts');
const REPO_ROOT = resolve(here, '../../../..');

export interface ChildNode {
  url: string;
  pid: number;
  /** The node's presence id (its agent connections carry it). */
  nodeId: string;
  kill(signal?: NodeJS.Signals): void;
  /** Settles when the process has exited (after a kill, or by itself). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What the node wrote on stderr (its error log), for failure messages. */
  stderr(): string;
}

export interface ChildNodeOptions {
  databaseUrl?: string;
  redisUrl?: string;
  /** More environment for the child. */
  env?: Record<string, string>;
  /** JSON-serialisable StartOptions (rate limits, lease, presence intervals …). */
  options?: Partial<Omit<StartOptions, 'log' | 'clock' | 'assistant'>>;
  startTimeoutMs?: number;
}

const running = new Set<ReturnType<typeof spawn>>();
// A test runner that dies must not leave nodes behind holding ports and connections.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts a Baton node in its own process. Node runs it directly with tsx's loader (not the
 * tsx CLI, which would put a second process in between): `pid` is the server itself, so
 * kill('SIGKILL') is a real crash.
 */
export async function startChildNode(opts: ChildNodeOptions = {}): Promise<ChildNode> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: '0',
      BATON_CHILD_OPTIONS: JSON.stringify(opts.options ?? {}),
      ...(opts.databaseUrl && { DATABASE_URL: opts.databaseUrl }),
      ...(opts.redisUrl && { REDIS_URL: opts.redisUrl }),
      ...opts.env,
    },
  });
  running.add(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      done({ code, signal });
    });
  });

  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<{ url: string; pid: number; nodeId: string }>(
    (resolveReady, reject) => {
      const timeoutMs = opts.startTimeoutMs ?? 60_000;
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`child node did not start within ${timeoutMs} ms\n${stderr}`));
      }, timeoutMs);
      lines.on('line', (line) => {
        try {
          const parsed = JSON.parse(line) as { url?: unknown };
          if (typeof parsed.url !== 'string') return;
          clearTimeout(timer);
          resolveReady(parsed as { url: string; pid: number; nodeId: string });
        } catch {
          // Not our JSON line (a library printing to stdout): ignore it.
        }
      });
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`child node exited (code ${code}, signal ${signal})\n${stderr}`));
      });
    },
  );
  return {
    ...ready,
    kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    exited,
    stderr: () => stderr,
  };
}
