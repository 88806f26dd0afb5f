/**
 * Adopted engagements for the hours tests, set up directly in the database (the staff pipeline that adopts
 * applications and assigns experts is another feature). Works on the in-process test bot and on the
 * Slack and Teams harnesses (whose users have platform identities).
 */
import type { IdentityInput } from '../../src/core/ports.ts';
import type { Role } from '../../src/core/roles.ts';
import type { AppServices } from '../../src/app/create-services.ts';
import type { OpenDatabase } from '../../src/db/open-database.ts';
import type { TestBot } from '../support/test-bot.ts';

/** Where to set up: the bot's services and database, and how a user name becomes an identity there. */
export interface SetupTarget {
  services: AppServices;
  db: OpenDatabase;
  identity(user: string): IdentityInput;
}

export const consoleUsers = (tb: TestBot): SetupTarget => ({
  services: tb.services,
  db: tb.db,
  identity: (user) => ({ key: `console:${user}`, platform: 'console', tenant: '', userId: user, displayName: user }),
});

export interface EngagementSetup {
  company: string;
  country: string;
  /** Expert user names assigned (and granted for the country). */
  experts?: string[];
  applicant?: string;
  status?: string;
  /** Default: the program's cap for the country. */
  capHours?: number;
  adoptedAt?: string;
  channelKey?: string;
}

/** Grants `role` to the user (creating the person on first use); returns the person id. */
export async function grant(
  target: SetupTarget,
  user: string,
  role: Role,
  scope: { country?: string; companyId?: number } = {},
): Promise<number> {
  const person = await target.services.people.resolve(target.identity(user));
  await target.services.people.grantRole({ personId: person.id, role, country: scope.country ?? '', companyId: scope.companyId ?? null });
  return person.id;
}

/** Creates the application (adopted unless told otherwise) and its assignments; returns its id. */
export async function engagement(on: TestBot | SetupTarget, setup: EngagementSetup): Promise<number> {
  const target = 'say' in on ? consoleUsers(on) : on;
  const prisma = target.db.prisma;
  const company = await target.services.applications.findOrCreateCompany(setup.company);
  const applicantId = setup.applicant ? await grant(target, setup.applicant, 'applicant', { companyId: company.id }) : null;
  const capHours = setup.capHours ?? target.services.program.countries.find((c) => c.code === setup.country)!.capHours;
  const status = setup.status ?? 'adopted';
  const adopted = status === 'adopted' || status === 'closed';
  const app = await prisma.application.create({
    data: {
      companyId: company.id,
      country: setup.country,
      status,
      applicantId,
      appliedAt: new Date('2021-07-20T00:00:00Z'),
      adoptedAt: adopted ? new Date(setup.adoptedAt ?? '2021-08-20T03:00:00Z') : null,
      capMinutes: adopted ? capHours * 60 : 0,
      channelKey: setup.channelKey ?? null,
    },
  });
  for (const expert of setup.experts ?? []) {
    const expertId = await grant(target, expert, 'expert', { country: setup.country });
    await prisma.assignment.create({ data: { applicationId: app.id, expertId } });
  }
  return app.id;
}

export async function usedMinutes(on: TestBot | SetupTarget, applicationId: number): Promise<number> {
  return (await on.db.prisma.application.findUniqueOrThrow({ where: { id: applicationId } })).usedMinutes;
}
