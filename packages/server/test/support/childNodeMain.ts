/**
 * A Baton node for fault tests that must run in its own process (to be killed with SIGKILL).
 * Reads DATABASE_URL, REDIS_URL, PORT (0 = any free port) and BATON_CHILD_OPTIONS (JSON, more
 * StartOptions); prints one JSON line `{"url", "pid", "nodeId"}` on stdout once it listens.
 */
import { startBaton, type StartOptions } from '../../src/bootstrap';

const describeError = (err: unknown) =>
  err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : err;

const log = {
  info: () => undefined,
  warn: () => undefined,
  error: (obj: object, msg: string) => {
    const { err, ...rest } = obj as { err?: unknown };
    process.stderr.write(JSON.stringify({ msg, ...rest, err: describeError(err) }) + '\n');
  },
};

const extra = JSON.parse(process.env.BATON_CHILD_OPTIONS ?? '{}') as Partial<StartOptions>;
const baton = await startBaton({
  port: Number(process.env.PORT ?? 0),
  host: '127.0.0.1',
  log,
  ...extra,
  ...(process.env.DATABASE_URL && { databaseUrl: process.env.DATABASE_URL }),
  ...(process.env.REDIS_URL && { redisUrl: process.env.REDIS_URL }),
});
process.stdout.write(
  JSON.stringify({ url: baton.url, pid: process.pid, nodeId: baton.server.nodeId }) + '\n',
);

// A graceful stop stays possible (SIGTERM); the fault tests use SIGKILL.
process.on('SIGTERM', () => {
  baton.stop().then(
    () => process.exit(0),
    (err: unknown) => {
      log.error({ err }, 'child node stop failed');
      process.exit(1);
    },
  );
});
