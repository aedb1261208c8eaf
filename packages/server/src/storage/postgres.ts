import pg from 'pg';
import type { SqlDatabase } from './sql';

/** Production PostgreSQL through a `pg` pool; same SQL and migrations as the embedded backend. */
export async function openPostgresDatabase(connectionString: string): Promise<SqlDatabase> {
  const pool = new pg.Pool({ connectionString, max: 10 });
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
      try {
        await conn.query('BEGIN');
        const result = await fn({
          async query<T>(sql: string, params?: unknown[]) {
            const r = await conn.query(sql, params as unknown[] | undefined);
            return r.rows as T[];
          },
        });
        await conn.query('COMMIT');
        return result;
      } catch (err) {
        await conn.query('ROLLBACK');
        throw err;
      } finally {
        conn.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
