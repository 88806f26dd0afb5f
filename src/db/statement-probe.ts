/**
 * A window on every SQL statement the app sends, at the driver adapter (below Prisma, above the driver):
 * the benchmark counts statements and transactions per command with it, and the fault-injection tests
 * make the N-th statement of a turn fail. Production runs without one.
 */
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

export interface StatementProbe {
  /**
   * Called before each statement reaches the database: `BEGIN` for a transaction start, `COMMIT` and
   * `ROLLBACK` for its end, else the statement's SQL. Throwing makes that statement fail.
   */
  beforeStatement(sql: string): void;
}

/** The factory's connections, with `probe` told of every statement. */
export function probedAdapterFactory<F extends SqlDriverAdapterFactory>(factory: F, probe: StatementProbe): F {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === 'connect') return async () => probedAdapter(await target.connect(), probe);
      return Reflect.get(target, property, receiver);
    },
  });
}

function probedAdapter(adapter: SqlDriverAdapter, probe: StatementProbe): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      switch (property) {
        case 'queryRaw':
        case 'executeRaw':
          return probedQuery(target, property, probe);
        case 'startTransaction':
          return async (...args: Parameters<SqlDriverAdapter['startTransaction']>) => {
            probe.beforeStatement('BEGIN');
            return probedTransaction(await target.startTransaction(...args), probe);
          };
        default: {
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        }
      }
    },
  });
}

function probedTransaction(tx: Transaction, probe: StatementProbe): Transaction {
  return new Proxy(tx, {
    get(target, property, receiver) {
      switch (property) {
        case 'queryRaw':
        case 'executeRaw':
          return probedQuery(target, property, probe);
        default: {
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        }
      }
    },
  });
}

function probedQuery(target: SqlDriverAdapter | Transaction, method: 'queryRaw' | 'executeRaw', probe: StatementProbe) {
  return (query: SqlQuery) => {
    probe.beforeStatement(query.sql);
    // Both methods take a query and resolve with the driver's answer; the call is forwarded unchanged.
    return (target[method] as (q: SqlQuery) => Promise<unknown>).call(target, query);
  };
}

/** Counts statements and transactions (for the benchmark and tests). */
export class StatementCounter implements StatementProbe {
  statements = 0;
  transactions = 0;
  commits = 0;

  beforeStatement(sql: string): void {
    this.statements++;
    if (sql === 'BEGIN') this.transactions++;
    else if (/^\s*COMMIT\b/i.test(sql)) this.commits++;
  }

  reset(): void {
    this.statements = 0;
    this.transactions = 0;
    this.commits = 0;
  }
}
