/** Recognizes Prisma's known request errors by code. */
import { TurnConflictError } from '../core/unit-of-work.ts';

export function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === 'P2002';
}

/**
 * Runs a write that a check just before it found free (no such company, assignment…). A unique violation
 * then means another turn wrote the same at the same moment: inside a transaction nothing more can be done
 * with it (PostgreSQL refuses every further statement), so the turn is rolled back and run again, and its
 * check finds what the other turn wrote.
 */
export async function conflictOnDuplicate<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e)) throw new TurnConflictError(`${what} written by another turn`);
    throw e;
  }
}
