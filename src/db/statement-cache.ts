/**
 * Prepared statements reused across queries on SQLite. Prisma's better-sqlite3 adapter (7.x) prepares every
 * query anew (`client.prepare(sql).bind(args)`, then `.reader`, `.columns()`, `.raw().all()` or `.run()`):
 * under the bench's load that was 8% of the server's processor time, all of it spent on the event loop that
 * also acknowledges Slack. This gives the adapter's client a `prepare` that returns, per SQL text, one
 * statement kept for reuse, behind an object with exactly the methods the adapter uses (a statement bound
 * with `bind` cannot be bound again, so the arguments are passed at each run instead). If a future adapter
 * uses its client differently, the client is left as it is.
 */
import type Database from 'better-sqlite3';

/** Distinct SQL texts kept (the app has a few hundred; batched inserts vary with their row count). */
const maxStatements = 1000;

export function reusePreparedStatements(adapter: unknown): void {
  const client = (adapter as { client?: Partial<Database.Database> } | null)?.client;
  if (typeof client?.prepare !== 'function') return;
  const prepare = client.prepare.bind(client) as (sql: string) => Database.Statement;
  const statements = new Map<string, Database.Statement>();
  const cached = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = prepare(sql);
      // Oldest first out: enough to bound the memory of SQL texts that vary.
      if (statements.size >= maxStatements) statements.delete(statements.keys().next().value!);
      statements.set(sql, statement);
    }
    return statement;
  };
  const reusable = (sql: string) => {
    const statement = cached(sql);
    return {
      reader: statement.reader,
      run: () => statement.run(),
      bind: (args: unknown[]) => ({
        reader: statement.reader,
        columns: () => statement.columns(),
        raw: () => ({ all: () => statement.raw(true).all(args) }),
        run: () => statement.run(args),
      }),
    };
  };
  // Replaced on this one client object only (the adapter calls `this.client.prepare`).
  Object.defineProperty(client, 'prepare', { value: reusable, configurable: true, writable: true });
}
