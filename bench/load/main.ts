/**
 * `pnpm bench:load`: Baton's message path measured from outside, against a bare Socket.IO
 * baseline in the same run (see bench/load/README.md).
 *
 *   pnpm bench:load [--quick] [--db pg|pglite|both] [--only 1,3|throughput,...] [--pairs N]
 *                   [--soak-minutes N] [--soak-rate N] [--json FILE] [--pg-url URL]
 *
 * Servers run as child processes on 127.0.0.1; every load is bounded in count and time and
 * stops by itself. Exits non-zero only when the harness breaks (a message never arrives, a
 * server does not start); figures below a goal are reported, never fatal.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildServer, killAllChildren, procStats, REPO_ROOT, startServerChild } from './child';
import {
  SCENARIOS,
  type Ctx,
  type Kind,
  type ScenarioName,
  type Sizes,
  type Target,
  type Usage,
} from './scenarios';
import {
  databaseActivity,
  BENCH_RATE_LIMITS,
  benchDeploymentDir,
  cleanup,
  DEFAULT_PG_URL,
  pgliteStorage,
  postgresStorage,
  RAISED_LIMITS_TEXT,
  type Storage,
} from './setup';
import { table, type Row } from './stats';

const ORDER: ScenarioName[] = ['throughput', 'latency', 'turns', 'queue', 'soak', 'idle'];

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    db: { type: 'string', default: 'pg' },
    only: { type: 'string' },
    pairs: { type: 'string' },
    'soak-minutes': { type: 'string' },
    'soak-rate': { type: 'string' },
    json: { type: 'string' },
    'pg-url': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(
    'usage: pnpm bench:load [--quick] [--db pg|pglite|both] [--only <scenario>[,…]] [--pairs N]\n' +
      '                       [--soak-minutes N] [--soak-rate N] [--json FILE] [--pg-url URL]\n' +
      `scenarios: ${ORDER.map((s, i) => `${i + 1}|${s}`).join(', ')}`,
  );
  process.exit(2);
}
if (args.help) usage();

const positive = (v: string | undefined, name: string, fallback: number) => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) usage(`${name} must be a positive integer`);
  return n;
};

const quick = args.quick;
const dbs: ('pg' | 'pglite')[] =
  args.db === 'both' ? ['pg', 'pglite'] : args.db === 'pg' || args.db === 'pglite' ? [args.db] : [];
if (dbs.length === 0) usage(`--db must be pg, pglite or both (got ${args.db})`);
const only = args.only
  ? args.only.split(',').map((s) => {
      const t = s.trim();
      const byNumber = ORDER[Number(t) - 1];
      const name = (/^\d+$/.test(t) ? byNumber : ORDER.find((o) => o === t)) as
        ScenarioName | undefined;
      if (!name) usage(`unknown scenario "${t}"`);
      return name;
    })
  : ORDER;
const pairs = positive(args.pairs, '--pairs', quick ? 1 : 3);
const soakMinutes = positive(args['soak-minutes'], '--soak-minutes', 10);
const soakRate = positive(args['soak-rate'], '--soak-rate', 200);
const pgUrl = args['pg-url'] ?? process.env.TEST_DATABASE_URL ?? DEFAULT_PG_URL;
for (const url of [pgUrl]) {
  const host = new URL(url).hostname;
  if (dbs.includes('pg') && host !== '127.0.0.1' && host !== 'localhost') {
    usage(`--pg-url must point at 127.0.0.1 (got ${host})`);
  }
}

const sizes: Sizes = quick
  ? {
      throughput: { customers: 20, agents: 2, window: 2, warmMs: 300, ms: 1_000 },
      latency: { connected: [20, 50], rates: [50, 100, 200], ms: 600, warmMs: 100 },
      turns: { customers: 10, warmMs: 300, ms: 1_000 },
      queue: { depths: [1, 5, 20], samples: 5 },
      soak: { customers: 20, rate: 50, minutes: 2, intervalMs: 2_000, warmMs: 1_000 },
      idle: { idleMs: 500 },
    }
  : {
      throughput: { customers: 200, agents: 4, window: 4, warmMs: 3_000, ms: 10_000 },
      latency: { connected: [1_000, 5_000], rates: [200, 500, 1_000], ms: 10_000, warmMs: 1_000 },
      turns: { customers: 200, warmMs: 3_000, ms: 10_000 },
      queue: { depths: [1, 50, 500], samples: 100 },
      soak: {
        customers: 200,
        rate: soakRate,
        minutes: soakMinutes,
        intervalMs: 60_000,
        warmMs: 30_000,
      },
      idle: { idleMs: 5_000 },
    };

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s`;
const progress = (msg: string) => process.stderr.write(`[${elapsed()}] ${msg}\n`);

// Bounded in time whatever happens: a hang is a harness failure, not a wait.
const budgetMs = quick
  ? 150_000
  : (120 * 60_000 + (only.includes('soak') ? sizes.soak.minutes * 60_000 : 0)) * dbs.length;

let finishing = false;
async function finish(code: number, why?: string): Promise<never> {
  if (finishing) process.exit(code);
  finishing = true;
  if (why) console.error(`\n${why}`);
  killAllChildren();
  await Promise.race([cleanup(), new Promise((r) => setTimeout(r, 15_000))]);
  process.exit(code);
}
const watchdog = setTimeout(
  () => void finish(1, `HARNESS FAILURE: the run exceeded its ${budgetMs / 1000} s bound`),
  budgetMs,
);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(
    signal,
    () => void finish(130, `interrupted (${signal}); servers stopped, cleaned up`),
  );
}
process.on('unhandledRejection', (err) => {
  void finish(1, `HARNESS FAILURE (unhandled): ${(err as Error)?.stack ?? String(err)}`);
});

/** CPU of the PostgreSQL backends serving one database (remembered past their exit). */
function dbMeter(dbName: string) {
  const last = new Map<number, number>();
  return async () => {
    const { pids, xacts } = await databaseActivity(pgUrl, dbName);
    for (const pid of pids) {
      try {
        last.set(pid, procStats(pid).cpuMicros);
      } catch {
        // Exited meanwhile: its last reading stands.
      }
    }
    for (const pid of last.keys()) {
      try {
        last.set(pid, procStats(pid).cpuMicros);
      } catch {
        // Gone.
      }
    }
    return { cpuMicros: [...last.values()].reduce((a, b) => a + b, 0), xacts };
  };
}
type DbMeter = ReturnType<typeof dbMeter>;

