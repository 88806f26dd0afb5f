/**
 * The app's SQLite connection (the better-sqlite3 database inside Prisma's adapter), made cheaper to use:
 *
 * - Prepared statements are reused. Prisma's adapter prepares every query anew (`client.prepare(sql)`, then
 *   `.bind(args)` with `.reader`, `.columns()`, `.raw().all()` or `.run()`), about a fifth of a turn's
 *   processor time. The client gets a `prepare` that returns, per SQL text, one statement kept for reuse,
 *   behind an object with exactly the methods the adapter uses (a bound statement cannot be bound again,
 *   so the arguments are passed at each run instead).
 * - The statements every turn runs can be run on the connection directly (`query`), inside the transaction
 *   Prisma holds on it (see raw-sql.ts), past Prisma's query engine.
 *
 * This relies on how the adapter uses its client, so the adapter is pinned to the version it was written
 * for (package.json) and checked here: with another version the connection is left as it is (slower,
 * still correct), and test/db/sqlite-connection.test.ts runs against the real adapter.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import type Database from 'better-sqlite3';
import type { StatementProbe } from './statement-probe.ts';
import { lendingTransactions, type SqliteTransactions } from './sqlite-transactions.ts';

/** The adapter version this module was written for. */
export const supportedAdapterVersion = '7.10.0';

/** Distinct SQL texts kept (the app has a few hundred). */
const maxStatements = 1000;

/** A statement on the connection, with its declared column types (to read DATETIME columns back as dates). */
interface Prepared {
  statement: Database.Statement;
  dateColumns: ReadonlySet<string>;
}

export class SqliteConnection {
  private readonly statements = new Map<string, Prepared>();

  constructor(
    private readonly prepareNew: (sql: string) => Database.Statement,
    /** Transactions the app begins and ends on this connection itself (see sqlite-transactions.ts). */
    readonly transactions: SqliteTransactions,
    /** Told of the statements run directly, as of those Prisma runs (see statement-probe.ts). */
    private readonly probe?: StatementProbe,
  ) {}

  /** The statement for `sql`, prepared once. */
  prepared(sql: string): Prepared {
    let found = this.statements.get(sql);
    if (!found) {
      const statement = this.prepareNew(sql);
      const dateColumns = new Set(
        statement.reader
          ? statement
              .columns()
              .filter((c) => c.type === 'DATETIME')
              .map((c) => c.name)
          : [],
      );
      found = { statement, dateColumns };
      // Oldest first out: enough to bound the memory of SQL texts that vary.
      if (this.statements.size >= maxStatements) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(sql, found);
    }
    return found;
  }

  /** Runs `sql` with `args` (dates as Prisma writes them); rows with numbers, and dates for DATETIME columns. */
  query<T>(sql: string, args: readonly unknown[]): T[] {
    this.probe?.beforeStatement(sql);
    const { statement, dateColumns } = this.prepared(sql);
    // Raw mode is a property of the statement, which Prisma's adapter may have set: rows as objects here.
    const rows = statement.raw(false).all(args.map(toSqlite)) as Record<string, unknown>[];
    for (const row of rows) {
      // for…in, not Object.entries: no array per column of every row (the turn's first read has fourteen).
      for (const column in row) {
        const value = row[column];
        if (typeof value === 'bigint') row[column] = Number(value);
        else if (value !== null && dateColumns.has(column)) row[column] = new Date(value as string);
      }
    }
    return rows as T[];
  }

  /** Runs a statement that returns no rows; the number of rows it changed. */
  execute(sql: string, args: readonly unknown[]): number {
    this.probe?.beforeStatement(sql);
    return this.prepared(sql).statement.run(args.map(toSqlite)).changes;
  }
}

/** A Date as Prisma's SQLite adapter stores it (ISO 8601 with `+00:00`), so rows compare and sort alike. */
function toSqlite(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** The installed adapter's version, from its package.json (which its exports do not expose: found from its entry point). */
function installedAdapterVersion(): string | undefined {
  try {
    let dir = path.dirname(createRequire(import.meta.url).resolve('@prisma/adapter-better-sqlite3'));
    for (let depth = 0; depth < 4; depth++, dir = path.dirname(dir)) {
      const manifest = path.join(dir, 'package.json');
      if (!existsSync(manifest)) continue;
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === '@prisma/adapter-better-sqlite3') return parsed.version;
    }
  } catch {
    // Not installed the usual way: treated as an unknown version.
  }
  return undefined;
}

/**
 * The connection of an adapter Prisma's factory just made, with its statements reused; undefined (and the
 * adapter left alone) when it is not the adapter version this was written for.
 */
export function sqliteConnectionOf(adapter: unknown, probe?: StatementProbe, log?: (line: string) => void): SqliteConnection | undefined {
  const client = (adapter as { client?: Partial<Database.Database> } | null)?.client;
  const version = installedAdapterVersion();
  if (version !== supportedAdapterVersion || typeof client?.prepare !== 'function') {
    log?.(
      `@prisma/adapter-better-sqlite3 ${version ?? '?'} is not ${supportedAdapterVersion}: SQLite statements are not reused (slower, still correct)`,
    );
    return undefined;
  }
  const connection = new SqliteConnection(
    client.prepare.bind(client) as (sql: string) => Database.Statement,
    lendingTransactions(adapter as SqlDriverAdapter, probe),
    probe,
  );
  const reusable = (sql: string) => {
    const { statement } = connection.prepared(sql);
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
  return connection;
}
