/** The outbox in the database: notifications and reminders kept until a platform accepts them. */
import type { OutboxMessage, OutboxRepository, Reach } from '../core/ports.ts';
import type { Reply } from '../core/reply.ts';
import type { Db } from './prisma-client.ts';
import type { RawSql } from './raw-sql.ts';

interface DueRow {
  id: number;
  personId: number;
  replies: string;
  dueAt: Date | null;
  attempts: number;
}

export function createPrismaOutbox(db: Db, sql: RawSql): OutboxRepository {
  /** Changes a claimed message only while this delivery still holds its lease (the lease is its dueAt). */
  const whileLeased = (m: OutboxMessage) => ({ id: m.id, dueAt: m.lease, sentAt: null });

  /**
   * Due messages for people with an address `reach` covers, oldest first. A message with no dueAt is due under
   * any clock. Raw: Prisma has no relation from the outbox to identities to filter on.
   */
  const dueFor = (now: Date, limit: number, reach: Reach): Promise<DueRow[]> =>
    reach.identityKey === undefined
      ? sql.query<DueRow>`
          SELECT o."id", o."personId", o."replies", o."dueAt", o."attempts" FROM "Outbox" o
          WHERE o."sentAt" IS NULL AND o."cancelledAt" IS NULL AND (o."dueAt" IS NULL OR o."dueAt" <= ${now})
            AND EXISTS (SELECT 1 FROM "Identity" i WHERE i."personId" = o."personId" AND i."platform" = ${reach.platform} AND i."address" IS NOT NULL)
          ORDER BY o."id" LIMIT ${limit}`
      : sql.query<DueRow>`
          SELECT o."id", o."personId", o."replies", o."dueAt", o."attempts" FROM "Outbox" o
          WHERE o."sentAt" IS NULL AND o."cancelledAt" IS NULL AND (o."dueAt" IS NULL OR o."dueAt" <= ${now})
            AND EXISTS (SELECT 1 FROM "Identity" i WHERE i."personId" = o."personId" AND i."key" = ${reach.identityKey} AND i."platform" = ${reach.platform} AND i."address" IS NOT NULL)
          ORDER BY o."id" LIMIT ${limit}`;

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
    async claimDue(now, leaseUntil, limit, reach) {
      const byId = new Map<number, DueRow>();
      for (const r of reach) for (const row of await dueFor(now, limit, r)) byId.set(row.id, row);
      const due = [...byId.values()].sort((a, b) => a.id - b.id).slice(0, limit);
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
