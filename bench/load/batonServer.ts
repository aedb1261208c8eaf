/**
 * Baton under test, in its own process (spawned by bench/load/child.ts with `node --import tsx`,
 * so this pid is the server itself). Reads BENCH_OPTIONS (JSON StartOptions: databaseUrl or
 * dataDir, demoDir, rateLimits); prints one JSON line `{"url"}` once it listens; logs errors on
 * stderr, which the harness prints.
 */
import { startBaton, type StartOptions } from '../../packages/server/src/bootstrap';

const log = {
  info: () => undefined,
  warn: () => undefined,
  error: (obj: object, msg: string) => {
    const err = (obj as { err?: unknown }).err;
    process.stderr.write(`${msg}: ${err instanceof Error ? err.message : JSON.stringify(obj)}\n`);
  },
};

const options = JSON.parse(process.env.BENCH_OPTIONS ?? '{}') as Partial<StartOptions>;
const baton = await startBaton({ port: 0, host: '127.0.0.1', log, ...options });
process.stdout.write(JSON.stringify({ url: baton.url }) + '\n');

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  baton.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The harness died without stopping us: do not outlive it.
process.on('disconnect', stop);
