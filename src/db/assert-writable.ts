// Refuses to start on a SQLite database the process cannot write, with the path and the fix. Without this a
// read-only file starts "fine" (SQLite quietly opens it read-only), /healthz used to say up, and every
// message then failed. The check is the real thing, not a permission bit test (root ignores those): it
// creates a file beside the database, as SQLite's WAL mode must (the `-wal` and `-shm` files live in the
// same folder), and writes to the database in a transaction it rolls back.
import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { isSqliteUrl, MEMORY, sqlitePathFromUrl } from './sqlite-url.ts';

/** The database cannot be written by this process; the message names the path and the fix. */
export class DatabaseNotWritableError extends Error {
  override name = 'DatabaseNotWritableError';
}

function who(): string {
  const uid = process.getuid?.();
  return uid === undefined ? 'the user running the bot' : `the user running the bot (uid ${uid})`;
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}

/** Throws {@link DatabaseNotWritableError} unless the SQLite database of `databaseUrl` can be written. No-op for PostgreSQL. */
export function assertDatabaseWritable(databaseUrl: string): void {
  if (!isSqliteUrl(databaseUrl)) return;
  const file = sqlitePathFromUrl(databaseUrl);
  if (file === MEMORY) return;
  const dir = path.dirname(file);
  const fix = `give ${who()} write access to the file and to its folder ${dir} (SQLite writes ${path.basename(file)}-wal and ${path.basename(file)}-shm beside it), or set DATABASE_URL to a writable place`;

  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new DatabaseNotWritableError(
      `the database folder ${dir} cannot be created (${reasonOf(error)}): create it for ${who()}, or set DATABASE_URL to a writable place`,
    );
  }

  const probe = path.join(dir, `.${path.basename(file)}.write-check-${process.pid}`);
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (error) {
    throw new DatabaseNotWritableError(`the database folder ${dir} is not writable (${reasonOf(error)}): ${fix}`);
  }

  let db: Database.Database | undefined;
  try {
    // A file that cannot be opened for writing is opened read-only without a word, and in WAL mode even
    // BEGIN IMMEDIATE succeeds on it: only a statement that writes tells, so write one and roll it back.
    db = new Database(file, { timeout: 5_000 });
    db.exec('BEGIN IMMEDIATE; CREATE TABLE "_desk_write_check" ("x"); ROLLBACK');
  } catch (error) {
    if (db?.inTransaction) db.exec('ROLLBACK');
    const busy = /SQLITE_BUSY|database is locked/i.test(reasonOf(error));
    // Another process holding the write lock for seconds is not a permission problem; the migration runner waits longer.
    if (!busy) throw new DatabaseNotWritableError(`the database ${file} cannot be written (${reasonOf(error)}): ${fix}`);
  } finally {
    db?.close();
  }
}
