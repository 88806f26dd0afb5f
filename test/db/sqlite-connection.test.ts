/**
 * The SQLite connection the app uses past Prisma's query engine (src/db/sqlite-connection.ts), against the real
 * Prisma better-sqlite3 adapter it patches: the adapter is the version the code was written for, statements
 * are prepared once and reused (through Prisma and directly), what is read directly reads as Prisma reads it,
 * and statements run directly belong to the unit of work's transaction.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppUnitOfWork } from '../../src/app/create-services.ts';
import { systemClock } from '../../src/core/clock.ts';
import { openDatabase, type OpenDatabase } from '../../src/db/open-database.ts';
import { rawSql } from '../../src/db/raw-sql.ts';
import { supportedAdapterVersion } from '../../src/db/sqlite-connection.ts';
import { loadProgram } from '../../src/program/load-program.ts';
import { tempDatabaseUrl, testDatabaseProvider, type TempDatabase } from '../support/temp-database.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

describe.skipIf(testDatabaseProvider !== 'sqlite')('the SQLite connection', () => {
  let temp: TempDatabase;
  let db: OpenDatabase;
  beforeEach(async () => {
    temp = tempDatabaseUrl();
    db = await openDatabase(temp.url);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await db.close();
    temp.cleanup();
  });
  const uow = (on: OpenDatabase = db) =>
    createAppUnitOfWork(on.prisma, {
      program: loadProgram('fy2021'),
      clock: systemClock,
      log: silent,
      flowTtlHours: 72,
      provider: on.provider,
      sqlite: on.sqlite,
    });

  it('is the adapter version the code was written for, pinned exactly in package.json', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(manifest.dependencies['@prisma/adapter-better-sqlite3']).toBe(supportedAdapterVersion);
    // Opened with it: the connection is there (with another version the app runs without it).
    expect(db.sqlite).toBeDefined();
  });

  it('prepares each statement once, whether Prisma runs it or the app runs it directly', async () => {
    // Watched before the connection is opened: the connection keeps a bound reference to `prepare`, which a
    // spy installed later would never see (and "no new statement" would then hold whatever the code did).
    const prepare = vi.spyOn(Database.prototype, 'prepare');
    const watched = await openDatabase(temp.url);
    try {
      const read = () => uow(watched).run((s) => s.people.findById(1));
      const direct = () => watched.sqlite!.query('SELECT COUNT(*) AS "n" FROM "Person" WHERE "id" > ?', [0]);
      const before = prepare.mock.calls.length;
      await read();
      direct();
      const afterFirst = prepare.mock.calls.length;
      // The spy sees the statements the first round prepared…
      expect(afterFirst).toBeGreaterThan(before);
      for (let i = 0; i < 20; i++) {
        await read();
        direct();
      }
      // …and no new one after that.
      expect(prepare.mock.calls.length).toBe(afterFirst);
    } finally {
      await watched.close();
    }
  });

  it('reads rows as Prisma does: numbers, dates for date columns, nulls, and dates written alike', async () => {
    const createdAt = new Date('2021-09-01T01:02:03.456Z');
    const person = await db.prisma.person.create({ data: { displayName: 'ann', createdAt } });
    const [row] = db.sqlite!.query<{ id: number; displayName: string; locale: string | null; createdAt: Date }>(
      'SELECT "id", "displayName", "locale", "createdAt" FROM "Person" WHERE "createdAt" = ?',
      [createdAt],
    );
    expect(row).toEqual({ id: person.id, displayName: 'ann', locale: null, createdAt });
    // Written directly, read by Prisma.
    db.sqlite!.execute('UPDATE "Person" SET "createdAt" = ? WHERE "id" = ?', [new Date('2021-09-02T00:00:00Z'), person.id]);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).createdAt).toEqual(new Date('2021-09-02T00:00:00Z'));
  });

  it('reads objects even from a statement Prisma last ran in raw mode', async () => {
    await db.prisma.person.create({ data: { displayName: 'bea' } });
    // The same SQL text through Prisma's adapter (which switches the shared statement to raw rows) and directly.
    const sql = 'SELECT "displayName" FROM "Person"';
    await db.prisma.$queryRawUnsafe(sql);
    expect(db.sqlite!.query(sql, [])).toEqual([{ displayName: 'bea' }]);
  });

  it('belongs to the unit of work: a turn that fails takes back what it wrote directly', async () => {
    const work = uow();
    await expect(
      work.run(async () => {
        const sql = rawSql(db.prisma, db.sqlite);
        await sql.execute`INSERT INTO "Person" ("displayName", "createdAt") VALUES (${'cat'}, ${new Date()})`;
        // Seen inside the turn…
        expect(await sql.query<{ n: number }>`SELECT COUNT(*) AS "n" FROM "Person"`).toEqual([{ n: 1 }]);
        throw new Error('the turn fails');
      }),
    ).rejects.toThrow('the turn fails');
    // …and gone with it.
    expect(await db.prisma.person.count()).toBe(0);
  });
});
