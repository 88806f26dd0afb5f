/** Held files in the database (see src/core/held-files.ts): offered files kept until their owner takes them. */
import type { HeldFileRepository } from '../core/held-files.ts';
import type { Db } from './prisma-client.ts';

export function createPrismaHeldFiles(db: Db): HeldFileRepository {
  return {
    async hold(file) {
      await db.heldFile.create({ data: file });
    },
    find: (id) => db.heldFile.findUnique({ where: { id } }),
    async lease(id, now, leaseUntil) {
      // Conditional: of two deliveries at once (a click repeated, two instances) one gets the file.
      const { count } = await db.heldFile.updateMany({
        where: { id, releasedAt: null, OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }] },
        data: { leaseUntil },
      });
      return count === 1;
    },
    async unlease(id) {
      await db.heldFile.updateMany({ where: { id, releasedAt: null }, data: { leaseUntil: null } });
    },
    async markReleased(id, at) {
      // The content is not needed any more; the row stays until it expires, so a repeated click is told it was sent.
      const { count } = await db.heldFile.updateMany({
        where: { id, releasedAt: null },
        data: { releasedAt: at, content: '', leaseUntil: null },
      });
      return count === 1;
    },
    async delete(id) {
      return (await db.heldFile.deleteMany({ where: { id } })).count === 1;
    },
    async purgeExpired(before) {
      return (await db.heldFile.deleteMany({ where: { expiresAt: { lt: before } } })).count;
    },
  };
}
