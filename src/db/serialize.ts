/**
 * "Count, then act" rules (the adoption target, an expert's overlapping slots) made race-free: a turn that
 * applies one first waits for any other transaction applying the same rule to finish, then reads. On
 * PostgreSQL that is a transaction-scoped advisory lock (at Read Committed, each later statement of the
 * turn sees what the other one committed). SQLite needs none: one process runs one transaction at a
 * time, and a second process that read before another wrote fails to write (busy) and runs its turn again.
 */
import type { Provider } from './migrate.ts';
import type { Db } from './prisma-client.ts';

/** Waits until no other transaction holds `name`, and holds it until this one ends. */
export type Serialize = (name: string) => Promise<void>;

export function serializerFor(db: Db, provider: Provider): Serialize {
  if (provider === 'sqlite') return async () => {};
  return async (name) => {
    await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${name}))`;
  };
}
