import pg from 'pg';
import type { SqlDatabase } from './sql';

/** Production PostgreSQL through a `pg` pool; same SQL and migrations as the embedded backend. */
export async function openPostgresDatabase(
  connectionString: string,
  onIdleError: (err: Error) => void = () => undefined,
): Promise<SqlDatabase> {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    // A half-open connection must not hang a turn (and the conversation behind it) for ever:
    // the server ends a statement after 30 s, the client gives up 5 s later, and keepalive
    // notices a dead peer.
    statement_timeout: 30_000,
    query_timeout: 35_000,
    keepAlive: true,
  });
  // An idle client losing its connection (restart, failover) emits 'error' on the pool; without
  // a listener Node would crash. The pool replaces the client on the next query.
  pool.on('error', onIdleError);
  // Fail fast with a clear error when the server is unreachable.
  const client = await pool.connect();
  client.release();
  return {
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      const result = await pool.query(sql, params as unknown[] | undefined);
      return result.rows as T[];
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const conn = await pool.connect();
      const tx = {
        async query<T>(sql: string, params?: unknown[]) {
          const r = await conn.query(sql, params as unknown[] | undefined);
          return r.rows as T[];
        },
      };
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        await conn.query('BEGIN');
        result = await fn(tx);
        await conn.query('COMMIT');
      } catch (err) {
        try {
          await conn.query('ROLLBACK');
          conn.release();
        } catch {
          // The connection itself is broken: destroy it rather than return it to the pool,
          // and report the original error, not the rollback's.
          conn.release(true);
        }
        throw err;
      }
      conn.release();
      return result;
    },
    async close() {
      await pool.end();
    },
  };
}
