/** People, their platform identities and their roles, in the database. */
import type { PeopleRepository } from '../core/ports.ts';
import { roleSchema, type PersonView } from '../core/roles.ts';
import { platformSchema } from '../core/inbound.ts';
import { conflictOnDuplicate } from './prisma-errors.ts';
import type { Db } from './prisma-client.ts';

type PersonRow = {
  id: number;
  displayName: string;
  locale: string | null;
  platformLocale: string | null;
  roles: { id: number; role: string; country: string; companyId: number | null }[];
};

const activeRoles = { where: { revokedAt: null }, orderBy: { id: 'asc' as const } };

function toView(row: PersonRow): PersonView {
  return {
    id: row.id,
    displayName: row.displayName,
    locale: row.locale,
    platformLocale: row.platformLocale,
    roles: row.roles.map((g) => ({ id: g.id, role: roleSchema.parse(g.role), country: g.country, companyId: g.companyId })),
  };
}

export function createPrismaPeople(db: Db): PeopleRepository {
  const insert = async (identity: Parameters<PeopleRepository['create']>[0]) => {
    const person = await db.person.create({
      data: {
        displayName: identity.displayName ?? '',
        platformLocale: identity.platformLocale ?? null,
        identities: { create: { key: identity.key, platform: identity.platform, tenant: identity.tenant, userId: identity.userId } },
      },
      include: { roles: activeRoles },
    });
    return toView(person);
  };
  return {
    // Two first messages at once (two instances): the other turn created the identity; this one runs again and finds it.
    create: (identity) => conflictOnDuplicate('identity', () => insert(identity)),
    async rename(personId, displayName) {
      await db.person.update({ where: { id: personId }, data: { displayName } });
    },
    async resolve(identity) {
      const found = await db.identity.findUnique({
        where: { key: identity.key },
        include: { person: { include: { roles: activeRoles } } },
      });
      if (found) {
        const mayRename = !identity.displayNameIsHint || found.person.displayName === '';
        if (identity.displayName && identity.displayName !== found.person.displayName && mayRename) {
          await db.person.update({ where: { id: found.personId }, data: { displayName: identity.displayName } });
          return toView({ ...found.person, displayName: identity.displayName });
        }
        return toView(found.person);
      }
      try {
        return await insert(identity);
      } catch (e) {
        // Two first messages at once: the other one created the identity; use it.
        const again = await db.identity.findUnique({
          where: { key: identity.key },
          include: { person: { include: { roles: activeRoles } } },
        });
        if (again) return toView(again.person);
        throw e;
      }
    },
    async findById(personId) {
      const row = await db.person.findUnique({ where: { id: personId }, include: { roles: activeRoles } });
      return row ? toView(row) : null;
    },
    async findByIdentityKey(identityKey) {
      const row = await db.identity.findUnique({ where: { key: identityKey }, include: { person: { include: { roles: activeRoles } } } });
      return row ? toView(row.person) : null;
    },
    async setLocale(personId, locale) {
      await db.person.update({ where: { id: personId }, data: { locale } });
    },
    async setPlatformLocale(personId, platformLocale) {
      await db.person.update({ where: { id: personId }, data: { platformLocale } });
    },
    async saveAddress(identityKey, address) {
      await db.identity.updateMany({ where: { key: identityKey }, data: { address } });
    },
    async addressesOf(personId) {
      const rows = await db.identity.findMany({ where: { personId, address: { not: null } }, orderBy: { updatedAt: 'desc' } });
      return rows.map((r) => ({ key: r.key, platform: platformSchema.parse(r.platform), address: r.address! }));
    },
    async grantRole({ personId, role, country = '', companyId = null, grantedById = null }) {
      const existing = await db.roleGrant.findFirst({ where: { personId, role, country, companyId, revokedAt: null } });
      if (!existing) await db.roleGrant.create({ data: { personId, role, country, companyId, grantedById } });
    },
    async revokeRole({ personId, role, country }) {
      const { count } = await db.roleGrant.updateMany({
        where: { personId, role, revokedAt: null, ...(country !== undefined ? { country } : {}) },
        data: { revokedAt: new Date() },
      });
      return count;
    },
    async listWithRole(role) {
      const rows = await db.person.findMany({
        where: { roles: { some: { role, revokedAt: null } } },
        include: { roles: activeRoles },
        orderBy: { id: 'asc' },
      });
      return rows.map(toView);
    },
  };
}
