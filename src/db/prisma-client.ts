// The one place that builds a PrismaClient. Prisma 7 talks to the database through a driver adapter:
// better-sqlite3 for `file:` URLs (the default), @prisma/adapter-pg for `postgresql://` URLs. The
// SQLite adapter opens the file itself, so the connection settings the app relies on are applied here,
// on every connection it opens.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import { PrismaClient } from './generated/sqlite/client.ts';
import { isPostgresUrl } from './postgres-url.ts';
import { isSqliteUrl, prepareSqliteFile, redact } from './sqlite-url.ts';
import { reusePreparedStatements } from './statement-cache.ts';

export type { PrismaClient };

/** How long a connection waits for another writer (another process, or the migration runner). */
export const BUSY_TIMEOUT_MS = 5000;

// WAL lets readers proceed while one process writes (several bot instances may share the file).
// foreign_keys is per connection and off by default in SQLite; the schema relies on it.
// busy_timeout is also given to better-sqlite3 as `timeout`, so it is already in force while
// switching to WAL, which itself needs a lock.
const CONNECTION_PRAGMAS = [
  'PRAGMA journal_mode = WAL;',
  `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS};`,
  'PRAGMA foreign_keys = ON;',
].join('\n');

/** The better-sqlite3 adapter, with our pragmas run on every connection it opens. */
class ConfiguredBetterSqlite3 extends PrismaBetterSqlite3 {
  override async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    reusePreparedStatements(adapter);
    try {
      await adapter.executeScript(CONNECTION_PRAGMAS);
    } catch (error) {
      await adapter.dispose();
      throw error;
    }
    return adapter;
  }
}

/**
 * A PrismaClient for `databaseUrl`: `file:<path>` for SQLite (relative paths are resolved against the
 * project root and the parent directory is created) or `postgresql://…` for PostgreSQL, whose driver is
 * loaded only then (postgres-client.ts). Call `$disconnect()` when done.
 */
export async function createPrismaClient(databaseUrl: string): Promise<PrismaClient> {
  if (isSqliteUrl(databaseUrl)) {
    const file = prepareSqliteFile(databaseUrl);
    const adapter = new ConfiguredBetterSqlite3({ url: file, timeout: BUSY_TIMEOUT_MS });
    return new PrismaClient({ adapter });
  }
  if (isPostgresUrl(databaseUrl)) {
    const { createPostgresPrismaClient } = await import('./postgres-client.ts');
    return createPostgresPrismaClient(databaseUrl);
  }
  throw new Error(`Unsupported DATABASE_URL (use file:./path.db or postgresql://…): ${redact(databaseUrl)}`);
}
