import pg from 'pg';
import type { SqlDatabase } from './sql';

/** Distinct statements prepared by name; more than this (SQL built at run time) run unnamed. */
const MAX_NAMED = 1_000;
const names = new Map<string, string>();
let named = 0;

/**
 * A statement with parameters runs as a named prepared statement: each pooled connection parses
 * it once, and PostgreSQL may keep a generic plan, instead of parsing and planning it on every
 * call (most of PostgreSQL's work per message was that, not executing). The name is per process
 * and per text, so the same text is the same statement on every connection.
 */
function prepared(text: string, params: unknown[] | undefined): pg.QueryConfig {
  if (params === undefined) return { text };
  // A statement over a table of arrays (a group commit's unnest) is planned for each call: its
  // best plan depends on how many rows the arrays hold, which a cached generic plan cannot know
  // (prepared, it cost PostgreSQL 0.154 ms of CPU per message instead of 0.087).
  if (text.includes('unnest(')) return { text, values: params };
  let name = names.get(text);
  if (name === undefined && named < MAX_NAMED && !unnamed.has(text)) {
    name = `baton_${named++}`;
    names.set(text, name);
  }
  return name === undefined ? { text, values: params } : { name, text, values: params };
}
/** Statements whose prepared form went stale: run unnamed from then on. */
const unnamed = new Set<string>();

/**
 * A statement prepared before another node's migration changed a table it returns (`SELECT *`)
 * fails on that connection with this error: it is run unnamed from then on, and retried at once
 * when outside a transaction (inside one, the transaction fails and its caller retries it).
 */
function staleStatement(err: unknown, text: string): boolean {
  const stale =
    (err as { code?: string }).code === '0A000' &&
    /cached plan must not change result type/.test(String((err as Error).message));
  if (stale) {
    names.delete(text);
    unnamed.add(text);
  }
  return stale;
}

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
      try {
        return (await pool.query(prepared(sql, params))).rows as T[];
      } catch (err) {
        if (!staleStatement(err, sql)) throw err;
        return (await pool.query(prepared(sql, params))).rows as T[];
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const conn = await pool.connect();
      const tx = {
        async query<T>(sql: string, params?: unknown[]) {
          try {
            return (await conn.query(prepared(sql, params))).rows as T[];
          } catch (err) {
            staleStatement(err, sql);
            throw err;
          }
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
