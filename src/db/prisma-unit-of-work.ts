/**
 * The unit of work on Prisma: one interactive transaction per run, the scope's repositories built on its
 * client, after-commit callbacks run once it committed. PostgreSQL's (and SQLite's when the adapter is not
 * the version sqlite-connection.ts was written for; otherwise see sqlite-unit-of-work.ts). Every database
 * access of the app goes through a unit of work, not only turns: on SQLite the app has one connection, and a
 * statement sent outside a transaction while a turn's transaction is open would become part of it (and be
 * rolled back with it); transactions wait for each other instead.
 */
import type { Logger } from '../core/ports.ts';
import type { CommitHooks, UnitOfWork } from '../core/unit-of-work.ts';
import type { Db, PrismaClient } from './prisma-client.ts';

/**
 * maxWait: how long a turn may wait for the database (SQLite runs one transaction at a time per process,
 * so under a burst turns queue here). timeout: a turn that holds its transaction longer is broken.
 */
export const transactionOptions = { maxWait: 10_000, timeout: 20_000 };

export function createUnitOfWork<Scope>(
  prisma: PrismaClient,
  scopeFor: (db: Db, hooks: CommitHooks) => Scope,
  log: Logger,
): UnitOfWork<Scope> {
  return {
    async run(work) {
      const { hooks, committed } = afterCommitHooks(log);
      const result = await prisma.$transaction((tx) => work(scopeFor(tx, hooks)), transactionOptions);
      committed();
      return result;
    },
  };
}

/** The hooks a transaction's scope gets; `committed()` runs what they registered (a failing callback is only logged). */
export function afterCommitHooks(log: Logger): { hooks: CommitHooks; committed: () => void } {
  const callbacks: (() => void)[] = [];
  return {
    hooks: { afterCommit: (callback) => callbacks.push(callback) },
    committed() {
      for (const callback of callbacks) {
        try {
          callback();
        } catch (e) {
          log.warn({ err: e }, 'after-commit callback failed');
        }
      }
    },
  };
}
