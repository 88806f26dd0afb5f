/** Idempotency keys: a unique row per handled request, claimed before the work and kept with its replies. */
import type { ProcessedRequestRepository } from '../core/ports.ts';
import type { Reply } from '../core/reply.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import type { PrismaClient } from './prisma-client.ts';

export function createProcessedRequestRepository(db: PrismaClient): ProcessedRequestRepository {
  return {
    async claim(key) {
      try {
        // The primary key makes the claim atomic across requests, processes and instances.
        await db.processedRequest.create({ data: { key } });
        return { claimed: true };
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
      }
      const row = await db.processedRequest.findUnique({ where: { key } });
      return { claimed: false, replies: row?.replies ? (JSON.parse(row.replies) as Reply[]) : null };
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
