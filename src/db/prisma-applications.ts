/** Companies and applications (engagements) in the database. */
import { applicationStatusSchema, type ApplicationView } from '../applications/application.ts';
import { companyKey, companyKeys } from '../applications/company-name.ts';
import type { ApplicationChange, ApplicationRepository, ChangeResult } from '../applications/ports.ts';
import { adoptedStatuses } from '../applications/pipeline.ts';
import { conflictOnDuplicate } from './prisma-errors.ts';
import type { Db } from './prisma-client.ts';
import type { RawSql } from './raw-sql.ts';
import type { Serialize } from './serialize.ts';

const withCompany = { company: { select: { name: true } } } as const;

type Row = Omit<ApplicationView, 'status' | 'answers' | 'companyName'> & { status: string; answers: string; company: { name: string } };

export function toApplicationView(row: Row): ApplicationView {
  const { company, answers, status, ...rest } = row;
  return {
    ...rest,
    companyName: company.name,
    status: applicationStatusSchema.parse(status),
    answers: JSON.parse(answers) as Record<string, unknown>,
  };
}

const adoptedWhere = { status: { in: [...adoptedStatuses] } };

/** An Application row with its company's name, as the raw queries return it. */
type RawApplicationRow = Omit<Row, 'company'> & { companyName: string };

function fromRawRow({ companyName, ...row }: RawApplicationRow): ApplicationView {
  return toApplicationView({ ...row, company: { name: companyName } });
}

export function createPrismaApplications(db: Db, sql: RawSql, serialize: Serialize): ApplicationRepository {
  const get = async (id: number) => {
    const row = await db.application.findUnique({ where: { id }, include: withCompany });
    return row ? toApplicationView(row) : null;
  };
  const findByChannel = async (channelKey: string) => {
    const row = await db.application.findUnique({ where: { channelKey }, include: withCompany });
    return row ? toApplicationView(row) : null;
  };
  /**
   * The version-checked update. With a guard, adoptions are serialised first and the adopted count read
   * after: two staff adopting the last place at once (two instances) adopt one.
   */
  const guardedUpdate = async (
    id: number,
    expectedVersion: number,
    change: ApplicationChange,
    adoptedBelow?: number,
  ): Promise<{ updated: boolean; adopted?: number }> => {
    if (adoptedBelow !== undefined) {
      await serialize('adoption-target');
      const adopted = await db.application.count({ where: adoptedWhere });
      if (adopted >= adoptedBelow) return { updated: false, adopted };
    }
    const { count } = await db.application.updateMany({
      where: { id, version: expectedVersion },
      data: { ...change, version: { increment: 1 } },
    });
    return { updated: count === 1 };
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
      // Registered by someone else at the same moment: the turn runs again and finds it (theirs, not created here).
      const created = await conflictOnDuplicate('company', () =>
        db.company.create({ data: { name: name.normalize('NFKC').trim(), ...keys } }),
      );
      return { id: created.id, name: created.name, created: true };
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
      const existing = await byCompanyCountry(input.companyId, input.country);
      if (existing) return { created: false, existing };
      const row = await conflictOnDuplicate('application', () =>
        db.application.create({ data: { ...input, answers: JSON.stringify(input.answers), status: 'applied' }, include: withCompany }),
      );
      return { created: true, application: toApplicationView(row) };
    },
    get,
    findByCompanyCountry: byCompanyCountry,
    async listForCompany(companyId) {
      const rows = await db.application.findMany({ where: { companyId }, include: withCompany, orderBy: { id: 'asc' } });
      return rows.map(toApplicationView);
    },
    async listForExpert(expertId, statuses) {
      // Raw: every hours entry starts here, and the model layer would cost more than the query.
      const rows = await sql.query<RawApplicationRow>`
        SELECT a.*, c."name" AS "companyName" FROM "Application" a JOIN "Company" c ON c."id" = a."companyId"
        WHERE a."id" IN (SELECT s."applicationId" FROM "Assignment" s WHERE s."expertId" = ${expertId} AND s."removedAt" IS NULL)
        ORDER BY a."id"`;
      const all = rows.map(fromRawRow);
      return statuses ? all.filter((a) => statuses.includes(a.status)) : all;
    },
    findByChannel,
    async list(statuses) {
      const rows = await db.application.findMany({
        where: statuses ? { status: { in: statuses } } : {},
        include: withCompany,
        orderBy: { id: 'asc' },
      });
      return rows.map(toApplicationView);
    },
    async hoursOf(statuses) {
      const rows = await db.application.findMany({
        where: { status: { in: statuses } },
        select: {
          id: true,
          country: true,
          status: true,
          capMinutes: true,
          usedMinutes: true,
          reservedMinutes: true,
          company: { select: { name: true } },
        },
        orderBy: { id: 'asc' },
      });
      return rows.map(({ company, status, ...rest }) => ({
        ...rest,
        companyName: company.name,
        status: applicationStatusSchema.parse(status),
      }));
    },
    async expertsOf(applicationId) {
      const rows = await db.assignment.findMany({
        where: { applicationId, removedAt: null },
        select: { expertId: true },
        orderBy: { id: 'asc' },
      });
      return rows.map((r) => r.expertId);
    },
    async change(id, expectedVersion, change, guard = {}): Promise<ChangeResult> {
      // channelKey is unique: a channel bound to another engagement already is refused before the update.
      const boundTo = change.channelKey ? await findByChannel(change.channelKey) : null;
      if (boundTo && boundTo.id !== id) {
        const current = await get(id);
        return current ? { ok: false, code: 'channel_taken', current, boundTo } : { ok: false, code: 'not_found' };
      }
      const outcome = await conflictOnDuplicate('channel binding', () => guardedUpdate(id, expectedVersion, change, guard.adoptedBelow));
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
        const { count } = await db.assignment.updateMany({
          where: { id: existing.id, removedAt: { not: null } },
          data: { removedAt: null, assignedAt: at },
        });
        return count === 1 ? 'assigned' : 'already';
      }
      await conflictOnDuplicate('assignment', () => db.assignment.create({ data: { applicationId, expertId, assignedAt: at } }));
      return 'assigned';
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
