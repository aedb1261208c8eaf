/**
 * Servers under test as child processes: spawned with `node --import tsx` (no tsx CLI in
 * between, so the pid is the server itself, whose CPU time and RSS are read from /proc), or, for
 * the production start path, `node packages/server/dist/main.js` configured by its environment
 * as an operator runs it; always stopped when the harness exits, errs or is interrupted. The IPC
 * channel is only a lifeline: a child whose parent died sees it close and stops.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '../..');

const running = new Set<ChildProcess>();

/** Kills every child still running (SIGKILL): for the exit path, where nothing can wait. */
export function killAllChildren(): void {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
process.once('exit', killAllChildren);

export interface ServerChild {
  kind: 'bare' | 'baton';
  url: string;
  pid: number;
  /** Spawn → first `/healthz` 200, in ms. */
  startMs: number;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const PRODUCTION_ENTRY = resolve(REPO_ROOT, 'packages/server/dist/main.js');

/** `pnpm build` for the server, so the production start path runs the code in this tree. */
export function buildServer(): void {
  execFileSync(process.execPath, ['build.mjs'], {
    cwd: resolve(REPO_ROOT, 'packages/server'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/**
 * `production`: Baton's compiled entry (`buildServer()` first), configured by `env` (PORT is
 * chosen here); otherwise the harness's own entries under tsx, configured by BENCH_OPTIONS.
 */
export async function startServerChild(
  kind: 'bare' | 'baton',
  env: Record<string, string>,
  timeoutMs = 60_000,
  production = false,
): Promise<ServerChild> {
  const entry = production
    ? PRODUCTION_ENTRY
    : resolve(here, kind === 'bare' ? 'bare.ts' : 'batonServer.ts');
  const port = production ? await freePort() : 0;
  const spawnedAt = performance.now();
  // BENCH_SERVER_NODE_ARGS: extra node flags for the servers, e.g. "--cpu-prof --cpu-prof-dir=DIR".
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const loader = production ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...nodeArgs, ...loader, entry], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      ...process.env,
      LOG_LEVEL: 'error',
      ...env,
      ...(production && { PORT: String(port), BATON_ADMIN_TOKEN: 'bench' }),
    },
  });
  running.add(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 20_000) stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      done({ code, signal });
    });
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolveUrl, reject) => {
    if (production) {
      lines.resume();
      resolveUrl(`http://127.0.0.1:${port}`);
      return;
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${kind} server did not start within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as { url?: unknown };
        if (typeof parsed.url !== 'string') return;
        clearTimeout(timer);
        resolveUrl(parsed.url);
      } catch {
        // Not our line.
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${kind} server exited (code ${code}, signal ${signal})\n${stderr}`));
    });
  });
  // Start-up ends when the health check answers, as a load balancer would see it.
  await waitHealthy(url, spawnedAt + timeoutMs, () =>
    child.exitCode !== null || child.signalCode !== null
      ? `${kind} server exited (code ${child.exitCode}, signal ${child.signalCode})\n${stderr}`
      : null,
  );
  const startMs = performance.now() - spawnedAt;

  const pid = child.pid!;
  return {
    kind,
    url,
    pid,
    startMs,
    async stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    stderr: () => stderr,
    exited,
  };
}

async function waitHealthy(
  url: string,
  deadline: number,
  died: () => string | null,
): Promise<void> {
  for (;;) {
    const death = died();
    if (death) throw new Error(death);
    try {
      const res = await fetch(url + '/healthz', { signal: AbortSignal.timeout(1_000) });
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (performance.now() > deadline) throw new Error(`${url}/healthz never answered 200`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

export interface ProcStats {
  /** utime + stime, µs. */
  cpuMicros: number;
  rssBytes: number;
}

/** CPU time and RSS of a process from /proc/<pid>/stat (Linux). */
export function procStats(pid: number): ProcStats {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssPages = Number(fields[21]);
  return {
    cpuMicros: (ticks * 1_000_000) / CLOCK_TICKS,
    rssBytes: rssPages * 4096,
  };
}
