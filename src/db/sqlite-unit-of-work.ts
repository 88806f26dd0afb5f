/**
 * The unit of work on SQLite: the app begins and ends each transaction on its one connection itself
 * (sqlite-transactions.ts), and the turn's hand-written SQL runs in it directly. Prisma's interactive
 * transaction is opened only when the turn first uses Prisma's query API, and then inside the app's
 * transaction (lent to it: Prisma sends no BEGIN or COMMIT of its own). Its bookkeeping (timers, a proxied
 * client, tracing, a queue per transaction) cost a busy turn such as `/hours`, which needs none of it, as
 * much processor time and garbage as the turn's SQL.
 *
 * Same promises as the Prisma unit of work: the whole turn commits or nothing does, callbacks run after the
 * commit, a turn waits at most `maxWaitMs` for the connection and holds it at most `timeoutMs`.
 */
import type { Logger } from '../core/ports.ts';
import type { CommitHooks, UnitOfWork } from '../core/unit-of-work.ts';
import type { Db, PrismaClient } from './prisma-client.ts';
import type { RawSql } from './raw-sql.ts';
import { rawSql } from './raw-sql.ts';
import type { SqliteConnection } from './sqlite-connection.ts';
import { lendingIsolationLevel, type AppTransaction, type SqliteTransactions } from './sqlite-transactions.ts';
import { afterCommitHooks, transactionOptions } from './prisma-unit-of-work.ts';

export function createSqliteUnitOfWork<Scope>(
  prisma: PrismaClient,
  connection: SqliteConnection,
  log: Logger,
  scopeFor: (db: Db, hooks: CommitHooks, sql: RawSql) => Scope,
  { maxWait, timeout } = transactionOptions,
): UnitOfWork<Scope> {
  const { transactions } = connection;
  return {
    async run(work) {
      const { hooks, committed } = afterCommitHooks(log);
      const result = await transactions.run(maxWait, async (held) => {
        const prismaPart = new LentPrismaTransaction(prisma, transactions, held);
        // A turn stuck past its time gives the connection back; its later statements are refused (see HeldTransaction).
        const expiry = setTimeout(() => void held.rollback(`held longer than ${timeout} ms`), timeout);
        try {
          const value = await work(scopeFor(prismaPart.db, hooks, rawSql(prismaPart.db, connection, held)));
          await prismaPart.end(true);
          return value;
        } catch (e) {
          await prismaPart.end(false);
          throw e;
        } finally {
          clearTimeout(expiry);
        }
      });
      committed();
      return result;
    },
  };
}

/**
 * Prisma's interactive transaction inside the app's, opened on first use: `db` has the methods of Prisma's
 * transaction client (`db.hourEntry.findMany(…)`, `db.$queryRaw`, `db.$transaction` for a savepoint), each
 * of which first waits for it to be open.
 */
class LentPrismaTransaction {
  private opened: { client: Promise<Db>; finish: (ok: boolean) => void; closed: Promise<unknown> } | undefined;
  readonly db: Db;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly transactions: SqliteTransactions,
    private readonly held: AppTransaction,
  ) {
    type Methods = Record<string, (...args: unknown[]) => unknown>;
    // `method` of what `owner` picks from Prisma's transaction client, called once that client exists.
    const forward =
      (owner: (tx: Db) => unknown, method: string) =>
      (...args: unknown[]) =>
        this.client().then((tx) => {
          const target = owner(tx) as Methods;
          return target[method]!.apply(target, args);
        });
    // A stand-in typed as the client it stands for: every method Prisma's transaction client has, reached
    // through it, is forwarded (models are objects of methods; `$…` are methods of the client).
    this.db = new Proxy({} as Db, {
      get: (_target, name) => {
        if (typeof name !== 'string') return undefined;
        if (name.startsWith('$')) return forward((tx) => tx, name);
        return new Proxy(
          {},
          {
            get: (_m, method) =>
              typeof method === 'string' ? forward((tx) => (tx as unknown as Record<string, unknown>)[name], method) : undefined,
          },
        );
      },
    });
  }

  private client(): Promise<Db> {
    if (!this.opened) {
      this.held.assertOpen();
      let finish!: (ok: boolean) => void;
      const ended = new Promise<boolean>((resolve) => {
        finish = resolve;
      });
      let resolveClient!: (db: Db) => void;
      let rejectClient!: (e: unknown) => void;
      const client = new Promise<Db>((resolve, reject) => {
        resolveClient = resolve;
        rejectClient = reject;
      });
      this.transactions.lend(this.held);
      const closed = this.prisma
        .$transaction(
          async (tx) => {
            this.transactions.stopLending();
            resolveClient(tx);
            // Prisma's transaction lasts until the turn ends; a failed turn makes Prisma "roll back" (nothing is sent).
            if (!(await ended)) throw new Error('the turn failed');
          },
          // Asked for as the borrower (see sqlite-transactions.ts). The app's transaction keeps the time limit;
          // Prisma's inside it must not end first.
          { isolationLevel: lendingIsolationLevel, maxWait: 2 ** 31 - 1, timeout: 2 ** 31 - 1 },
        )
        .catch((e: unknown) => {
          this.transactions.stopLending();
          rejectClient(e);
        });
      this.opened = { client, finish, closed };
    }
    return this.opened.client;
  }

  /** Ends Prisma's transaction (if it was opened) before the app's commits or rolls back. */
  async end(ok: boolean): Promise<void> {
    if (!this.opened) return;
    this.opened.finish(ok);
    await this.opened.closed;
  }
}
