import type { SqlDatabase, SqlExecutor } from '../sql';
import type { Row } from './rows';

/** What every query group needs: the database (or the transaction) and a query helper. */
export interface SqlContext {
  db: SqlDatabase;
  q: (sql: string, params?: unknown[], ex?: SqlExecutor) => Promise<Row[]>;
}
