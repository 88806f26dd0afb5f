// What `GET /healthz` asks the database. Answering `SELECT 1` is not enough: a SQLite file deleted under the
// running server still answers (every write then goes to an unlinked file, lost at the next restart), and a
// read-only database answers reads while every write fails. So the probe checks, in this order, that the
// SQLite file at the configured path is still the one the server opened, and that the database accepts a
// write statement (one that changes nothing).
import { statSync } from 'node:fs';
import type { DatabaseHealth } from '../core/ports.ts';
import type { PrismaClient } from './prisma-client.ts';
import type { SqliteConnection } from './sqlite-connection.ts';
import { isSqliteUrl, MEMORY, sqlitePathFromUrl } from './sqlite-url.ts';

export type UnhealthyReason = 'file-replaced' | 'read-only' | 'unreachable';

/** Why the database cannot do its job; `reason` is what /healthz reports, the message what the log says. */
export class DatabaseUnhealthy extends Error {
  override name = 'DatabaseUnhealthy';
  constructor(
    readonly reason: UnhealthyReason,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

// A write statement that changes no row: SQLite and PostgreSQL still take the write path (SQLite begins a
// write transaction, PostgreSQL refuses UPDATE in a read-only transaction or on a standby), so a database
// that cannot be written fails it. `_prisma_migrations` exists wherever the migrations ran.
const WRITE_PROBE = 'UPDATE "_prisma_migrations" SET "logs" = "logs" WHERE 1 = 0';

/** How long the probe waits for the database behind the turns using it (Prisma's default for a transaction). */
const probeMaxWaitMs = 2000;

/** Whether an error from either driver says the database refuses writes (not that it is unreachable). */
export function isReadOnlyError(error: unknown): boolean {
  const text = errorText(error);
  // SQLite: SQLITE_READONLY* ("attempt to write a readonly database"); PostgreSQL: SQLSTATE 25006
  // read_only_sql_transaction ("cannot execute UPDATE in a read-only transaction"), also on a hot standby.
  return /SQLITE_READONLY|readonly database|read-only transaction|25006/i.test(text);
}

function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof Error) parts.push(e.message);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') parts.push(code);
    const original = (e as { meta?: { driverAdapterError?: unknown } }).meta?.driverAdapterError;
    if (original) parts.push(JSON.stringify(original, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  }
  return parts.join(' | ');
}

interface FileIdentity {
  dev: number;
  ino: number;
}

function identityOf(file: string): FileIdentity | undefined {
  try {
    const { dev, ino } = statSync(file);
    return { dev, ino };
  } catch {
    return undefined;
  }
}

/**
 * The health probe for a database the server has just opened (call it after `$connect()`, so the SQLite file
 * it records is the one the connection holds).
 */
export function createHealthProbe(
  databaseUrl: string,
  prisma: Pick<PrismaClient, '$transaction'>,
  sqlite?: SqliteConnection,
): DatabaseHealth {
  const file = isSqliteUrl(databaseUrl) ? sqlitePathFromUrl(databaseUrl) : undefined;
  const opened = file && file !== MEMORY ? identityOf(file) : undefined;
  return {
    async ping() {
      if (file && opened) {
        const now = identityOf(file);
        if (!now || now.dev !== opened.dev || now.ino !== opened.ino) {
          throw new DatabaseUnhealthy(
            'file-replaced',
            `the database file ${file} was ${now ? 'replaced' : 'deleted'} while the server had it open: what the server writes now is lost ` +
              'at the next restart; restore the file (from a backup) and restart the server',
          );
        }
      }
      try {
        // In a transaction of its own, like every access of the app: on SQLite's one connection a statement
        // beside a turn's open transaction would become part of it. Waiting at most 2 s, as Prisma's default.
        if (sqlite) await sqlite.transactions.run(probeMaxWaitMs, async () => sqlite.execute(WRITE_PROBE, []));
        else await prisma.$transaction((tx) => tx.$executeRawUnsafe(WRITE_PROBE), { maxWait: probeMaxWaitMs });
      } catch (error) {
        if (isReadOnlyError(error)) {
          throw new DatabaseUnhealthy('read-only', `the database refuses writes: ${lastLine(error)}`, { cause: error });
        }
        throw new DatabaseUnhealthy('unreachable', `the database does not answer: ${lastLine(error)}`, { cause: error });
      }
    },
  };
}

function lastLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().split('\n').at(-1)!.trim();
}