function context(db: 'pg' | 'pglite', storage: Storage, demoDir: string): Ctx {
  const dbName = `bench_${process.pid}`;
  return {
    db,
    quick,
    pairs,
    sizes,
    progress,
    async start(kind: Kind, opts: { stockDemo?: boolean } = {}): Promise<Target> {
      if (kind === 'bare') {
        const child = await startServerChild('bare', {});
        return target(child, null, () => child.stop());
      }
      const store = await storage.fresh();
      const options = {
        ...store.options,
        // The stock demo deployment and limits for start-up and idle RSS; bench agents and
        // raised limits for load.
        ...(!opts.stockDemo && { demoDir, rateLimits: BENCH_RATE_LIMITS }),
      };
      try {
        // The stock demo starts as production does: compiled, configured by its environment.
        const child = opts.stockDemo
          ? await startServerChild(
              'baton',
              store.options.databaseUrl
                ? { DATABASE_URL: store.options.databaseUrl }
                : { BATON_DATA_DIR: store.options.dataDir! },
              90_000,
              true,
            )
          : await startServerChild('baton', { BENCH_OPTIONS: JSON.stringify(options) }, 90_000);
        return target(child, db === 'pg' ? dbMeter(dbName) : null, async () => {
          await child.stop();
          await store.drop();
        });
      } catch (err) {
        await store.drop().catch(() => undefined);
        throw err;
      }
    },
  };
}

function target(
  child: Awaited<ReturnType<typeof startServerChild>>,
  db: DbMeter | null,
  stop: () => Promise<void>,
): Target {
  return {
    kind: child.kind,
    url: child.url,
    startMs: child.startMs,
    async usage(): Promise<Usage> {
      const d = db ? await db() : null;
      let s: ReturnType<typeof procStats>;
      try {
        s = procStats(child.pid);
      } catch {
        throw new Error(`the ${child.kind} server died:\n${child.stderr().slice(0, 2_000)}`);
      }
      const cpu = process.cpuUsage();
      return {
        at: performance.now(),
        serverMicros: s.cpuMicros,
        rssBytes: s.rssBytes,
        dbMicros: d?.cpuMicros ?? null,
        dbXacts: d?.xacts ?? null,
        clientMicros: cpu.user + cpu.system,
      };
    },
    async stop() {
      const errors = child.stderr().trim();
      await stop();
      if (errors) progress(`  ${child.kind} server logged errors:\n${errors.slice(0, 2_000)}`);
    },
  };
}

