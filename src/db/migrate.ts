// Applies the SQL migrations under prisma/<provider>/migrations. The Prisma CLI cannot do it here (its
// native schema engine cannot be downloaded), so this runner does what `prisma migrate deploy` does and
// keeps the same bookkeeping in `_prisma_migrations` (same table, sha256 checksums, the timestamps each
// of Prisma's connectors writes), so the CLI agrees wherever it is available. It talks to the database
// through the drivers directly (better-sqlite3, pg): it must run before, and independently of, the
// app's PrismaClient. Several processes may start at once: SQLite serialises them with its write lock,
// PostgreSQL with Prisma Migrate's own advisory lock, so migrations are applied once.
import Database from 'better-sqlite3';
import type pg from 'pg';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isPostgresUrl, postgresSchemaOf, quoteIdentifier } from './postgres-url.ts';
import { isSqliteUrl, prepareSqliteFile, projectRoot, redact } from './sqlite-url.ts';

export type Provider = 'sqlite' | 'postgresql';

/** One migrations folder per provider: a generated client (and its SQL) is bound to one provider. */
export const migrationsDirs: Readonly<Record<Provider, string>> = {
  sqlite: path.join(projectRoot, 'prisma', 'sqlite', 'migrations'),
  postgresql: path.join(projectRoot, 'prisma', 'postgresql', 'migrations'),
};
export const migrationsDir = migrationsDirs.sqlite;

/** How long a process waits for another one that is applying migrations to the same database. */
export const MIGRATION_LOCK_TIMEOUT_MS = 60_000;

export interface MigrationFile {
  /** The directory name, e.g. `20250101000000_init`; also the `migration_name` recorded. */
  name: string;
  sql: string;
  checksum: string;
}

export type Log = (line: string) => void;

export interface ApplyOptions {
  /** Defaults to the provider's folder in {@link migrationsDirs}. */
  dir?: string;
  log?: Log;
}

/** A migration problem that needs a human: the message says what to do. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** What a database offers the runner: SQLite and PostgreSQL each lock and record in their own way. */
interface MigrationTarget {
  readonly provider: Provider;
  apply(migrations: readonly MigrationFile[], log: Log): Promise<string[]>;
}

/** sha256 hex of the script, exactly as Prisma Migrate computes `_prisma_migrations.checksum`. */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/**
 * Whether a script still matches a recorded checksum. Like Prisma, a change of line endings alone
 * (git's autocrlf on Windows) is not an edit.
 */
export function checksumMatches(sql: string, recorded: string): boolean {
  const variants = [sql, sql.replaceAll('\r\n', '\n'), sql.replaceAll('\n', '\r\n')];
  return variants.some((variant) => migrationChecksum(variant) === recorded);
}

/** The migrations in `dir`, in the order Prisma applies them (by directory name). */
export function readMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) throw new MigrationError(`No migrations directory at ${dir}`);
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return names.map((name) => {
    const file = path.join(dir, name, 'migration.sql');
    if (!existsSync(file)) throw new MigrationError(`Migration ${name} has no migration.sql (${file})`);
    const sql = readFileSync(file, 'utf8');
    return { name, sql, checksum: migrationChecksum(sql) };
  });
}

/** The provider named in `migration_lock.toml`, if the file exists. */
export function lockedProvider(dir: string): string | undefined {
  const file = path.join(dir, 'migration_lock.toml');
  if (!existsSync(file)) return undefined;
  return /^\s*provider\s*=\s*"([^"]*)"/m.exec(readFileSync(file, 'utf8'))?.[1];
}

export function providerOf(databaseUrl: string): Provider {
  if (isSqliteUrl(databaseUrl)) return 'sqlite';
  if (isPostgresUrl(databaseUrl)) return 'postgresql';
  throw new MigrationError(`Unsupported DATABASE_URL: ${redact(databaseUrl)}`);
}

function targetFor(databaseUrl: string): MigrationTarget {
  const provider = providerOf(databaseUrl);
  switch (provider) {
    case 'sqlite':
      return sqliteTarget(databaseUrl);
    case 'postgresql':
      return postgresTarget(databaseUrl);
  }
}

/**
 * Applies every migration not yet recorded in `_prisma_migrations`, each in its own transaction, and
 * returns the names applied (empty when up to date). Safe to call from several processes at once.
 * Throws {@link MigrationError} when an applied migration was edited or a migration failed earlier.
 */
