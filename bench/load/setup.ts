/**
 * What a benchmarked Baton runs on: a throwaway PostgreSQL database (or a PGlite directory), a
 * deployment whose agents may hold many conversations, and raised rate limits. Everything made
 * here is removed by `cleanup()`, which main.ts also runs on Ctrl-C and on errors.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  DEFAULT_RATE_LIMITS,
  type RateLimits,
} from '../../packages/server/src/transport/rateLimit';
import { REPO_ROOT } from './child';

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}
const pg = createRequire(new URL('../../packages/server/package.json', import.meta.url))('pg') as {
  Client: new (opts: { connectionString: string }) => PgClient;
};

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** Budgets a benchmark cannot spend: every limit of DEFAULT_RATE_LIMITS raised. */
const HUGE = { points: 1_000_000_000, seconds: 10 };
export const BENCH_RATE_LIMITS: RateLimits = {
  customer: HUGE,
  agent: HUGE,
  customerIp: HUGE,
  newVisitors: HUGE,
  connectionsPerIp: 1_000_000,
  login: { accountIp: HUGE, account: HUGE, ip: HUGE },
};
const d = DEFAULT_RATE_LIMITS;
const per = (b: { points: number; seconds: number }) => `${b.points}/${b.seconds} s`;
export const RAISED_LIMITS_TEXT =
  `raised for the load (all from 127.0.0.1): customer events per visitor (${per(d.customer)}) ` +
  `and per IP (${per(d.customerIp)}), agent events (${per(d.agent)}), new visitors per IP ` +
  `(${per(d.newVisitors)}), open sockets per IP (${d.connectionsPerIp}), logins ` +
  `(${per(d.login.accountIp)}, ${per(d.login.account)}, ${per(d.login.ip)}) → 1e9 per 10 s and ` +
  `1e6 sockets (startBaton's rateLimits; the limiters still count every event); bench agents ` +
  `have capacity 100,000 (demo: 3)`;

export const BENCH_AGENTS = Array.from({ length: 4 }, (_, i) => ({
  email: `bench${i + 1}@northwind.example`,
  password: `bench-agent-password-${i + 1}`,
}));

const cleanups: (() => Promise<void> | void)[] = [];
let cleaned = false;
/** Removes what setup made (databases, directories); safe to call more than once. */
export async function cleanup(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (err) {
      console.error(`cleanup: ${(err as Error).message}`);
    }
  }
}

/** The demo deployment with bench agents of very high capacity in every queue. */
export function benchDeploymentDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-demo-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const demo = resolve(REPO_ROOT, 'demo');
  for (const f of ['site.yaml', 'queues.yaml', 'policy.yaml', 'knowledge-base.yaml']) {
    copyFileSync(join(demo, f), join(dir, f));
  }
  const agents = BENCH_AGENTS.map((a, i) =>
    [
      `  - id: bench-${i + 1}`,
      `    name: Bench Agent ${i + 1}`,
      `    email: ${a.email}`,
      `    password: ${a.password}`,
      `    queues: [general, billing, trust-safety]`,
      `    capacity: 100000`,
    ].join('\n'),
  );
  writeFileSync(join(dir, 'agents.yaml'), `agents:\n${agents.join('\n')}\n`);
  return dir;
}

export interface Storage {
  db: 'pg' | 'pglite';
  /** StartOptions for one fresh, empty store; `drop()` removes it. */
  fresh(): Promise<{ options: { databaseUrl?: string; dataDir?: string }; drop(): Promise<void> }>;
}

async function withClient<T>(url: string, fn: (c: PgClient) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * PostgreSQL: one throwaway database `bench_<pid>` for the run (dropped at the end), and a fresh
 * schema in it for every server start (dropped after that server stopped).
 */
export async function postgresStorage(baseUrl: string): Promise<Storage> {
  const dbName = `bench_${process.pid}`;
  await withClient(baseUrl, (c) => c.query(`CREATE DATABASE ${dbName}`));
  cleanups.push(() =>
    withClient(baseUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)).then(
      () => undefined,
    ),
  );
  const dbUrl = new URL(baseUrl);
  dbUrl.pathname = `/${dbName}`;
  let n = 0;
  return {
    db: 'pg',
    async fresh() {
      const schema = `run${++n}`;
      await withClient(dbUrl.toString(), (c) => c.query(`CREATE SCHEMA ${schema}`));
      const url = new URL(dbUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return {
        options: { databaseUrl: url.toString() },
        drop: () =>
          withClient(dbUrl.toString(), (c) => c.query(`DROP SCHEMA ${schema} CASCADE`)).then(
            () => undefined,
          ),
      };
    },
  };
}

/**
 * The backends serving a database (to measure PostgreSQL's own CPU per message) and its
 * transaction count so far (statistics are flushed within about a second).
 */
export async function databaseActivity(
  baseUrl: string,
  dbName: string,
): Promise<{ pids: number[]; xacts: number }> {
  return withClient(baseUrl, async (c) => {
    const { rows } = await c.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = '${dbName}' AND pid <> pg_backend_pid()`,
    );
    const { rows: stats } = await c.query(
      `SELECT xact_commit + xact_rollback AS xacts FROM pg_stat_database WHERE datname = '${dbName}'`,
    );
    return { pids: rows.map((r) => Number(r.pid)), xacts: Number(stats[0]?.xacts ?? 0) };
  });
}

/** PGlite: a fresh data directory on disk per server start (as `pnpm start` without DATABASE_URL). */
export function pgliteStorage(): Storage {
  return {
    db: 'pglite',
    async fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'baton-bench-pglite-'));
      const remove = () => rmSync(dir, { recursive: true, force: true });
      cleanups.push(remove);
      return { options: { dataDir: dir }, drop: async () => remove() };
    },
  };
}
