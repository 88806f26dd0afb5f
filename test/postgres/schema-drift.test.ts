// PostgreSQL stays in step with SQLite: its schema is the SQLite schema's models verbatim, and its
// migrations build exactly that schema, with the bookkeeping and locking Prisma Migrate expects.
// The first part needs no server; the rest runs on TEST_DATABASE_URL (npm run test:postgres, CI).
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, migrationChecksum, MigrationError, migrationsDirs, PRISMA_MIGRATE_ADVISORY_LOCK } from '../../src/db/migrate.ts';
import { createPrismaClient } from '../../src/db/prisma-client.ts';
import { projectRoot } from '../../src/db/sqlite-url.ts';
import { derivePostgresSchema, modelsOf, postgresSchemaPath, sqliteSchemaPath } from '../../scripts/db/derive-postgres-schema.ts';
import { openPostgresSchemaEngine, readMigrationList, readSchemaFiles } from '../../scripts/db/schema-engine.ts';
import { tempDatabaseUrl, testPostgresUrl, type TempDatabase } from '../support/temp-database.ts';

const sqliteSchema = readFileSync(sqliteSchemaPath, 'utf8');
const postgresSchema = readFileSync(postgresSchemaPath, 'utf8');
const pgMigrations = migrationsDirs.postgresql;
const migrationNames = readdirSync(pgMigrations, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('the PostgreSQL schema', () => {
  it('has exactly the models of the SQLite schema', () => {
    expect(modelsOf(postgresSchema)).toBe(modelsOf(sqliteSchema));
  });

  it('is what scripts/db/derive-postgres-schema.ts makes of the SQLite schema (run npm run db:migration:new)', () => {
    expect(postgresSchema).toBe(derivePostgresSchema(sqliteSchema));
    expect(postgresSchema).toMatch(/provider\s*=\s*"postgresql"/);
    expect(postgresSchema).toMatch(/output\s*=\s*"[^"]*\/generated\/postgresql"/);
  });

  it('has migrations locked to postgresql', () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    expect(readFileSync(path.join(pgMigrations, 'migration_lock.toml'), 'utf8')).toMatch(/provider = "postgresql"/);
  });
});

const server = testPostgresUrl();
if (!server) {
  console.info(
    'test/postgres: no TEST_DATABASE_URL, so the PostgreSQL migration tests are skipped; `npm run test:postgres` runs them on a throwaway server.',
  );
}

