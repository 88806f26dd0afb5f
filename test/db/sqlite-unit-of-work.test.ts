/**
 * The unit of work on SQLite (src/db/sqlite-unit-of-work.ts), on a real database file: the app begins and
 * commits the transaction itself, Prisma's interactive transaction is opened only when a turn uses Prisma's
 * query API and then inside the app's (savepoints included), a turn that fails takes back both kinds of
 * writes, and the connection is never lost to a turn that waits or holds it too long, or lent to a stranger.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommitHooks } from '../../src/core/unit-of-work.ts';
import { isTransientStorageError } from '../../src/core/transient-error.ts';
import { openDatabase, type OpenDatabase } from '../../src/db/open-database.ts';
import type { Db } from '../../src/db/prisma-client.ts';
import type { RawSql } from '../../src/db/raw-sql.ts';
import { StatementCounter } from '../../src/db/statement-probe.ts';
import { createSqliteUnitOfWork } from '../../src/db/sqlite-unit-of-work.ts';
import { tempDatabaseUrl, testDatabaseProvider, type TempDatabase } from '../support/temp-database.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

interface Scope {
  db: Db;
  sql: RawSql;
  hooks: CommitHooks;
}

describe.skipIf(testDatabaseProvider !== 'sqlite')('the unit of work on SQLite', () => {
  let temp: TempDatabase;
  let db: OpenDatabase;
  let counter: StatementCounter;
  beforeEach(async () => {
    temp = tempDatabaseUrl();
    counter = new StatementCounter();
    db = await openDatabase(temp.url, { probe: counter });
  });
  afterEach(async () => {
    await db.close();
    temp.cleanup();
  });
  const uow = (limits?: { maxWait: number; timeout: number }) =>
    createSqliteUnitOfWork<Scope>(db.prisma, db.sqlite!, silent, (tx, hooks, sql) => ({ db: tx, sql, hooks }), limits);
  const names = async () => (await db.prisma.person.findMany({ orderBy: { id: 'asc' } })).map((p) => p.displayName);
  const insert = (sql: RawSql, name: string) =>
    sql.execute`INSERT INTO "Person" ("displayName", "createdAt") VALUES (${name}, ${new Date()})`;

  it('runs a turn of hand-written SQL in one transaction the app begins and commits, without Prisma', async () => {
    counter.reset();
    await uow().run(async ({ sql }) => {
      await insert(sql, 'ann');
      await insert(sql, 'bea');
    });
    // BEGIN, two statements, COMMIT: nothing else reached the database (Prisma opened no transaction).
    expect({ ...counter }).toEqual({ statements: 4, transactions: 1, commits: 1 });
    expect(await names()).toEqual(['ann', 'bea']);
  });

  it('opens Prisma inside the same transaction when a turn uses it: one commit, savepoints nest', async () => {
    await uow().run(async ({ db: tx, sql }) => {
      await insert(sql, 'ann');
      // Prisma sees what the turn wrote directly: the same transaction.
      expect(await tx.person.count()).toBe(1);
      await tx.person.create({ data: { displayName: 'bea' } });
      // A nested transaction is a savepoint: its failure takes back only its own writes.
      await expect(
        tx.$transaction(async (inner) => {
          await inner.person.create({ data: { displayName: 'cat' } });
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
      await insert(sql, 'dan');
    });
    expect(await names()).toEqual(['ann', 'bea', 'dan']);
  });

  it('takes back what a failed turn wrote, directly and through Prisma, and runs no after-commit work', async () => {
    let told = false;
    await expect(
      uow().run(async ({ db: tx, sql, hooks }) => {
        hooks.afterCommit(() => {
          told = true;
        });
        await insert(sql, 'ann');
        await tx.person.create({ data: { displayName: 'bea' } });
        throw new Error('the turn fails');
      }),
    ).rejects.toThrow('the turn fails');
    expect(await names()).toEqual([]);
    expect(told).toBe(false);
    // The connection is free again: the next turn commits.
    await uow().run(({ sql }) => insert(sql, 'cat'));
    expect(await names()).toEqual(['cat']);
  });

  it('runs turns one at a time; one waiting longer than allowed is told "busy" and leaves nothing behind', async () => {
    const work = uow({ maxWait: 100, timeout: 5000 });
    let release!: () => void;
    const holding = work.run(async ({ sql }) => {
      await insert(sql, 'ann');
      await new Promise<void>((r) => {
        release = r;
      });
    });
    const waiting = work.run(({ sql }) => insert(sql, 'bea'));
    const refused = await waiting.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isTransientStorageError(refused)).toBe(true);
    release();
    await holding;
    expect(await names()).toEqual(['ann']);
    // The transaction the waiting turn was given late was ended: the connection works.
    await work.run(({ sql }) => insert(sql, 'cat'));
    expect(await names()).toEqual(['ann', 'cat']);
  });

  it('gives the connection back from a turn that holds it too long, and refuses that turn’s later statements', async () => {
    const work = uow({ maxWait: 5000, timeout: 100 });
    let later!: () => void;
    const stuck = work.run(async ({ db: tx, sql }) => {
      await insert(sql, 'ann');
      await new Promise<void>((r) => {
        later = r;
      });
      // Past its time: neither kind of statement runs (outside any transaction they would be kept).
      await expect(insert(sql, 'bea')).rejects.toThrow(/transaction has ended/);
      await expect(tx.person.create({ data: { displayName: 'cat' } })).rejects.toThrow();
    });
    // Meanwhile another turn gets the connection once the stuck one's time is up.
    await work.run(({ sql }) => insert(sql, 'dan'));
    later();
    await expect(stuck).rejects.toThrow(/transaction has ended/);
    expect(await names()).toEqual(['dan']);
  });

  it('never lends a turn’s transaction to anyone else opening one meanwhile (the health probe, a script)', async () => {
    let pinged: Promise<void> | undefined;
    let stranger: Promise<unknown> | undefined;
    const turn = uow().run(async ({ db: tx, sql }) => {
      await insert(sql, 'ann');
      // Both ask while the turn holds the connection, just before the turn opens Prisma's part: they wait.
      pinged = db.health.ping();
      stranger = db.prisma.$transaction((other) => other.person.create({ data: { displayName: 'eve' } }));
      await tx.person.create({ data: { displayName: 'bea' } });
      await new Promise((r) => setTimeout(r, 50));
      throw new Error('the turn fails');
    });
    await expect(turn).rejects.toThrow('the turn fails');
    await expect(pinged).resolves.toBeUndefined();
    await stranger;
    // The turn's writes are gone with it; the stranger's own transaction committed after it.
    expect(await names()).toEqual(['eve']);
  });
});
