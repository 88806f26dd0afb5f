/**
 * Makes sure a transaction that did not commit is rolled back on its connection. Prisma (7.x) ends a
 * transaction whose COMMIT failed by handing the connection back (the driver adapter's `rollback()`)
 * without sending ROLLBACK: on SQLite, where a failed COMMIT leaves the transaction open, the app's one
 * connection would stay inside it, and the next turn's statements would run in a transaction that is
 * never committed. Here, a transaction handed back before a COMMIT or ROLLBACK went through gets a
 * ROLLBACK first, while it still holds its connection. Only the driver adapter's public interface is used.
 */
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

const endsTransaction = /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i;

export function guardedTransactions<F extends SqlDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === 'connect') return async () => guardAdapter(await target.connect());
      return Reflect.get(target, property, receiver);
    },
  });
}

function guardAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === 'startTransaction') {
        return async (...args: Parameters<SqlDriverAdapter['startTransaction']>) =>
          guardTransaction(await target.startTransaction(...args));
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function guardTransaction(tx: Transaction): Transaction {
  let ended = false;
  return new Proxy(tx, {
    get(target, property, receiver) {
      switch (property) {
        case 'executeRaw':
          return async (query: SqlQuery) => {
            const changed = await target.executeRaw(query);
            if (endsTransaction.test(query.sql)) ended = true;
            return changed;
          };
        case 'rollback':
          return async () => {
            if (!ended && !target.options.usePhantomQuery) {
              // Fails harmlessly when the database already ended it (PostgreSQL ends a transaction whose COMMIT failed).
              await target.executeRaw({ sql: 'ROLLBACK', args: [], argTypes: [] }).catch(() => undefined);
            }
            return target.rollback();
          };
        default: {
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        }
      }
    },
  });
}
