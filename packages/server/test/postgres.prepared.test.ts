import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase, type SqlDatabase } from '../src/storage';
import { freshPostgresSchema } from './harness';

const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl) {
  console.warn(
    '\n⚠️  SKIPPED: prepared statements on PostgreSQL — set TEST_DATABASE_URL to run them.\n',
  );
}

describe.skipIf(!pgUrl)('PostgreSQL: statements with parameters run prepared by name', () => {
  let db: SqlDatabase;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const schema = await freshPostgresSchema(pgUrl!);
    drop = schema.drop;
    db = await openPostgresDatabase(schema.url);
    await db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    await db.query('INSERT INTO items VALUES ($1, $2), ($3, $4)', [1, 'one', 2, 'two']);
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  const select = 'SELECT * FROM items WHERE id = $1';
  const preparedOnServer = async () =>
    // Every pooled connection that ran it holds it; this one may or may not be one of them.
    db.query<{ name: string }>('SELECT name FROM pg_prepared_statements WHERE statement = $1', [
      select,
    ]);

  it('prepares once per connection and gives the same answers', async () => {
    for (let i = 0; i < 20; i++) {
      expect(await db.query(select, [1 + (i % 2)])).toEqual([
        { id: 1 + (i % 2), name: i % 2 ? 'two' : 'one' },
      ]);
    }
    // Sequential calls reuse the last idle connection: the statement is prepared on it.
    const [held] = await preparedOnServer();
    expect(held?.name).toMatch(/^baton_\d+$/);
  });

  it('a statement gone stale (a migration changed the table) runs again, unnamed', async () => {
    expect(await db.query(select, [1])).toEqual([{ id: 1, name: 'one' }]);
    expect((await preparedOnServer()).map((r) => r.name)).toEqual([
      expect.stringMatching(/^baton_/),
    ]);
    await db.exec("ALTER TABLE items ADD COLUMN colour TEXT NOT NULL DEFAULT 'red'");
    // Outside a transaction: retried at once.
    expect(await db.query(select, [1])).toEqual([{ id: 1, name: 'one', colour: 'red' }]);
    // From then on unnamed everywhere, in a transaction too.
    await db.exec("ALTER TABLE items ADD COLUMN size TEXT NOT NULL DEFAULT 'M'");
    const inside = await db.transaction((tx) => tx.query(select, [2]));
    expect(inside).toEqual([{ id: 2, name: 'two', colour: 'red', size: 'M' }]);
    // The connection that ran it last (a fresh one: the failed one was dropped) holds no copy.
    expect(await db.query(select, [1])).toHaveLength(1);
    expect(await preparedOnServer()).toEqual([]);
  });
});
