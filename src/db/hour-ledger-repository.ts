/**
 * The hours ledger in the database. The cap is enforced by a conditional update of the engagement's
 * counter inside the transaction that inserts the entry: the database re-checks the condition on the row
 * it updates, so concurrent entries (in one process or several, on SQLite or PostgreSQL) never pass it.
 */
import type { HourEntryView, HourLedgerRepository, LogEntryResult, Usage } from '../hours/hour-ledger-repository.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import { retryWhenBusy } from './retry-when-busy.ts';
import type { PrismaClient } from './prisma-client.ts';

type EntryRow = Omit<HourEntryView, 'expertName'>;

// Transactions wait for each other (SQLite serialises them per process): give a burst of entries time
// to queue instead of failing after Prisma's default 2 s. A transaction that still finds the database busy
// (several processes on one SQLite file) is run again by retryWhenBusy.
const txOptions = { maxWait: 15_000, timeout: 15_000 };

export function createHourLedgerRepository(db: PrismaClient): HourLedgerRepository {
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
  const duplicateOf = async (requestKey: string): Promise<LogEntryResult | null> => {
    const existing = await one(await db.hourEntry.findUnique({ where: { requestKey } }));
    return existing ? { status: 'duplicate', entry: existing, ...(await usageOf(existing.applicationId)) } : null;
  };

  return {
    async log(input) {
      const before = await duplicateOf(input.requestKey);
      if (before) return before;
      const insertWithinCap = () =>
        db.$transaction(async (tx) => {
          const changed = await tx.$executeRaw`UPDATE "Application" SET "usedMinutes" = "usedMinutes" + ${input.minutes} WHERE "id" = ${input.applicationId} AND "status" = 'adopted' AND "usedMinutes" + ${input.minutes} <= "capMinutes"`;
          if (changed === 0) return null;
          const { at, ...fields } = input;
          return tx.hourEntry.create({ data: { ...fields, createdAt: at } });
        }, txOptions);
      try {
        const created = await retryWhenBusy(insertWithinCap);
        if (created) return { status: 'logged', entry: (await one(created))!, ...(await usageOf(input.applicationId)) };
      } catch (e) {
        // The same request logged at the same moment by another delivery: the unique key rolled this one back.
        if (!isUniqueViolation(e)) throw e;
        const concurrent = await duplicateOf(input.requestKey);
        if (concurrent) return concurrent;
        throw e;
      }
      const app = await db.application.findUnique({ where: { id: input.applicationId }, select: { status: true, usedMinutes: true, capMinutes: true } });
      if (!app || app.status !== 'adopted') return { status: 'not_adopted' };
      return { status: 'over_cap', usedMinutes: app.usedMinutes, capMinutes: app.capMinutes };
    },

    async void({ entryId, voidedById, reason, at }) {
      const entry = await db.hourEntry.findUnique({ where: { id: entryId } });
      if (!entry) return { status: 'not_found' };
      const voidAndGiveBack = () =>
        db.$transaction(async (tx) => {
          // Conditional on voidedAt, so two voids of the same entry give its minutes back once.
          const { count } = await tx.hourEntry.updateMany({ where: { id: entryId, voidedAt: null }, data: { voidedAt: at, voidedById, voidReason: reason } });
          if (count === 0) return false;
          await tx.$executeRaw`UPDATE "Application" SET "usedMinutes" = "usedMinutes" - ${entry.minutes} WHERE "id" = ${entry.applicationId}`;
          return true;
        }, txOptions);
      const done = await retryWhenBusy(voidAndGiveBack);
      const after = (await one(await db.hourEntry.findUnique({ where: { id: entryId } })))!;
      if (!done) return { status: 'already_voided', entry: after };
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
