import type { SqlDatabase, SqlExecutor } from './sql';
import type { Store } from './types';
import { agentsQueries } from './sql/agents';
import { attachmentsQueries } from './sql/attachments';
import type { SqlContext } from './sql/context';
import { historyQueries } from './sql/history';
import { messagesQueries } from './sql/messages';
import { policyQueries } from './sql/policy';
import { queueingQueries } from './sql/queueing';
import { reviewsQueries } from './sql/reviews';
import { sitesAndVisitorsQueries } from './sql/sitesAndVisitors';
import { slaQueries } from './sql/sla';
import { emailQueries } from './sql/emails';
import { routingQueries } from './sql/routing';
import { scorecardQueries } from './sql/scorecard';
import { turnsQueries } from './sql/turns';

/** A transaction's connection seen as a database, so the same store code runs inside it. */
function insideTransaction(tx: SqlExecutor, kind: SqlDatabase['kind']): SqlDatabase {
  return {
    kind,
    inTransaction: true,
    query: (sql, params) => tx.query(sql, params),
    async exec(sql) {
      await tx.query(sql);
    },
    // Nested transactions join the outer one.
    transaction: (fn) => fn(tx),
    async close() {
      throw new Error('close() inside a transaction');
    },
  };
}

/** The Store over any SqlDatabase (PGlite or PostgreSQL): same SQL for both, one module per aggregate. */
export function createSqlStore(db: SqlDatabase): Store {
  const ctx: SqlContext = {
    db,
    q: (sql, params, ex: SqlExecutor = db) => ex.query(sql, params),
  };
  return {
    ...sitesAndVisitorsQueries(ctx),
    ...agentsQueries(ctx),
    ...messagesQueries(ctx),
    ...queueingQueries(ctx),
    ...reviewsQueries(ctx),
    ...historyQueries(ctx),
    ...turnsQueries(ctx),
    ...policyQueries(ctx),
    ...slaQueries(ctx),
    ...emailQueries(ctx),
    ...routingQueries(ctx),
    ...scorecardQueries(ctx),
    ...attachmentsQueries(ctx),
    // Every call of the store passed to `fn` joins one transaction.
    transaction: (fn) => db.transaction((tx) => fn(createSqlStore(insideTransaction(tx, db.kind)))),
    close: () => db.close(),
  };
}
