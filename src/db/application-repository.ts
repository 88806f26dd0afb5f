/** Companies and applications (engagements) in the database. */
import { applicationStatusSchema, type ApplicationView } from '../applications/application.ts';
import { companyKey, companyKeys } from '../applications/company-name.ts';
import type { ApplicationChange, ApplicationRepository, ChangeResult } from '../applications/application-repository.ts';
import { adoptedStatuses } from '../applications/pipeline.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import type { PrismaClient } from './prisma-client.ts';

const withCompany = { company: { select: { name: true } } } as const;

type Row = Omit<ApplicationView, 'status' | 'answers' | 'companyName'> & { status: string; answers: string; company: { name: string } };

export function toApplicationView(row: Row): ApplicationView {
  const { company, answers, status, ...rest } = row;
  return { ...rest, companyName: company.name, status: applicationStatusSchema.parse(status), answers: JSON.parse(answers) as Record<string, unknown> };
}

const adoptedWhere = { status: { in: [...adoptedStatuses] } };

export function createApplicationRepository(db: PrismaClient): ApplicationRepository {
  const get = async (id: number) => {
    const row = await db.application.findUnique({ where: { id }, include: withCompany });
    return row ? toApplicationView(row) : null;
  };
  const findByChannel = async (channelKey: string) => {
    const row = await db.application.findUnique({ where: { channelKey }, include: withCompany });
    return row ? toApplicationView(row) : null;
  };
  /** The version-checked update; with a guard, the adopted count is read in the same transaction. */
  const guardedUpdate = async (id: number, expectedVersion: number, change: ApplicationChange, adoptedBelow?: number): Promise<{ updated: boolean; adopted?: number }> => {
    const data = { ...change, version: { increment: 1 } };
    const update = async (tx: Pick<PrismaClient, 'application'>) => (await tx.application.updateMany({ where: { id, version: expectedVersion }, data })).count === 1;
    if (adoptedBelow === undefined) return { updated: await update(db) };
    return db.$transaction(async (tx) => {
      const adopted = await tx.application.count({ where: adoptedWhere });
      if (adopted >= adoptedBelow) return { updated: false, adopted };
      return { updated: await update(tx) };
    });
  };
  const byCompanyCountry = async (companyId: number, country: string) => {
    const row = await db.application.findUnique({ where: { companyId_country: { companyId, country } }, include: withCompany });
    return row ? toApplicationView(row) : null;
  };
  return {
    async findOrCreateCompany(name) {
      const keys = companyKeys(name);
      const found = await db.company.findUnique({ where: { nameKey: keys.nameKey } });
      if (found) return { id: found.id, name: found.name, created: false };
      try {
        const created = await db.company.create({ data: { name: name.normalize('NFKC').trim(), ...keys } });
        return { id: created.id, name: created.name, created: true };
      } catch (e) {
        // Registered by someone else a moment ago: theirs, not ours (the caller must not treat it as created).
        if (!isUniqueViolation(e)) throw e;
        const again = await db.company.findUniqueOrThrow({ where: { nameKey: keys.nameKey } });
        return { id: again.id, name: again.name, created: false };
      }
    },
    async findCompany(nameOrId) {
      const row =
        typeof nameOrId === 'number'
          ? await db.company.findUnique({ where: { id: nameOrId } })
          : await db.company.findUnique({ where: { nameKey: companyKey(nameOrId) } });
      return row ? { id: row.id, name: row.name } : null;
    },
    async similarCompanies(name) {
      const { nameKey, looseKey } = companyKeys(name);
      const rows = await db.company.findMany({ where: { looseKey, nameKey: { not: nameKey } }, orderBy: { id: 'asc' }, take: 10 });
      return rows.map((r) => ({ id: r.id, name: r.name }));
    },
    async create(input) {
      try {
        const row = await db.application.create({
          data: { ...input, answers: JSON.stringify(input.answers), status: 'applied' },
          include: withCompany,
        });
        return { created: true, application: toApplicationView(row) };
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        return { created: false, existing: (await byCompanyCountry(input.companyId, input.country))! };
      }
    },
    get,
    findByCompanyCountry: byCompanyCountry,
    async listForCompany(companyId) {
      const rows = await db.application.findMany({ where: { companyId }, include: withCompany, orderBy: { id: 'asc' } });
      return rows.map(toApplicationView);
    },
    async listForExpert(expertId, statuses) {
      const rows = await db.application.findMany({
        where: { assignments: { some: { expertId, removedAt: null } }, ...(statuses ? { status: { in: statuses } } : {}) },
        include: withCompany,
        orderBy: { id: 'asc' },
      });
      return rows.map(toApplicationView);
    },
    findByChannel,
    async list(statuses) {
      const rows = await db.application.findMany({ where: statuses ? { status: { in: statuses } } : {}, include: withCompany, orderBy: { id: 'asc' } });
      return rows.map(toApplicationView);
    },
    async hoursOf(statuses) {
      const rows = await db.application.findMany({
        where: { status: { in: statuses } },
        select: { id: true, country: true, status: true, capMinutes: true, usedMinutes: true, reservedMinutes: true, company: { select: { name: true } } },
        orderBy: { id: 'asc' },
      });
      return rows.map(({ company, status, ...rest }) => ({ ...rest, companyName: company.name, status: applicationStatusSchema.parse(status) }));
    },
    async expertsOf(applicationId) {
      const rows = await db.assignment.findMany({ where: { applicationId, removedAt: null }, select: { expertId: true }, orderBy: { id: 'asc' } });
      return rows.map((r) => r.expertId);
    },
    async change(id, expectedVersion, change, guard = {}): Promise<ChangeResult> {
      let outcome: { updated: boolean; adopted?: number };
      try {
        outcome = await guardedUpdate(id, expectedVersion, change, guard.adoptedBelow);
      } catch (e) {
        // channelKey is unique: the channel is bound to another engagement already.
        if (!isUniqueViolation(e) || change.channelKey === undefined) throw e;
        const current = await get(id);
        if (!current) return { ok: false, code: 'not_found' };
        return { ok: false, code: 'channel_taken', current, boundTo: await findByChannel(change.channelKey) };
      }
      const current = await get(id);
      if (!current) return { ok: false, code: 'not_found' };
      if (outcome.updated) return { ok: true, application: current };
      if (outcome.adopted !== undefined) return { ok: false, code: 'target_reached', current, adopted: outcome.adopted };
      return { ok: false, code: 'stale', current };
    },
    async assignExpert(applicationId, expertId, at) {
      const existing = await db.assignment.findUnique({ where: { applicationId_expertId: { applicationId, expertId } } });
      if (existing) {
        // Conditional, so two staff assigning at once report one assignment.
        const { count } = await db.assignment.updateMany({ where: { id: existing.id, removedAt: { not: null } }, data: { removedAt: null, assignedAt: at } });
        return count === 1 ? 'assigned' : 'already';
      }
      try {
        await db.assignment.create({ data: { applicationId, expertId, assignedAt: at } });
        return 'assigned';
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        return 'already';
      }
    },
    async unassignExpert(applicationId, expertId, at) {
      const { count } = await db.assignment.updateMany({ where: { applicationId, expertId, removedAt: null }, data: { removedAt: at } });
      return count === 1 ? 'removed' : 'not_assigned';
    },
    countAdopted: () => db.application.count({ where: adoptedWhere }),
    async statusSummary() {
      const rows = await db.application.groupBy({
        by: ['status'],
        _count: { _all: true },
        _sum: { capMinutes: true, usedMinutes: true, reservedMinutes: true },
      });
      return rows.map((r) => ({
        status: applicationStatusSchema.parse(r.status),
        count: r._count._all,
        capMinutes: r._sum.capMinutes ?? 0,
        usedMinutes: r._sum.usedMinutes ?? 0,
        reservedMinutes: r._sum.reservedMinutes ?? 0,
      }));
    },
    async adoptedByCountry() {
      const rows = await db.application.groupBy({ by: ['country'], where: adoptedWhere, _count: { _all: true } });
      return Object.fromEntries(rows.map((r) => [r.country, r._count._all]));
    },
  };
}