export async function applyMigrations(databaseUrl: string, options: ApplyOptions = {}): Promise<string[]> {
  const target = targetFor(databaseUrl);
  const dir = options.dir ?? migrationsDirs[target.provider];
  const locked = lockedProvider(dir);
  if (locked !== undefined && locked !== target.provider) {
    throw new MigrationError(`${dir} holds ${locked} migrations, but DATABASE_URL is ${target.provider}`);
  }
  return target.apply(readMigrations(dir), options.log ?? (() => {}));
}

// ---- SQLite ----------------------------------------------------------------------------------

// Prisma's own definition for SQLite (sql-schema-connector), so the CLI finds the table it expects.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  /** SQLite: milliseconds (or text, if written by hand); PostgreSQL: a timestamptz. */
  finished_at: number | string | Date | null;
}

/** Rows Prisma takes into account: those marked rolled back (`migrate resolve`) are history only. */
function activeRows(db: Database.Database): Map<string, AppliedRow> {
  const rows = db
    .prepare(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
       WHERE rolled_back_at IS NULL ORDER BY started_at`,
    )
    .all() as AppliedRow[]; // the shape is fixed by the SELECT above
  return new Map(rows.map((row) => [row.migration_name, row]));
}

/** Throws unless `row` is a finished migration whose file is unchanged. */
function assertUnchanged(row: AppliedRow, migration: MigrationFile | undefined): void {
  if (row.finished_at === null) {
    throw new MigrationError(
      `Migration ${row.migration_name} failed or is still running in another process ` +
        `(_prisma_migrations.finished_at is empty). Fix the database by hand, then mark it with ` +
        `\`prisma migrate resolve --applied|--rolled-back ${row.migration_name}\` or delete that row.`,
    );
  }
  if (migration && !checksumMatches(migration.sql, row.checksum)) {
    throw new MigrationError(
      `Migration ${row.migration_name} was modified after it was applied ` +
        `(recorded checksum ${row.checksum}, file now ${migration.checksum}). ` +
        `Restore that migration.sql and put the change in a new migration (npm run db:migration:new -- <name>).`,
    );
  }
}

function sqliteTarget(databaseUrl: string): MigrationTarget {
  return {
    provider: 'sqlite',
    apply: async (migrations, log) => applySqlite(prepareSqliteFile(databaseUrl), migrations, log),
  };
}

