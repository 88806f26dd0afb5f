/**
 * The hours ledger in the database. The cap is enforced by a conditional update of the engagement's
 * counter, in the turn's transaction that also inserts the entry: the database re-checks the condition on
 * the row it updates, so concurrent entries (in one process or several, on SQLite or PostgreSQL) never
 * pass it. Logging is the busiest write of the bot: its two statements are raw SQL.
 */
import type { HourEntryView, HourLedgerRepository, Usage } from '../hours/ports.ts';
import type { Db } from './prisma-client.ts';
import type { RawSql } from './raw-sql.ts';

type EntryRow = Omit<HourEntryView, 'expertName'>;

export function createPrismaHourLedger(db: Db, sql: RawSql): HourLedgerRepository {
  const withNames = async (rows: EntryRow[]): Promise<HourEntryView[]> => {
    const ids = [...new Set(rows.map((r) => r.expertId))];
    const people = ids.length ? await db.person.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } }) : [];
    const names = new Map(people.map((p) => [p.id, p.displayName]));
    return rows.map((r) => ({ ...r, expertName: names.get(r.expertId) ?? '' }));
  };
  const one = async (row: EntryRow | null) => (row ? (await withNames([row]))[0]! : null);
  const usageOf = async (applicationId: number): Promise<Usage> => {
    const app = await db.application.findUniqueOrThrow({ where: { id: applicationId }, select: { usedMinutes: true, capMinutes: true } });
    return { usedMinutes: app.usedMinutes, capMinutes: app.capMinutes };
  };

  return {
    async log({ expertName, at, ...entry }) {
      const counters = await sql.query<Usage>`
        UPDATE "Application" SET "usedMinutes" = "usedMinutes" + ${entry.minutes}
        WHERE "id" = ${entry.applicationId} AND "status" = 'adopted' AND "usedMinutes" + ${entry.minutes} <= "capMinutes"
          AND EXISTS (SELECT 1 FROM "Assignment" WHERE "applicationId" = ${entry.applicationId} AND "expertId" = ${entry.expertId} AND "removedAt" IS NULL)
        RETURNING "usedMinutes", "capMinutes"`;
      const usage = counters[0];
      if (!usage) {
        // Refused: which condition failed (a rare path, so plain queries).
        const app = await db.application.findUnique({
          where: { id: entry.applicationId },
          select: {
            status: true,
            usedMinutes: true,
            capMinutes: true,
            assignments: { where: { expertId: entry.expertId, removedAt: null }, select: { id: true } },
          },
        });
        if (!app || app.assignments.length === 0) return { status: 'not_assigned' };
        if (app.status !== 'adopted') return { status: 'not_adopted' };
        return { status: 'over_cap', usedMinutes: app.usedMinutes, capMinutes: app.capMinutes };
      }
      const [created] = await sql.query<{ id: number }>`
        INSERT INTO "HourEntry" ("applicationId", "expertId", "minutes", "category", "note", "workDate", "createdAt")
        VALUES (${entry.applicationId}, ${entry.expertId}, ${entry.minutes}, ${entry.category}, ${entry.note}, ${entry.workDate}, ${at})
        RETURNING "id"`;
      return {
        status: 'logged',
        entry: { ...entry, id: created!.id, expertName, createdAt: at, voidedAt: null, voidedById: null, voidReason: null },
        ...usage,
      };
    },

    async void({ entryId, voidedById, reason, at }) {
      const entry = await db.hourEntry.findUnique({ where: { id: entryId } });
      if (!entry) return { status: 'not_found' };
      // Conditional on voidedAt, so two voids of the same entry give its minutes back once.
      const { count } = await db.hourEntry.updateMany({
        where: { id: entryId, voidedAt: null },
        data: { voidedAt: at, voidedById, voidReason: reason },
      });
      if (count === 1)
        await db.$executeRaw`UPDATE "Application" SET "usedMinutes" = "usedMinutes" - ${entry.minutes} WHERE "id" = ${entry.applicationId}`;
      const after = (await one(await db.hourEntry.findUnique({ where: { id: entryId } })))!;
      if (count !== 1) return { status: 'already_voided', entry: after };
      return { status: 'voided', entry: after, ...(await usageOf(entry.applicationId)) };
    },

    async setCategory(entryId, category) {
      const { count } = await db.hourEntry.updateMany({ where: { id: entryId, voidedAt: null }, data: { category } });
      return count === 1;
    },

    async get(entryId) {
      return one(await db.hourEntry.findUnique({ where: { id: entryId } }));
    },

    async list(applicationIds, { offset, limit }) {
      const where = { applicationId: { in: applicationIds } };
      const [rows, total] = await Promise.all([
        db.hourEntry.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: offset, take: limit }),
        db.hourEntry.count({ where }),
      ]);
      return { entries: await withNames(rows), total };
    },

    async lastActiveOf(expertId) {
      return one(await db.hourEntry.findFirst({ where: { expertId, voidedAt: null }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }));
    },

    async recent(applicationIds, limit) {
      const rows = await db.hourEntry.findMany({
        where: { applicationId: { in: applicationIds }, voidedAt: null },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: limit,
      });
      return withNames(rows);
    },

    async sumMinutes(applicationId) {
      const { _sum } = await db.hourEntry.aggregate({ where: { applicationId, voidedAt: null }, _sum: { minutes: true } });
      return _sum.minutes ?? 0;
    },
  };
}
