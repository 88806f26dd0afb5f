/** Companies and applications (engagements) in the database. */
import { applicationStatusSchema, companyNameKey, type ApplicationView } from '../applications/application.ts';
import type { ApplicationRepository } from '../applications/application-repository.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import type { PrismaClient } from './prisma-client.ts';

const withCompany = { company: { select: { name: true } } } as const;

type Row = Omit<ApplicationView, 'status' | 'answers' | 'companyName'> & { status: string; answers: string; company: { name: string } };

export function toApplicationView(row: Row): ApplicationView {
  const { company, answers, status, ...rest } = row;
  return { ...rest, companyName: company.name, status: applicationStatusSchema.parse(status), answers: JSON.parse(answers) as Record<string, unknown> };
}

export function createApplicationRepository(db: PrismaClient): ApplicationRepository {
  const byCompanyCountry = async (companyId: number, country: string) => {
    const row = await db.application.findUnique({ where: { companyId_country: { companyId, country } }, include: withCompany });
    return row ? toApplicationView(row) : null;
  };
  return {
    async findOrCreateCompany(name) {
      const nameKey = companyNameKey(name);
      const found = await db.company.findUnique({ where: { nameKey } });
      if (found) return { id: found.id, name: found.name };
      try {
        const created = await db.company.create({ data: { name: name.normalize('NFKC').trim(), nameKey } });
        return { id: created.id, name: created.name };
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        const again = await db.company.findUniqueOrThrow({ where: { nameKey } });
        return { id: again.id, name: again.name };
      }
    },
    async findCompany(nameOrId) {
      const row =
        typeof nameOrId === 'number'
          ? await db.company.findUnique({ where: { id: nameOrId } })
          : await db.company.findUnique({ where: { nameKey: companyNameKey(nameOrId) } });
      return row ? { id: row.id, name: row.name } : null;
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
    async get(id) {
      const row = await db.application.findUnique({ where: { id }, include: withCompany });
      return row ? toApplicationView(row) : null;
    },
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
    async findByChannel(channelKey) {
      const row = await db.application.findUnique({ where: { channelKey }, include: withCompany });
      return row ? toApplicationView(row) : null;
    },
    async list(statuses) {
      const rows = await db.application.findMany({ where: statuses ? { status: { in: statuses } } : {}, include: withCompany, orderBy: { id: 'asc' } });
      return rows.map(toApplicationView);
    },
    async expertsOf(applicationId) {
      const rows = await db.assignment.findMany({ where: { applicationId, removedAt: null }, select: { expertId: true }, orderBy: { id: 'asc' } });
      return rows.map((r) => r.expertId);
    },
  };
}
