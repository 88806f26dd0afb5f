/** The outbox in the database: notifications and reminders kept until a platform accepts them. */
import type { OutboxRepository } from '../core/ports.ts';
import type { Reply } from '../core/reply.ts';
import type { PrismaClient } from './prisma-client.ts';

export function createOutboxRepository(db: PrismaClient): OutboxRepository {
  return {
    async enqueue({ personId, replies, dueAt, dedupeKey }) {
      const data = { personId, replies: JSON.stringify(replies), dueAt, dedupeKey };
      if (!dedupeKey) {
        await db.outbox.create({ data });
        return;
      }
      // Scheduling the same reminder twice keeps one; a re-scheduled one takes the new time and text.
      await db.outbox.upsert({ where: { dedupeKey }, create: data, update: { replies: data.replies, dueAt, cancelledAt: null, sentAt: null, attempts: 0 } });
    },
    async cancel(dedupeKey) {
      await db.outbox.updateMany({ where: { dedupeKey, sentAt: null }, data: { cancelledAt: new Date() } });
    },
    async claimDue(now, leaseUntil, limit) {
      const due = await db.outbox.findMany({
        where: { sentAt: null, cancelledAt: null, dueAt: { lte: now } },
        orderBy: { dueAt: 'asc' },
        take: limit,
      });
      const claimed = [];
      for (const row of due) {
        // Moving dueAt forward is the lease: another instance's conditional update on the old dueAt fails.
        const { count } = await db.outbox.updateMany({ where: { id: row.id, dueAt: row.dueAt, sentAt: null }, data: { dueAt: leaseUntil } });
        if (count === 1) claimed.push({ id: row.id, personId: row.personId, replies: JSON.parse(row.replies) as Reply[], attempts: row.attempts });
      }
      return claimed;
    },
    async markSent(id, at) {
      await db.outbox.update({ where: { id }, data: { sentAt: at, lastError: null } });
    },
    async markFailed(id, error, retryAt) {
      await db.outbox.update({ where: { id }, data: { attempts: { increment: 1 }, lastError: error.slice(0, 500), dueAt: retryAt } });
    },
  };
}
