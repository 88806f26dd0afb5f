/** The outbox in the database: notifications and reminders kept until a platform accepts them. */
import type { OutboxMessage, OutboxRepository } from '../core/ports.ts';
import type { Reply } from '../core/reply.ts';
import type { Db } from './prisma-client.ts';
import type { RawSql } from './raw-sql.ts';

export function createPrismaOutbox(db: Db, sql: RawSql): OutboxRepository {
  /** Changes a claimed message only while this delivery still holds its lease (the lease is its dueAt). */
  const whileLeased = (m: OutboxMessage) => ({ id: m.id, dueAt: m.lease, sentAt: null });
  return {
    async enqueue({ personId, replies, dueAt, dedupeKey }) {
      // Raw: notifications are queued by many turns. A key already queued (or sent) keeps its message.
      await sql.execute`
        INSERT INTO "Outbox" ("personId", "replies", "dueAt", "dedupeKey", "createdAt") VALUES (${personId}, ${JSON.stringify(replies)}, ${dueAt}, ${dedupeKey ?? null}, ${new Date()})
        ON CONFLICT ("dedupeKey") DO NOTHING`;
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
      const claimed: OutboxMessage[] = [];
      for (const row of due) {
        // Moving dueAt forward is the lease: another instance's conditional update on the old dueAt fails.
        const { count } = await db.outbox.updateMany({
          where: { id: row.id, dueAt: row.dueAt, sentAt: null },
          data: { dueAt: leaseUntil },
        });
        if (count === 1)
          claimed.push({
            id: row.id,
            personId: row.personId,
            replies: JSON.parse(row.replies) as Reply[],
            attempts: row.attempts,
            lease: leaseUntil,
          });
      }
      return claimed;
    },
    async markSent(message, at) {
      return (await db.outbox.updateMany({ where: whileLeased(message), data: { sentAt: at, lastError: null } })).count === 1;
    },
    async markFailed(message, error, retryAt) {
      const { count } = await db.outbox.updateMany({
        where: whileLeased(message),
        data: { attempts: { increment: 1 }, lastError: error.slice(0, 500), dueAt: retryAt },
      });
      return count === 1;
    },
  };
}
