/**
 * Transactions on the app's SQLite connection that the app begins and ends itself (see
 * sqlite-unit-of-work.ts), and Prisma's interactive transaction opened inside one of them when a turn needs
 * Prisma's query API.
 *
 * The connection is taken the way Prisma takes it: through the driver adapter's `startTransaction`, which
 * waits for the adapter's lock (one transaction at a time on the connection) and sends BEGIN. So a turn's
 * transaction and anything else that opens a Prisma transaction on the connection (scripts, tests) wait
 * for each other, as before.
 *
 * Lending: while the app holds a transaction, the next `startTransaction` after `lend` that asks for the
 * `lendingIsolationLevel` is answered with that transaction instead of a new one, marked `usePhantomQuery`
 * so that Prisma sends no BEGIN, COMMIT or ROLLBACK of its own; Prisma's savepoints (its nested
 * transactions) are made in it as usual. The level is how the borrower is told from anyone else opening a
 * Prisma transaction meanwhile (a script, a test): SQLite has only that level, nothing else in the app asks
 * for it by name, and a transaction asked for without it waits for the connection instead of borrowing. Only
 * statements of a transaction still open reach the connection: one that ran out of time answers with an
 * error.
 */
import type { IsolationLevel, SqlDriverAdapter, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';
import type { StatementProbe } from './statement-probe.ts';

/** A transaction the app holds on the connection. */
export interface HeldTransaction {
  /** Throws once the transaction has ended (committed, rolled back, or out of time). */
  assertOpen(): void;
}

/** Thrown by a statement of a transaction that has already ended (it took longer than it may). */
export class TransactionEndedError extends Error {
  override name = 'TransactionEndedError';
}

/** Waited longer than allowed for the connection: busy, in Prisma's words and code (transient-error.ts knows both). */
export class ConnectionWaitTimeout extends Error {
  readonly code = 'P2028';
  constructor(ms: number) {
    super(`Unable to start a transaction in the given time (waited ${ms} ms for the SQLite connection)`);
  }
}

/** The isolation level the borrower asks for, as Prisma's option (the adapter sees it as `SERIALIZABLE`). */
export const lendingIsolationLevel = 'Serializable';

export class SqliteTransactions {
  private lent: AppTransaction | undefined;

  constructor(
    private readonly startOnConnection: () => Promise<Transaction>,
    private readonly probe?: StatementProbe,
  ) {}

  /** Begins a transaction once the connection is free, waiting at most `maxWaitMs` (then fails as busy). */
  private async begin(maxWaitMs: number): Promise<AppTransaction> {
    this.probe?.beforeStatement('BEGIN');
    const starting = this.startOnConnection().then((tx) => new AppTransaction(tx, this.probe));
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ConnectionWaitTimeout(maxWaitMs)), maxWaitMs);
    });
    try {
      return await Promise.race([starting, waited]);
    } catch (e) {
      // Given up on: the transaction it still begins later is ended at once.
      void starting.then(
        (late) => late.rollback('gave up waiting'),
        () => undefined,
      );
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs `work` in a transaction (see `begin`): commits when it resolves, rolls back when it or the commit fails. */
  async run<T>(maxWaitMs: number, work: (held: AppTransaction) => Promise<T>): Promise<T> {
    const held = await this.begin(maxWaitMs);
    try {
      const result = await work(held);
      await held.commit();
      return result;
    } catch (e) {
      await held.rollback('failed');
      throw e;
    }
  }

  /** The next transaction Prisma starts on the connection is `held` (until `stopLending`). */
  lend(held: AppTransaction): void {
    this.lent = held;
  }

  stopLending(): void {
    this.lent = undefined;
  }

  /** What the adapter's `startTransaction` answers: the lent transaction to its borrower, else a new one. */
  startTransaction(isolationLevel: IsolationLevel | undefined, start: () => Promise<Transaction>): Promise<Transaction> {
    const lent = this.lent;
    if (!lent || isolationLevel !== 'SERIALIZABLE') return start();
    this.lent = undefined;
    return Promise.resolve(lent.asPrismaTransaction());
  }
}

/** A transaction the app began: it alone commits or rolls it back, and releases the connection. */
export class AppTransaction implements HeldTransaction {
  private ended: string | undefined;

  constructor(
    private readonly tx: Transaction,
    private readonly probe?: StatementProbe,
  ) {}

  assertOpen(): void {
    if (this.ended) throw new TransactionEndedError(`the transaction has ended (${this.ended}): its statements are not run`);
  }

  /** Sends COMMIT and releases the connection; when COMMIT fails, rolls back (SQLite may leave it open) and throws. */
  async commit(): Promise<void> {
    this.assertOpen();
    try {
      this.probe?.beforeStatement('COMMIT');
      await this.tx.executeRaw(statement('COMMIT'));
    } catch (e) {
      await this.rollback('commit failed');
      throw e;
    }
    this.ended = 'committed';
    await this.tx.commit();
  }

  /**
   * Rolls back (if still open) and releases the connection; never throws. Not shown to the statement probe: a
   * fault injected there would leave the connection inside the transaction, which no real failure does.
   */
  async rollback(why: string): Promise<void> {
    if (this.ended) return;
    this.ended = why;
    try {
      await this.tx.executeRaw(statement('ROLLBACK'));
    } catch {
      // Nothing to roll back (SQLite already ended it after an error), or the connection is gone.
    }
    await this.tx.rollback();
  }

  /** The transaction as Prisma sees it when it is lent: its statements go here, its end is the app's. */
  asPrismaTransaction(): Transaction {
    const { tx } = this;
    const checked =
      <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        this.assertOpen();
        return run(...args);
      };
    return {
      provider: tx.provider,
      adapterName: tx.adapterName,
      options: { usePhantomQuery: true },
      queryRaw: checked((query: SqlQuery) => tx.queryRaw(query)),
      executeRaw: checked((query: SqlQuery) => tx.executeRaw(query)),
      commit: async () => {},
      rollback: async () => {},
      createSavepoint: checked(async (name: string) => void (await tx.executeRaw(statement(`SAVEPOINT ${name}`)))),
      rollbackToSavepoint: checked(async (name: string) => void (await tx.executeRaw(statement(`ROLLBACK TO ${name}`)))),
      releaseSavepoint: checked(async (name: string) => void (await tx.executeRaw(statement(`RELEASE SAVEPOINT ${name}`)))),
    };
  }
}

function statement(sql: string): SqlQuery {
  return { sql, args: [], argTypes: [] };
}

/**
 * Makes `adapter` (the better-sqlite3 adapter Prisma's factory just made) answer `startTransaction` through
 * `transactions`, and returns them. Replaced on this one adapter object only.
 */
export function lendingTransactions(adapter: SqlDriverAdapter, probe?: StatementProbe): SqliteTransactions {
  const start = adapter.startTransaction.bind(adapter);
  const transactions = new SqliteTransactions(() => start(), probe);
  Object.defineProperty(adapter, 'startTransaction', {
    value: (isolationLevel?: IsolationLevel) => transactions.startTransaction(isolationLevel, () => start(isolationLevel)),
    configurable: true,
    writable: true,
  });
  return transactions;
}
