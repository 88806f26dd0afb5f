// The migrations, the runner and the schema stay in step: the SQL under prisma/sqlite/migrations builds
// exactly the schema, and the runner keeps the bookkeeping Prisma Migrate expects.
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, MigrationError, migrationsDir } from '../../src/db/migrate.ts';
import { createPrismaClient } from '../../src/db/prisma-client.ts';
import { projectRoot, sqlitePathFromUrl } from '../../src/db/sqlite-url.ts';
import { openSqliteSchemaEngine, readMigrationList, readSchemaFiles } from '../../scripts/db/schema-engine.ts';

const schemaPath = path.join(projectRoot, 'prisma', 'sqlite', 'schema.prisma');
const tmp = mkdtempSync(path.join(tmpdir(), 'desk-migrations-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let counter = 0;
/** A fresh database file outside the repository. */
function freshUrl(): { url: string; file: string } {
  const file = path.join(tmp, `db-${++counter}.sqlite`);
  return { url: `file:${file}`, file };
}

const migrationNames = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

interface Row {
  id: string;
  checksum: string;
  finished_at: number | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: number | null;
  started_at: number;
  applied_steps_count: number;
}

function rows(file: string): Row[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT * FROM "_prisma_migrations" ORDER BY migration_name').all() as Row[]; // SELECT * of a known table
  } finally {
    db.close();
  }
}

describe('SQLite migrations', () => {
  it('has at least the initial migration and a lock file for sqlite', () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    expect(readFileSync(path.join(migrationsDir, 'migration_lock.toml'), 'utf8')).toMatch(/provider = "sqlite"/);
  });

  it('build exactly the schema (no drift)', async () => {
    const { url, file } = freshUrl();
    expect(await applyMigrations(url)).toEqual(migrationNames);

    const files = readSchemaFiles(schemaPath);
    const engine = await openSqliteSchemaEngine(schemaPath, file);
    try {
      // The database the runner built, against the schema.
      expect(await engine.diff({ tag: 'schemaDatasource', files, configDir: projectRoot }, { tag: 'schemaDatamodel', files })).toBeNull();
      // The migrations replayed by the engine itself: what db:migration:new would see.
      expect(await engine.diff({ tag: 'migrations', ...readMigrationList(migrationsDir) }, { tag: 'schemaDatamodel', files })).toBeNull();
    } finally {
      engine.close();
    }
  }, 60_000);

  it('records Prisma bookkeeping that Prisma Migrate accepts, and applies nothing twice', async () => {
    const { url, file } = freshUrl();
    const before = Date.now();
    await applyMigrations(url);

    const recorded = rows(file);
    expect(recorded.map((r) => r.migration_name)).toEqual(migrationNames);
    for (const row of recorded) {
      const sql = readFileSync(path.join(migrationsDir, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeGreaterThanOrEqual(row.started_at);
      expect(row.started_at).toBeGreaterThanOrEqual(before);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }

    expect(await applyMigrations(url)).toEqual([]);
    expect(rows(file)).toEqual(recorded);

    // Prisma's own engine reads the table the way `prisma migrate deploy|status` would.
    const engine = await openSqliteSchemaEngine(schemaPath, file);
    try {
      expect(await engine.diagnose(readMigrationList(migrationsDir))).toMatchObject({
        hasMigrationsTable: true,
        editedMigrationNames: [],
        failedMigrationNames: [],
        history: null,
      });
    } finally {
      engine.close();
    }
  }, 60_000);

  it('refuses to run when an applied migration was modified', async () => {
    const dir = path.join(tmp, 'edited-migrations');
    cpSync(migrationsDir, dir, { recursive: true });
    const { url, file } = freshUrl();
    await applyMigrations(url, { dir });

    const first = path.join(dir, migrationNames[0] ?? '', 'migration.sql');
    const original = readFileSync(first, 'utf8');
    // Line endings alone (git autocrlf) are not an edit, as in Prisma.
    writeFileSync(first, original.replaceAll('\n', '\r\n'));
    expect(await applyMigrations(url, { dir })).toEqual([]);

    writeFileSync(first, `${original}\nCREATE TABLE "Sneaky" ("id" INTEGER);\n`);
    const attempt = applyMigrations(url, { dir });
    await expect(attempt).rejects.toThrow(MigrationError);
    await expect(attempt).rejects.toThrow(/was modified after it was applied/);
    expect(rows(file)).toHaveLength(migrationNames.length);
  });

  it('rolls back a failing migration and records nothing for it', async () => {
    const dir = path.join(tmp, 'failing-migrations');
    cpSync(migrationsDir, dir, { recursive: true });
    const bad = path.join(dir, '99991231235959_broken');
    mkdirSync(bad);
    writeFileSync(path.join(bad, 'migration.sql'), 'CREATE TABLE "Half" ("id" INTEGER);\nTHIS IS NOT SQL;\n');
    const { url, file } = freshUrl();

    await expect(applyMigrations(url, { dir })).rejects.toThrow(/99991231235959_broken failed and was rolled back/);
    expect(rows(file).map((r) => r.migration_name)).toEqual(migrationNames);
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'Half'`).all()).toEqual([]);
    db.close();
  });

  it('is safe when two processes migrate the same database at once', async () => {
    const { url, file } = freshUrl();
    const run = promisify(execFile);
    const script = path.join(projectRoot, 'scripts', 'db', 'migrate.ts');
    const env = { ...process.env, DATABASE_URL: url };
    const both = await Promise.all([0, 1].map(() => run(process.execPath, ['--import', 'tsx', script], { cwd: projectRoot, env })));
    expect(both.map((r) => r.stdout).join('')).toMatch(/applied/);
    expect(rows(file).map((r) => r.migration_name)).toEqual(migrationNames);
  }, 60_000);
});

describe('createPrismaClient', () => {
  it('resolves relative file: URLs against the project root, not the current directory', () => {
    expect(sqlitePathFromUrl('file:./data/desk.db')).toBe(path.join(projectRoot, 'data', 'desk.db'));
    expect(sqlitePathFromUrl('file:/abs/x.db?connection_limit=1')).toBe('/abs/x.db');
    expect(sqlitePathFromUrl('file:///abs/y.db')).toBe('/abs/y.db');
  });

  it('creates the directory and connects with WAL, a busy timeout and foreign keys on', async () => {
    const file = path.join(tmp, 'client', 'nested', 'desk.sqlite');
    await applyMigrations(`file:${file}`);
    const prisma = await createPrismaClient(`file:${file}`);
    try {
      expect(await prisma.$queryRawUnsafe('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await prisma.$queryRawUnsafe('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1n }]);
      expect(await prisma.$queryRawUnsafe('PRAGMA busy_timeout')).toEqual([{ timeout: 5000n }]);
      await expect(
        prisma.identity.create({ data: { key: 'console:x', personId: 999, platform: 'console', userId: 'x' } }),
      ).rejects.toMatchObject({ code: 'P2003' });
    } finally {
      await prisma.$disconnect();
    }
  });
});
