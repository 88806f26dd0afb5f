// The one place that builds a PrismaClient. Prisma 7 talks to the database through a driver adapter:
// better-sqlite3 for `file:` URLs (the default), @prisma/adapter-pg for `postgresql://` URLs. Each is
// loaded only when its URL is used, so a SQLite installation never loads the PostgreSQL client (and the
// reverse). The SQLite adapter opens the file itself, so the connection settings the app relies on are
// applied here, on every connection it opens.
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { Prisma, PrismaClient } from './generated/sqlite/client.ts';
import { isPostgresUrl } from './postgres-url.ts';
import { isSqliteUrl, prepareSqliteFile, redact } from './sqlite-url.ts';
import { probedAdapterFactory, type StatementProbe } from './statement-probe.ts';
import { guardedTransactions } from './transaction-guard.ts';
import { sqliteConnectionOf, type SqliteConnection } from './sqlite-connection.ts';

export type { PrismaClient };

/**
 * What repositories query through: the client inside a transaction (a turn's unit of work) or, in tests
 * and scripts, the client itself. `$transaction` on it opens a savepoint inside the enclosing transaction.
 */
export type Db = Prisma.TransactionClient;

/** How long a connection waits for another writer (another process, or the migration runner). */
export const BUSY_TIMEOUT_MS = 5000;

// WAL lets readers proceed while one process writes (several bot instances may share the file).
// foreign_keys is per connection and off by default in SQLite; the schema relies on it.
// busy_timeout is also given to better-sqlite3 as `timeout`, so it is already in force while
// switching to WAL, which itself needs a lock.
const CONNECTION_PRAGMAS = ['PRAGMA journal_mode = WAL;', `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS};`, 'PRAGMA foreign_keys = ON;'].join(
  '\n',
);

export interface PrismaClientOptions {
  /** Told of every statement (benchmark counts, fault-injection tests). */
  probe?: StatementProbe;
  /** Given the SQLite connection once Prisma opened it (see sqlite-connection.ts). */
  onSqliteConnection?: (connection: SqliteConnection) => void;
  log?: (line: string) => void;
}

/**
 * A PrismaClient for `databaseUrl`: `file:<path>` for SQLite (relative paths are resolved against the
 * project root and the parent directory is created) or `postgresql://…` for PostgreSQL. Call
 * `$disconnect()` when done.
 */
export async function createPrismaClient(databaseUrl: string, options: PrismaClientOptions = {}): Promise<PrismaClient> {
  // The probe sits outside the guard: a statement it makes fail never reaches the database, as when the
  // connection drops before the statement is sent.
  const adapted = <F extends SqlDriverAdapterFactory>(factory: F): F => {
    const guarded = guardedTransactions(factory);
    return options.probe ? probedAdapterFactory(guarded, options.probe) : guarded;
  };
  if (isSqliteUrl(databaseUrl)) {
    const [{ PrismaBetterSqlite3 }, { PrismaClient: SqliteClient }] = await Promise.all([
      import('@prisma/adapter-better-sqlite3'),
      import('./generated/sqlite/client.ts'),
    ]);
    const factory = new PrismaBetterSqlite3({ url: prepareSqliteFile(databaseUrl), timeout: BUSY_TIMEOUT_MS });
    const connected = (adapter: SqlDriverAdapter) => {
      const connection = sqliteConnectionOf(adapter, options.probe, options.log);
      if (connection) options.onSqliteConnection?.(connection);
    };
    return new SqliteClient({ adapter: adapted(withPragmas(factory, connected)) });
  }
  if (isPostgresUrl(databaseUrl)) {
    const { createPostgresPrismaClient } = await import('./postgres-client.ts');
    return createPostgresPrismaClient(databaseUrl, adapted);
  }
  throw new Error(`Unsupported DATABASE_URL (use file:./path.db or postgresql://…): ${redact(databaseUrl)}`);
}

/** The better-sqlite3 adapter factory, with our pragmas run on every connection it opens (and `connected` told of it). */
function withPragmas<F extends SqlDriverAdapterFactory>(factory: F, connected: (adapter: SqlDriverAdapter) => void): F {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property !== 'connect') return Reflect.get(target, property, receiver);
      return async (): Promise<SqlDriverAdapter> => {
        const adapter = await target.connect();
        connected(adapter);
        try {
          await adapter.executeScript(CONNECTION_PRAGMAS);
        } catch (error) {
          await adapter.dispose();
          throw error;
        }
        return adapter;
      };
    },
  });
}
