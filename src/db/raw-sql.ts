/**
 * Hand-written SQL for the statements every turn runs, in the unit of work's transaction. On SQLite they go
 * to the connection directly (see sqlite-connection.ts), inside the transaction the unit of work holds on
 * it, and a statement costs a fraction of one through Prisma's query engine. Elsewhere (PostgreSQL, or an
 * adapter version that is not the pinned one) they go through Prisma's `$queryRaw`. Written as tagged
 * templates, so values are always parameters; the SQL must mean the same on SQLite and PostgreSQL.
 */
import type { Db } from './prisma-client.ts';
import type { SqliteConnection } from './sqlite-connection.ts';
import type { HeldTransaction } from './sqlite-transactions.ts';

export interface RawSql {
  /** The rows of a query (or of a statement with RETURNING): numbers for integers, dates for date columns. */
  query<T>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T[]>;
  /** Runs a statement; the number of rows it changed. */
  execute(strings: TemplateStringsArray, ...values: unknown[]): Promise<number>;
}

/**
 * Raw SQL for `db`; on SQLite, on the connection directly. `held`: the transaction the statements belong to
 * (the app's own, see sqlite-unit-of-work.ts): once it has ended, they are refused instead of run outside it.
 */
export function rawSql(db: Db, sqlite: SqliteConnection | undefined, held?: HeldTransaction): RawSql {
  if (!sqlite) {
    return {
      query: (strings, ...values) => db.$queryRaw(strings, ...values),
      execute: (strings, ...values) => db.$executeRaw(strings, ...values),
    };
  }
  return {
    query: async <T>(strings: TemplateStringsArray, ...values: unknown[]) => {
      held?.assertOpen();
      return sqlite.query<T>(strings.join('?'), values);
    },
    execute: async (strings, ...values) => {
      held?.assertOpen();
      return sqlite.execute(strings.join('?'), values);
    },
  };
}