/** Which code the servers ran: they load the working tree at every start. */
function codeState(): string {
  try {
    const git = (...a: string[]) =>
      execFileSync('git', ['-C', REPO_ROOT, ...a], { encoding: 'utf8', timeout: 10_000 }).trim();
    const dirty = git('status', '--porcelain', '--', 'packages').split('\n').filter(Boolean);
    const diff = createHash('sha1')
      .update(git('diff', 'HEAD', '--', 'packages') + dirty.join('\n'))
      .digest('hex')
      .slice(0, 8);
    const head = git('rev-parse', '--short', 'HEAD');
    return dirty.length
      ? `${head} + ${dirty.length} uncommitted file(s) under packages/ (diff ${diff})`
      : head;
  } catch {
    return 'unknown (no git)';
  }
}
const codeAtStart = codeState();

const header = [
  `Baton load benchmark — ${new Date().toISOString()}${quick ? ' (--quick: tiny sizes, goals not judged)' : ''}`,
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, node ${process.version}`,
  `storage: ${dbs.join(' and ')}${dbs.includes('pg') ? ` (throwaway database bench_${process.pid} on ${new URL(pgUrl).host}, a fresh schema per server)` : ''}; pairs: ${pairs} (bare, Baton, bare, Baton …, a fresh server each)`,
  `rate limits ${RAISED_LIMITS_TEXT}`,
  `load client and servers share the machine: "CPU" is the server process alone; PG is the CPU of its PostgreSQL backends`,
  `code: ${codeAtStart} (each server start loads the working tree as it is then)`,
];
console.log(header.join('\n') + '\n');

const rows: Row[] = [];
const figures: Record<string, Record<string, unknown>> = {};
let failure: string | null = null;
try {
  // Scenario 6 starts the compiled server (production's start path): build it from this tree.
  if (only.includes('idle')) buildServer();
  const demoDir = benchDeploymentDir();
  for (const db of dbs) {
    const storage = db === 'pg' ? await postgresStorage(pgUrl) : pgliteStorage();
    const ctx = context(db, storage, demoDir);
    figures[db] = {};
    for (const name of ORDER.filter((s) => only.includes(s))) {
      const t0 = performance.now();
      const result = await SCENARIOS[name](ctx);
      const seconds = (performance.now() - t0) / 1000;
      figures[db]![name] = { ...result.figures, seconds };
      const labelled = result.rows.map((r) => ({
        ...r,
        scenario: dbs.length > 1 ? `[${db}] ${r.scenario}` : r.scenario,
      }));
      rows.push(...labelled);
      progress(`${name} done in ${seconds.toFixed(0)} s`);
      for (const r of labelled) progress(`  ${r.scenario}: Baton ${r.baton}; bare ${r.bare}`);
    }
  }
} catch (err) {
  failure = (err as Error)?.stack ?? String(err);
}

if (rows.length > 0) console.log(table(rows));
const seconds = (performance.now() - started) / 1000;
const codeAtEnd = codeState();
if (codeAtEnd !== codeAtStart) {
  console.log(
    `\nWARNING: the code changed during the run (${codeAtStart} → ${codeAtEnd}): ` +
      'later server starts ran other code than earlier ones',
  );
}
console.log(
  `\nwhole run: ${seconds.toFixed(0)} s; load average now ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
if (args.json) {
  writeFileSync(
    args.json,
    JSON.stringify(
      {
        header,
        code: { atStart: codeAtStart, atEnd: codeAtEnd },
        args,
        sizes,
        rows,
        figures,
        seconds,
        failure,
      },
      (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
      2,
    ) + '\n',
  );
  console.log(`figures written to ${args.json}`);
}
await finish(failure ? 1 : 0, failure ? `HARNESS FAILURE: ${failure}` : undefined);