const temps: TempDatabase[] = [];
function freshDatabase(): string {
  const temp = tempDatabaseUrl();
  temps.push(temp);
  return temp.url;
}
const tmp = mkdtempSync(path.join(tmpdir(), 'desk-pg-migrations-'));
afterAll(() => {
  for (const temp of temps) temp.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

interface Row {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

const rows = (url: string) =>
  withClient(url, async (c) => (await c.query<Row>('SELECT * FROM "_prisma_migrations" ORDER BY migration_name')).rows);
const tableExists = (url: string, table: string) =>
  withClient(url, async (c) => (await c.query('SELECT to_regclass($1) AS t', [`"${table}"`])).rows[0]?.t !== null);

describe.skipIf(!server)('PostgreSQL migrations on a server (skipped without TEST_DATABASE_URL; npm run test:postgres)', () => {
  const files = readSchemaFiles(postgresSchemaPath);

  it('build exactly the schema (no drift), whether applied by the runner or replayed by Prisma', async () => {
    const url = freshDatabase();
    expect(await applyMigrations(url)).toEqual(migrationNames);
    const engine = await openPostgresSchemaEngine(files, url);
    try {
      // The database the runner built, against the schema.
      expect(await engine.diff({ tag: 'schemaDatasource', files, configDir: projectRoot }, { tag: 'schemaDatamodel', files })).toBeNull();
      // The migrations replayed by the engine in a shadow database: what db:migration:new would see.
      expect(await engine.diff({ tag: 'migrations', ...readMigrationList(pgMigrations) }, { tag: 'schemaDatamodel', files })).toBeNull();
    } finally {
      engine.close();
    }
  }, 120_000);

  it('records Prisma bookkeeping that Prisma Migrate accepts, and applies nothing twice', async () => {
    const url = freshDatabase();
    const before = Date.now();
    await applyMigrations(url);

    const recorded = await rows(url);
    expect(recorded.map((r) => r.migration_name)).toEqual(migrationNames);
    for (const row of recorded) {
      expect(row.checksum).toBe(migrationChecksum(readFileSync(path.join(pgMigrations, row.migration_name, 'migration.sql'), 'utf8')));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.started_at.getTime()).toBeGreaterThanOrEqual(before - 1000); // server and client clocks may differ slightly
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime() - 1000);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await applyMigrations(url)).toEqual([]);
    expect(await rows(url)).toEqual(recorded);

    const engine = await openPostgresSchemaEngine(files, url);
    try {
      expect(await engine.diagnose(readMigrationList(pgMigrations))).toMatchObject({
        hasMigrationsTable: true,
        editedMigrationNames: [],
        failedMigrationNames: [],
        history: null,
      });
    } finally {
      engine.close();
    }
  }, 120_000);

  it('refuses to run when an applied migration was modified', async () => {
    const dir = path.join(tmp, 'edited');
    cpSync(pgMigrations, dir, { recursive: true });
    const url = freshDatabase();
    await applyMigrations(url, { dir });
    const first = path.join(dir, migrationNames[0] ?? '', 'migration.sql');
    writeFileSync(first, `${readFileSync(first, 'utf8')}\nCREATE TABLE "Sneaky" ("id" INTEGER);\n`);
    await expect(applyMigrations(url, { dir })).rejects.toThrow(/was modified after it was applied/);
    expect(await tableExists(url, 'Sneaky')).toBe(false);
  });

  it('rolls back a failing migration and records nothing for it', async () => {
    const dir = path.join(tmp, 'failing');
    cpSync(pgMigrations, dir, { recursive: true });
    mkdirSync(path.join(dir, '99991231235959_broken'));
    writeFileSync(path.join(dir, '99991231235959_broken', 'migration.sql'), 'CREATE TABLE "Half" ("id" INTEGER);\nTHIS IS NOT SQL;\n');
    const url = freshDatabase();

    const attempt = applyMigrations(url, { dir });
    await expect(attempt).rejects.toThrow(MigrationError);
    await expect(attempt).rejects.toThrow(/99991231235959_broken failed and was rolled back/);
    expect((await rows(url)).map((r) => r.migration_name)).toEqual(migrationNames);
    expect(await tableExists(url, 'Half')).toBe(false);
  });

  it("waits for Prisma Migrate's advisory lock held by another session, then applies", async () => {
    const url = freshDatabase();
    await withClient(url, async (holder) => {
      await holder.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_ADVISORY_LOCK]);
      const applying = applyMigrations(url);
      // The runner's session shows up as waiting for the same lock (polled; no timing assumed).
      let waiting = false;
      for (let i = 0; i < 300 && !waiting; i++) {
        const { rows: locks } = await holder.query(
          `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          [PRISMA_MIGRATE_ADVISORY_LOCK],
        );
        waiting = locks.length > 0;
        if (!waiting) await new Promise((r) => setTimeout(r, 50));
      }
      expect(waiting).toBe(true);
      expect(await tableExists(url, 'Person')).toBe(false);
      await holder.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_ADVISORY_LOCK]);
      expect(await applying).toEqual(migrationNames);
    });
  }, 60_000);

  it('is applied once when several processes start on the same database at once', async () => {
    const url = freshDatabase();
    const script = path.join(projectRoot, 'scripts', 'db', 'migrate.ts');
    const run = promisify(execFile);
    const all = await Promise.all(
      [0, 1, 2].map(() =>
        run(process.execPath, ['--import', 'tsx', script], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: url } }),
      ),
    );
    const outputs = all.map((r) => r.stdout);
    expect(outputs.filter((o) => /applied \d+ migration/.test(o))).toHaveLength(1);
    expect(outputs.filter((o) => /is up to date/.test(o))).toHaveLength(2);
    expect((await rows(url)).map((r) => r.migration_name)).toEqual(migrationNames);
  }, 120_000);

  it('keeps the tables in the schema named by ?schema=, like Prisma', async () => {
    const url = `${freshDatabase()}?schema=desk_app`;
    expect(await applyMigrations(url)).toEqual(migrationNames);
    const prisma = await createPrismaClient(url);
    try {
      await prisma.person.create({ data: { displayName: 'x' } });
      expect(await prisma.person.count()).toBe(1);
    } finally {
      await prisma.$disconnect();
    }
    const inSchema = await withClient(url, async (c) =>
      (await c.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'desk_app' ORDER BY 1`)).rows.map(
        (r: { table_name: string }) => r.table_name,
      ),
    );
    expect(inSchema).toContain('Person');
    expect(inSchema).toContain('_prisma_migrations');
  }, 60_000);
});
