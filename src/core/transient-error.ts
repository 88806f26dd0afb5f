/**
 * Storage errors that mean "busy, try again" rather than a bug: SQLite's lock errors and the database
 * drivers' timeout and serialization codes. Matched by code and text so the core needs no driver import.
 */
const transientCodes = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'P1008', 'P2024', 'P2034', '40001', '40P01', '55P03']);

export function isTransientStorageError(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    // Prisma's driver adapters put the database's own code in `cause.originalCode` (e.g. a serializable
    // COMMIT failing with 40001 on PostgreSQL reaches the caller as DriverAdapterError, not P2034).
    const err = cur as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown };
    if ([err.code, err.originalCode].some((code) => typeof code === 'string' && transientCodes.has(code))) return true;
    if (typeof err.message === 'string' && /database is locked|SQLITE_BUSY|busy timeout|could not serialize/i.test(err.message)) return true;
    cur = err.cause;
  }
  return false;
}
