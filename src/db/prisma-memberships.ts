/** Membership requests in the database (see src/membership/ports.ts). */
import { membershipStatusSchema, type MembershipRepository, type MembershipRequestView } from '../membership/ports.ts';
import type { Db } from './prisma-client.ts';

const withCompany = { company: { select: { name: true } } } as const;

type Row = Omit<MembershipRequestView, 'companyName' | 'answers' | 'countries' | 'status'> & {
  answers: string;
  countries: string;
  status: string;
  company: { name: string };
};

function toView(row: Row): MembershipRequestView {
  const { company, answers, countries, status, ...rest } = row;
  let parsed: Record<string, unknown> = {};
  try {
    const value: unknown = JSON.parse(answers);
    if (value && typeof value === 'object' && !Array.isArray(value)) parsed = value as Record<string, unknown>;
  } catch {
    // Unreadable answers only mean nothing can be registered on approval; the membership itself still can be.
  }
  return {
    ...rest,
    companyName: company.name,
    answers: parsed,
    countries: countries.split(',').filter((c) => c !== ''),
    status: membershipStatusSchema.parse(status),
  };
}

export function createPrismaMemberships(db: Db): MembershipRepository {
  return {
    async create(input) {
      const row = await db.membershipRequest.create({
        data: {
          companyId: input.companyId,
          personId: input.personId,
          identityKey: input.identityKey,
          requestedName: input.requestedName,
          answers: JSON.stringify(input.answers),
          countries: input.countries.join(','),
          createdAt: input.at,
        },
        include: withCompany,
      });
      return toView(row);
    },
    async get(id) {
      const row = await db.membershipRequest.findUnique({ where: { id }, include: withCompany });
      return row ? toView(row) : null;
    },
    async findPending(companyId, personId) {
      const row = await db.membershipRequest.findFirst({
        where: { companyId, personId, status: 'pending' },
        include: withCompany,
        orderBy: { id: 'asc' },
      });
      return row ? toView(row) : null;
    },
    async pending(companies) {
      const rows = await db.membershipRequest.findMany({
        where: { status: 'pending', ...(companies === 'all' ? {} : { companyId: { in: companies } }) },
        include: withCompany,
        orderBy: { id: 'asc' },
      });
      return rows.map(toView);
    },
    async pendingOf(personId) {
      const rows = await db.membershipRequest.findMany({
        where: { personId, status: 'pending' },
        include: withCompany,
        orderBy: { id: 'asc' },
      });
      return rows.map(toView);
    },
    async decide(id, { status, byId, at }) {
      // Conditional: of two approvers clicking at once, one decides and the other is told it is decided.
      const { count } = await db.membershipRequest.updateMany({
        where: { id, status: 'pending' },
        data: { status, decidedById: byId, decidedAt: at },
      });
      return count === 1;
    },
    async membersOf(companyId) {
      const rows = await db.person.findMany({
        where: { roles: { some: { role: 'applicant', companyId, revokedAt: null } } },
        select: { id: true, displayName: true },
        orderBy: { id: 'asc' },
      });
      return rows;
    },
  };
}
