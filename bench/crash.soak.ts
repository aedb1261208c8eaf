/**
 * Crash soak: the kill -9 fault test, repeated. Each cycle starts a Baton node in its own process
 * on PostgreSQL, sends a burst from many visitors, kills the node with SIGKILL at a random point,
 * starts another node on the same database, lets customers resume and retry, and accounts for
 * every message (answered or escalated exactly once, none lost, none duplicated).
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/crash.soak.ts [cycles] [customers]
 *
 * Stops by itself after `cycles` cycles (default 10); exits non-zero if any cycle lost or
 * duplicated anything.
 */
import { freshPostgresSchema } from '../packages/server/test/harness';
import { crashCycle, type CrashFigures } from '../packages/server/test/support/crashCycle';

const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) {
  console.error('Set TEST_DATABASE_URL (PostgreSQL) to run the crash soak.');
  process.exit(2);
}
const cycles = Number(process.argv[2] ?? 10);
const customers = Number(process.argv[3] ?? 40);
const perCustomer = 5;

const totals: Record<string, number> = {};
let failed = 0;
const started = Date.now();
for (let cycle = 1; cycle <= cycles; cycle++) {
  const schema = await freshPostgresSchema(url);
  try {
    const sent = customers * perCustomer;
    const killAfterAcks = 1 + Math.floor(Math.random() * (sent - 1));
    const f: CrashFigures = await crashCycle({
      databaseUrl: schema.url,
      customers,
      perCustomer,
      killAfterAcks,
      leaseMs: 3_000,
      ledgerTimeoutMs: 60_000,
    });
    const bad =
      f.lost + f.unfinished + f.duplicatedDecisions + f.duplicatedReplies > 0 ||
      f.customerMessages !== sent;
    if (bad) failed++;
    for (const [k, v] of Object.entries(f)) totals[k] = (totals[k] ?? 0) + v;
    console.log(JSON.stringify({ cycle, killAfterAcks, ...f, ok: !bad }));
  } finally {
    await schema.drop();
  }
}
console.log(
  JSON.stringify({
    cycles,
    seconds: Math.round((Date.now() - started) / 1000),
    failedCycles: failed,
    ...totals,
  }),
);
process.exit(failed > 0 ? 1 : 0);
