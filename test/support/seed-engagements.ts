/**
 * The people and engagements the benchmark and the resilience tests need, written straight into the
 * database through Prisma (the staff pipeline that adopts and assigns is not what is measured): Slack
 * experts, each granted for a country and assigned to an adopted engagement of their own, program staff,
 * and many engagements for `/quota`. Works on SQLite and PostgreSQL.
 */
import type { PrismaClient } from '../../src/db/prisma-client.ts';
import type { Program } from '../../src/program/program-schema.ts';

export interface SeededExpert {
  /** Slack user id (`UEXP1`). */
  user: string;
  personId: number;
  applicationId: number;
  country: string;
  capMinutes: number;
}

export interface SeededEngagement {
  applicationId: number;
  expertId: number;
  capMinutes: number;
}

/** Adoption date of every seeded engagement: before any BOT_NOW the bench and tests use. */
export const seededAdoptedAt = new Date('2021-08-20T03:00:00Z');

const capOf = (program: Program, country: string) => program.countries.find((c) => c.code === country)!.capHours * 60;

/** A person with a Slack identity and roles; returns the person id. */
export async function seedSlackPerson(
  prisma: PrismaClient,
  p: { team: string; user: string; displayName?: string; roles: { role: 'staff' | 'expert' | 'applicant'; country?: string }[] },
): Promise<number> {
  const person = await prisma.person.create({
    data: {
      displayName: p.displayName ?? p.user.toLowerCase(),
      identities: { create: { key: `slack:${p.team}:${p.user}`, platform: 'slack', tenant: p.team, userId: p.user } },
      roles: { create: p.roles.map((r) => ({ role: r.role, country: r.country ?? '' })) },
    },
  });
  return person.id;
}

/**
 * `count` experts (`<prefix>1`…), each granted for a country (round robin over `countries`) and assigned
 * to an adopted engagement of a company of their own, with the program's cap (or `capMinutes`).
 */
export async function seedExpertsWithEngagements(
  prisma: PrismaClient,
  o: { program: Program; team: string; count: number; countries?: string[]; userPrefix?: string; capMinutes?: number },
): Promise<SeededExpert[]> {
  const countries = o.countries ?? o.program.countries.map((c) => c.code);
  const prefix = o.userPrefix ?? 'UEXP';
  const experts: SeededExpert[] = [];
  for (let i = 1; i <= o.count; i++) {
    const user = `${prefix}${i}`;
    const country = countries[(i - 1) % countries.length]!;
    const capMinutes = o.capMinutes ?? capOf(o.program, country);
    const personId = await seedSlackPerson(prisma, {
      team: o.team,
      user,
      displayName: `Expert ${i}`,
      roles: [{ role: 'expert', country }],
    });
    const company = await prisma.company.create({ data: { name: `${prefix} Client ${i}`, nameKey: `${prefix.toLowerCase()}client${i}` } });
    const app = await prisma.application.create({
      data: {
        companyId: company.id,
        country,
        status: 'adopted',
        appliedAt: new Date('2021-07-20T00:00:00Z'),
        adoptedAt: seededAdoptedAt,
        capMinutes,
      },
    });
    await prisma.assignment.create({ data: { applicationId: app.id, expertId: personId, assignedAt: seededAdoptedAt } });
    experts.push({ user, personId, applicationId: app.id, country, capMinutes });
  }
  return experts;
}

/**
 * `count` adopted engagements (one company each, countries round robin over those with the largest cap)
 * shared among `expertCount` experts, for `/quota` over a large program. Bulk inserts.
 */
export async function seedManyEngagements(
  prisma: PrismaClient,
  o: { program: Program; team: string; count: number; expertCount: number },
): Promise<SeededEngagement[]> {
  const maxCap = Math.max(...o.program.countries.map((c) => c.capHours));
  const countries = o.program.countries.filter((c) => c.capHours === maxCap).map((c) => c.code);
  const expertIds: number[] = [];
  for (let i = 1; i <= o.expertCount; i++) {
    // Granted for every country: their engagements are spread over all of them.
    expertIds.push(
      await seedSlackPerson(prisma, {
        team: o.team,
        user: `UQEXP${i}`,
        displayName: `Quota expert ${i}`,
        roles: countries.map((country) => ({ role: 'expert' as const, country })),
      }),
    );
  }
  await prisma.company.createMany({
    data: Array.from({ length: o.count }, (_, i) => ({ name: `Quota Co ${i + 1}`, nameKey: `quotaco${i + 1}` })),
  });
  const companies = await prisma.company.findMany({
    where: { nameKey: { startsWith: 'quotaco' } },
    orderBy: { id: 'asc' },
    select: { id: true },
  });
  await prisma.application.createMany({
    data: companies.map((c, i) => ({
      companyId: c.id,
      country: countries[i % countries.length]!,
      status: 'adopted',
      appliedAt: new Date('2021-07-20T00:00:00Z'),
      adoptedAt: seededAdoptedAt,
      capMinutes: maxCap * 60,
    })),
  });
  const apps = await prisma.application.findMany({
    where: { company: { nameKey: { startsWith: 'quotaco' } } },
    orderBy: { id: 'asc' },
    select: { id: true },
  });
  const engagements = apps.map((a, i) => ({ applicationId: a.id, expertId: expertIds[i % expertIds.length]!, capMinutes: maxCap * 60 }));
  await prisma.assignment.createMany({
    data: engagements.map((e) => ({ applicationId: e.applicationId, expertId: e.expertId, assignedAt: seededAdoptedAt })),
  });
  return engagements;
}
