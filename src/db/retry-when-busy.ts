/**
 * Runs a transaction again when the database reports it busy. Several bot processes on one SQLite file hit
 * this: Prisma opens deferred transactions, and a read on the process's one connection can pin an old
 * snapshot, so a write fails at once (SQLITE_BUSY) instead of waiting; on PostgreSQL a serializable
 * transaction can fail with a serialization error. The transaction rolled back, so running it again is
 * safe; the conditional updates keep the invariants either way.
 */
import { isTransientStorageError } from '../core/transient-error.ts';

export async function retryWhenBusy<T>(run: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (attempt >= attempts || !isTransientStorageError(e)) throw e;
      // A short, growing, jittered pause so competing writers do not collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, attempt * 10 + Math.floor(Math.random() * 20)));
    }
  }
}
