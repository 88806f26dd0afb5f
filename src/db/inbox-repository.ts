/** The transactional inbox in the database: acknowledged requests kept until handled (see the port). */
import type { InboxRepository, InboxRow } from '../core/ports.ts';
import { batchPerTurn } from './batch-per-turn.ts';
import { Prisma } from './generated/sqlite/client.ts';
import type { PrismaClient } from './prisma-client.ts';

interface NewRequest {
  key: string;
  platform: string;
  payload: string;
  leaseUntil: Date;
}

export function createInboxRepository(db: PrismaClient): InboxRepository {
  // On the acknowledgement's path: the requests of one turn of the event loop go in one raw INSERT (a
  // Prisma statement costs about as much as the rest of an acknowledgement; raw, it also skips the model
  // layer and needs no exception for a duplicate). The primary key makes a redelivery insert nothing;
  // RETURNING tells which went in. Dates go in as Prisma writes them (ISO text on SQLite, timestamp(3) on
  // PostgreSQL).
  const insert = batchPerTurn<NewRequest, 'accepted' | 'duplicate'>(async (requests) => {
    const createdAt = new Date();
    const first = new Map<string, NewRequest>();
    for (const r of requests) if (!first.has(r.key)) first.set(r.key, r);
    const values = [...first.values()].map((r) => Prisma.sql`(${r.key}, ${r.platform}, ${r.payload}, ${r.leaseUntil}, ${createdAt})`);
    const inserted = await db.$queryRaw<{ key: string }[]>`INSERT INTO "InboxRequest" ("key", "platform", "payload", "leaseUntil", "createdAt") VALUES ${Prisma.join(values)} ON CONFLICT DO NOTHING RETURNING "key"`;
    const accepted = new Set(inserted.map((row) => row.key));
    // The same key twice in one batch (a redelivery right behind the first): the first one is accepted.
    return requests.map((r) => (first.get(r.key) === r && accepted.has(r.key) ? 'accepted' : 'duplicate'));
  });
  // Requests handled in one turn are marked in one UPDATE as well.
  const done = batchPerTurn<{ key: string; at: Date }, void>(async (marks) => {
    const at = new Date(Math.max(...marks.map((m) => m.at.getTime())));
    await db.inboxRequest.updateMany({ where: { key: { in: [...new Set(marks.map((m) => m.key))] } }, data: { status: 'done', doneAt: at } });
    return marks.map(() => undefined);
  });

  return {
    accept: (key, platform, payload, leaseUntil) => insert({ key, platform, payload, leaseUntil }),
    async claimStale(platform, now, leaseUntil, limit) {
      const stale = await db.inboxRequest.findMany({
        where: { platform, status: 'pending', leaseUntil: { lt: now } },
        orderBy: { leaseUntil: 'asc' },
        take: limit,
      });
      const claimed: InboxRow[] = [];
      for (const row of stale) {
        // Conditional on the lease we read: of two instances taking the same row, one updates it, the other none.
        const { count } = await db.inboxRequest.updateMany({
          where: { key: row.key, status: 'pending', leaseUntil: row.leaseUntil },
          data: { leaseUntil, attempts: { increment: 1 } },
        });
        if (count === 1) claimed.push({ key: row.key, platform: row.platform, payload: row.payload, attempts: row.attempts + 1, createdAt: row.createdAt });
      }
      return claimed;
    },
    markDone: (key, at) => done({ key, at }),
    async purgeDoneBefore(before) {
      return (await db.inboxRequest.deleteMany({ where: { status: 'done', doneAt: { lt: before } } })).count;
    },
  };
}
