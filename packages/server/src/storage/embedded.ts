import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import type { SqlDatabase, SqlExecutor } from './sql';

/**
 * PostgreSQL's default 128 MB buffer cache is allocated inside PGlite's WebAssembly memory, on
 * the server's own heap; a chat store's working set is far smaller, and the operating system
 * caches the data files anyway.
 */
const OPTIONS: PGliteOptions = { postgresqlconf: ['shared_buffers=16MB'] };

/** Embedded PostgreSQL (PGlite). `dataDir` keeps data on disk; omit it for an in-memory database. */
export async function openEmbeddedDatabase(dataDir?: string): Promise<SqlDatabase> {
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialiseInChildProcess(dataDir);
  }
  const db = new PGlite(dataDir, OPTIONS);
  await db.waitReady;
  const wrap = (q: Pick<PGlite, 'query'>): SqlExecutor => ({
    async query<T>(sql: string, params?: unknown[]) {
      const result = await q.query<T>(sql, params);
      return result.rows;
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    async exec(sql) {
      await db.exec(sql);
    },
    transaction(fn) {
      return db.transaction((tx) => fn(wrap(tx)));
    },
    async close() {
      await db.close();
    },
  };
}

/**
 * Creates a new data directory (initdb) in a short-lived process. Done in the server's own process,
 * initdb's WebAssembly memory (over 400 MB) stays with the server for as long as it runs.
 */
async function initialiseInChildProcess(dataDir: string): Promise<void> {
  const pglite = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const script =
    `const { PGlite } = await import(${JSON.stringify(pglite)});` +
    `const db = new PGlite(${JSON.stringify(dataDir)}, ${JSON.stringify(OPTIONS)});` +
    'await db.waitReady; await db.close();';
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
}