function applySqlite(file: string, migrations: readonly MigrationFile[], log: Log): string[] {
  const db = new Database(file, { timeout: MIGRATION_LOCK_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    // Prisma's SQLite migrations rebuild tables (create new, copy, drop old, rename) with
    // `PRAGMA foreign_keys=OFF` inside the script, which SQLite ignores inside a transaction; so keys
    // are off for the whole run and checked with foreign_key_check before each commit instead.
    db.pragma('foreign_keys = OFF');

    const byName = new Map(migrations.map((m) => [m.name, m]));
    // BEGIN IMMEDIATE takes the write lock up front: a second process waits here (busy timeout)
    // instead of both reading "not applied" and then racing.
    const history = db
      .transaction(() => {
        db.exec(CREATE_MIGRATIONS_TABLE);
        return activeRows(db);
      })
      .immediate();
    // Refuse before changing anything if the recorded history does not match the files.
    for (const row of history.values()) assertUnchanged(row, byName.get(row.migration_name));
    for (const name of history.keys()) {
      if (!byName.has(name)) log(`warning: applied migration ${name} is not in the migrations directory`);
    }

    const applied: string[] = [];
    const insert = db.prepare(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
    );
    for (const migration of migrations) {
      const done = db
        .transaction((): boolean => {
          // Re-read under the lock: another process may have applied it since we looked.
          const row = activeRows(db).get(migration.name);
          if (row) {
            assertUnchanged(row, migration);
            return false;
          }
          const startedAt = Date.now();
          try {
            db.exec(migration.sql);
          } catch (error) {
            throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${String(error)}`, {
              cause: error,
            });
          }
          const violations = db.pragma('foreign_key_check') as unknown[]; // rows describe violations
          if (violations.length > 0) {
            throw new MigrationError(
              `Migration ${migration.name} leaves ${violations.length} foreign key violation(s); rolled back. ` +
                `First: ${JSON.stringify(violations[0])}`,
            );
          }
          insert.run(randomUUID(), migration.checksum, Date.now(), migration.name, startedAt);
          return true;
        })
        .immediate();
      if (done) {
        applied.push(migration.name);
        log(`applied ${migration.name}`);
      }
    }
    return applied;
  } finally {
    db.close();
  }
}

// ---- PostgreSQL ------------------------------------------------------------------------------

// Prisma's own definition for PostgreSQL (sql-schema-connector's postgres flavour).
const PG_CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * The session advisory lock Prisma Migrate takes ("a unique number we chose to identify Migrate"), so
 * this runner, other instances of it and `prisma migrate deploy` all wait for one another. Advisory
 * locks are per database, so databases sharing a server do not block each other.
 */
export const PRISMA_MIGRATE_ADVISORY_LOCK = 72707369;

/** SQLSTATE lock_not_available: lock_timeout expired. */
const LOCK_NOT_AVAILABLE = '55P03';

function postgresTarget(databaseUrl: string): MigrationTarget {
  return {
    provider: 'postgresql',
    async apply(migrations, log) {
      // One session for the whole run: a session advisory lock belongs to the connection holding it.
      // Not through a transaction-mode pooler (PgBouncer) for the same reason: point DATABASE_URL at
      // the server, or a session-mode pool, when migrating.
      // Loaded here, not at the top: a process on SQLite never needs the pg driver.
      const { default: driver } = await import('pg');
      const client = new driver.Client({ connectionString: databaseUrl, application_name: 'desk-migrate' });
      try {
        await client.connect();
      } catch (error) {
        throw new MigrationError(`Cannot connect to ${redact(databaseUrl)}: ${String(error)}`, { cause: error });
      }
      try {
        await lockMigrations(client, log);
        try {
          const schema = postgresSchemaOf(databaseUrl);
          if (schema !== undefined) {
            // As Prisma does for `?schema=`: the tables, and Prisma's bookkeeping, live in that schema.
            await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
            await client.query(`SET search_path TO ${quoteIdentifier(schema)}`);
          }
          return await applyPostgres(client, migrations, log);
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_ADVISORY_LOCK]).catch(() => {});
        }
      } finally {
        // Closing the session would release the lock anyway, even if the unlock above failed.
        await client.end().catch(() => {});
      }
    },
  };
}

/** Waits up to MIGRATION_LOCK_TIMEOUT_MS for another process that is migrating the same database. */
async function lockMigrations(client: pg.Client, log: Log): Promise<void> {
  const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [PRISMA_MIGRATE_ADVISORY_LOCK]);
  if (rows[0]?.locked) return;
  log('another process is applying migrations; waiting for it');
  await client.query(`SET lock_timeout = ${MIGRATION_LOCK_TIMEOUT_MS}`);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_ADVISORY_LOCK]);
  } catch (error) {
    if ((error as { code?: unknown }).code !== LOCK_NOT_AVAILABLE) throw error;
    throw new MigrationError(
      `Another process has held the migration lock (pg_advisory_lock(${PRISMA_MIGRATE_ADVISORY_LOCK})) ` +
        `for over ${MIGRATION_LOCK_TIMEOUT_MS / 1000} s. If no migration is running, find the session with ` +
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = ${PRISMA_MIGRATE_ADVISORY_LOCK}; ` +
        `and end it with SELECT pg_terminate_backend(<pid>);`,
      { cause: error },
    );
  } finally {
    await client.query('RESET lock_timeout');
  }
}

async function activePostgresRows(client: pg.Client): Promise<Map<string, AppliedRow>> {
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  return new Map(rows.map((row) => [row.migration_name, row]));
}

/** Under the advisory lock: nobody else is migrating this database while this runs. */
async function applyPostgres(client: pg.Client, migrations: readonly MigrationFile[], log: Log): Promise<string[]> {
  await client.query(PG_CREATE_MIGRATIONS_TABLE);
  const history = await activePostgresRows(client);
  const byName = new Map(migrations.map((m) => [m.name, m]));
  // Refuse before changing anything if the recorded history does not match the files.
  for (const row of history.values()) assertUnchanged(row, byName.get(row.migration_name));
  for (const name of history.keys()) {
    if (!byName.has(name)) log(`warning: applied migration ${name} is not in the migrations directory`);
  }

  const applied: string[] = [];
  for (const migration of migrations) {
    if (history.has(migration.name)) continue;
    // Unlike `prisma migrate deploy`, each migration and its record commit together (PostgreSQL DDL is
    // transactional), so a failed one leaves nothing behind to resolve by hand. The price: a migration
    // cannot use statements that refuse a transaction (CREATE INDEX CONCURRENTLY).
    await client.query('BEGIN');
    try {
      // No parameters: the simple query protocol runs the whole multi-statement script.
      await client.query(migration.sql);
      // The server's clock for both: now() is when this transaction began, clock_timestamp() the present.
      await client.query(
        `INSERT INTO "_prisma_migrations"
           (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
         VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${String(error)}`, { cause: error });
    }
    applied.push(migration.name);
    log(`applied ${migration.name}`);
  }
  return applied;
}
