/** Idempotency keys: a unique row per handled request, claimed before the work and kept with its replies. */
import type { ProcessedRequestRepository } from '../core/ports.ts';
import type { Reply } from '../core/reply.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import type { PrismaClient } from './prisma-client.ts';

export interface ProcessedRequestOptions {
  /**
   * A claim older than this without replies was left by a handler that crashed half-way (a live one finishes
   * well within it): it is taken over. Default 2 minutes.
   */
  staleAfterMs?: number;
  /** Real time by default: claims are stamped with the database row's creation time, not the business clock. */
  now?: () => Date;
}

export const defaultStaleClaimMs = 120_000;

export function createProcessedRequestRepository(db: PrismaClient, options: ProcessedRequestOptions = {}): ProcessedRequestRepository {
  const staleAfterMs = options.staleAfterMs ?? defaultStaleClaimMs;
  const now = options.now ?? (() => new Date());
  return {
    async claim(key) {
      try {
        // The primary key makes the claim atomic across requests, processes and instances.
        await db.processedRequest.create({ data: { key, createdAt: now() } });
        return { claimed: true };
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
      }
      const row = await db.processedRequest.findUnique({ where: { key } });
      if (row?.replies) return { claimed: false, replies: JSON.parse(row.replies) as Reply[] };
      const at = now();
      if (row && row.createdAt.getTime() < at.getTime() - staleAfterMs) {
        // Conditional on the claim time we read: of several takers, one updates the row and the others none.
        // Safe to handle again: the features guard their effects with the request key (hour entries,
        // bookings) and state checks, and a half-done handling rolled back its transaction.
        const { count } = await db.processedRequest.updateMany({ where: { key, replies: null, createdAt: row.createdAt }, data: { createdAt: at } });
        if (count === 1) return { claimed: true };
      }
      return { claimed: false, replies: null };
    },
    async complete(key, replies) {
      await db.processedRequest.update({ where: { key }, data: { replies: JSON.stringify(replies) } });
    },
    async release(key) {
      await db.processedRequest.deleteMany({ where: { key } });
    },
    async purgeBefore(before) {
      return (await db.processedRequest.deleteMany({ where: { createdAt: { lt: before } } })).count;
    },
  };
}
