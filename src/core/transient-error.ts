/**
 * Failures that mean "busy or away, try again" rather than a bug: the database locked, a write conflict
 * between two turns, a serialization failure, a connection refused, reset, terminated or timed out. A turn
 * that meets one is rolled back whole; the bot runs it again or tells the person that it is busy. Matched
 * by code and text so the core needs no driver import.
 */
const transientCodes = new Set([
  // This project's own: another turn changed what this one read (src/core/unit-of-work.ts).
  'TURN_CONFLICT',
  // SQLite: locked by another connection or process.
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_LOCKED',
  // Prisma: database unreachable, timed out, connection closed, pool exhausted, transaction not started in
  // time, write conflict or deadlock.
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2024',
  'P2028',
  'P2034',
  // PostgreSQL: serialization failure, deadlock, lock not available, connection failures, shutting down.
  '40001',
  '40P01',
  '55P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  // Node's network errors, as the pg driver passes them on.
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

const transientText =
  /database is locked|SQLITE_BUSY|busy timeout|could not serialize|deadlock detected|Connection terminated|connection (?:is )?closed|ECONNREFUSED|ECONNRESET|Can't reach database server|server closed the connection|timeout exceeded when trying to connect|Unable to start a transaction in the given time/i;

export function isTransientStorageError(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 6; depth++) {
    // Prisma's driver adapters put the database's own code in `cause.originalCode` (e.g. a serializable
    // COMMIT failing with 40001 on PostgreSQL reaches the caller as DriverAdapterError, not P2034).
    const err = cur as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if ([err.code, err.originalCode].some((code) => typeof code === 'string' && transientCodes.has(code))) return true;
    if (typeof err.message === 'string' && transientText.test(err.message)) return true;
    // Node reports a refused connection to a host with several addresses as an AggregateError.
    if (Array.isArray(err.errors) && err.errors.some((inner) => isTransientStorageError(inner))) return true;
    cur = err.cause;
  }
  return false;
}
