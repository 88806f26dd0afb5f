/**
 * Bulk hour entries for the `/quota` measurement, written with better-sqlite3 prepared statements in one
 * transaction (100,000 rows in about a second, where Prisma would take minutes). The ledger stays
 * consistent with the counters the bot keeps: each engagement's `usedMinutes` is set to the sum of its
 * entries that are not voided, and never passes its cap.
 *
 * `writeLedger` replaces the whole ledger of the given engagements with `total` entries whose sums per
 * engagement do not depend on `total` (fewer, larger entries or more, smaller ones): measuring `/quota` at
 * two ledger sizes then compares the same program state, and the same reply, at two ledger sizes.
 */
import Database from 'better-sqlite3';
import type { SeededEngagement } from '../test/support/seed-engagements.ts';

/** Minutes used per engagement: spread from ~10% to ~98% of the cap, the same for every ledger size. */
export function targetUsedMinutes(index: number, capMinutes: number): number {
  return Math.floor((capMinutes * (10 + ((index * 37) % 89))) / 100);
}

/** Prisma's SQLite DateTime text (`2021-09-01T03:00:00.000+00:00`). */
const sqliteDate = (d: Date) => d.toISOString().replace('Z', '+00:00');

export function writeLedger(
  file: string,
  engagements: readonly SeededEngagement[],
  total: number,
  opts: { from: Date; to: Date; categories: readonly string[] },
): { entries: number; usedMinutes: number } {
  const perEngagement = Math.floor(total / engagements.length);
  const extra = total % engagements.length;
  const db = new Database(file, { timeout: 30_000 });
  try {
    db.pragma('journal_mode = WAL');
    const del = db.prepare('DELETE FROM "HourEntry" WHERE "applicationId" = ?');
    const insert = db.prepare(
      'INSERT INTO "HourEntry" ("applicationId", "expertId", "minutes", "category", "note", "workDate", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const setUsed = db.prepare(
      'UPDATE "Application" SET "usedMinutes" = (SELECT COALESCE(SUM("minutes"), 0) FROM "HourEntry" WHERE "applicationId" = ? AND "voidedAt" IS NULL) WHERE "id" = ?',
    );
    const span = opts.to.getTime() - opts.from.getTime();
    let written = 0;
    let used = 0;
    db.transaction(() => {
      engagements.forEach((e, i) => {
        del.run(e.applicationId);
        const count = perEngagement + (i < extra ? 1 : 0);
        const target = Math.min(e.capMinutes, targetUsedMinutes(i, e.capMinutes));
        if (count > target)
          throw new Error(
            `${count} entries on one engagement cannot each be a minute or more of ${target} minutes: use fewer entries or more engagements`,
          );
        for (let k = 0; k < count; k++) {
          // The target split into `count` whole minutes: the first ones take the remainder.
          const minutes = Math.floor(target / count) + (k < target % count ? 1 : 0);
          const at = new Date(opts.from.getTime() + Math.floor((span * (k + 1)) / (count + 1)));
          insert.run(
            e.applicationId,
            e.expertId,
            minutes,
            opts.categories[(i + k) % opts.categories.length]!,
            `bench entry ${k + 1}`,
            at.toISOString().slice(0, 10),
            sqliteDate(at),
          );
          written++;
          used += minutes;
        }
        setUsed.run(e.applicationId, e.applicationId);
      });
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { entries: written, usedMinutes: used };
  } finally {
    db.close();
  }
}
