/** The staff exports' bulk reads (hours ledger, assignments, names) in the database. */
import type { NamedPerson } from '../core/person-name.ts';
import type { StaffReports } from '../staff/ports.ts';
import type { Db } from './prisma-client.ts';

export function createPrismaStaffReports(db: Db): StaffReports {
  const namesOf = async (ids: number[]) => {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map<number, string>();
    const rows = await db.person.findMany({ where: { id: { in: unique } }, select: { id: true, displayName: true } });
    return new Map(rows.map((r) => [r.id, r.displayName]));
  };
  return {
    async hourEntries() {
      const rows = await db.hourEntry.findMany({
        include: { application: { select: { country: true, company: { select: { name: true } } } } },
        orderBy: { id: 'asc' },
      });
      const names = await namesOf(rows.map((r) => r.expertId));
      return rows.map((r) => ({
        id: r.id,
        applicationId: r.applicationId,
        companyName: r.application.company.name,
        country: r.application.country,
        expertId: r.expertId,
        expertName: names.get(r.expertId) ?? '',
        minutes: r.minutes,
        category: r.category,
        note: r.note,
        workDate: r.workDate,
        createdAt: r.createdAt,
        voidedAt: r.voidedAt,
        voidReason: r.voidReason,
      }));
    },
    async assignedExperts() {
      const rows = await db.assignment.findMany({ where: { removedAt: null }, orderBy: { id: 'asc' } });
      const names = await namesOf(rows.map((r) => r.expertId));
      const byApplication = new Map<number, NamedPerson[]>();
      for (const r of rows) {
        const expert = { id: r.expertId, displayName: names.get(r.expertId) ?? '' };
        byApplication.set(r.applicationId, [...(byApplication.get(r.applicationId) ?? []), expert]);
      }
      return byApplication;
    },
    namesOf,
  };
}
