/**
 * Engagements ready to book, set up directly in the database (adoption, forms and assignments belong to the
 * staff pipeline, another feature), and small helpers to read what the bot and the outbox hold.
 */
import type { RunningBot } from '../../src/app/start.ts';
import type { Platform } from '../../src/core/inbound.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { PrismaClient } from '../../src/db/prisma-client.ts';
import type { Program } from '../../src/program/program-schema.ts';
import type { TestBot } from '../support/test-bot.ts';
import { directServices } from '../support/direct-services.ts';

export interface BookableSetup {
  company: string;
  country: string;
  /** Expert user names, granted for the country and assigned. */
  experts?: string[];
  applicant?: string;
  status?: string;
  capHours?: number;
  usedMinutes?: number;
  form1?: boolean;
  form2?: boolean;
}

/** An adopted engagement with Forms 1 and 2 received (unless told otherwise); returns the application id. */
export async function bookableEngagement(tb: TestBot, setup: BookableSetup): Promise<number> {
  const company = await tb.services.applications.findOrCreateCompany(setup.company);
  const applicantId = setup.applicant ? await tb.grant(setup.applicant, 'applicant', { companyId: company.id }) : null;
  const expertIds: number[] = [];
  for (const expert of setup.experts ?? []) expertIds.push(await tb.grant(expert, 'expert', { country: setup.country }));
  return createEngagement(tb.db.prisma, tb.program, setup, company.id, applicantId, expertIds);
}

/**
 * The same on a running server (startBot), for people known by their platform identity
 * (`slack:T1:U1`, `teams:tenant-1:aad-alice`); they are created as on their first message.
 */
export async function bookableEngagementOn(
  running: RunningBot,
  setup: Omit<BookableSetup, 'experts' | 'applicant'> & { applicantKey: string; expertKeys: string[] },
): Promise<number> {
  const services = directServices(running);
  const company = await services.applications.findOrCreateCompany(setup.company);
  const resolve = (key: string) => {
    const [platform, tenant, userId] = key.split(':') as [Platform, string, string];
    return services.people.resolve({ key, platform, tenant, userId });
  };
  const applicant = await resolve(setup.applicantKey);
  await services.people.grantRole({ personId: applicant.id, role: 'applicant', companyId: company.id });
  const expertIds: number[] = [];
  for (const key of setup.expertKeys) {
    const expert = await resolve(key);
    await services.people.grantRole({ personId: expert.id, role: 'expert', country: setup.country });
    expertIds.push(expert.id);
  }
  return createEngagement(running.db.prisma, services.program, setup, company.id, applicant.id, expertIds);
}

async function createEngagement(
  prisma: PrismaClient,
  program: Program,
  setup: BookableSetup,
  companyId: number,
  applicantId: number | null,
  expertIds: number[],
): Promise<number> {
  const status = setup.status ?? 'adopted';
  const adopted = status === 'adopted' || status === 'closed';
  const capHours = setup.capHours ?? program.countries.find((c) => c.code === setup.country)!.capHours;
  const received = new Date('2021-08-25T03:00:00Z');
  const app = await prisma.application.create({
    data: {
      companyId,
      country: setup.country,
      status,
      applicantId,
      appliedAt: new Date('2021-07-20T00:00:00Z'),
      adoptedAt: adopted ? new Date('2021-08-20T03:00:00Z') : null,
      capMinutes: adopted ? capHours * 60 : 0,
      usedMinutes: setup.usedMinutes ?? 0,
      form1ReceivedAt: setup.form1 === false ? null : received,
      form2ReceivedAt: setup.form2 === false ? null : received,
    },
  });
  for (const expertId of expertIds) await prisma.assignment.create({ data: { applicationId: app.id, expertId } });
  return app.id;
}

/** Adds a slot through the bot as `expert` and returns its number (fails the test when refused). */
export async function addSlot(tb: TestBot, expert: string, args: string): Promise<number> {
  const replies = await tb.say(expert, `slots add ${args}`);
  const m = /#(\d+)/.exec(tb.textOf(replies));
  if (!m || replies.some((r) => r.kind === 'error')) throw new Error(`slot not added: ${tb.textOf(replies)}`);
  return Number(m[1]);
}

export function choiceLabels(replies: Reply[]): string[] {
  return replies.flatMap((r) => (r.kind === 'choices' ? r.choices.map((c) => c.label) : []));
}

export function files(replies: Reply[]): Extract<Reply, { kind: 'file' }>[] {
  return replies.flatMap((r) => (r.kind === 'file' ? [r] : []));
}

export interface OutboxRow {
  personId: number;
  dueAt: Date | null;
  dedupeKey: string | null;
  cancelledAt: Date | null;
  sentAt: Date | null;
  replies: Reply[];
  text: string;
}

/** The outbox rows for a person, oldest first, with their text as the console would show it. */
export async function outboxFor(tb: TestBot, user: string): Promise<OutboxRow[]> {
  const personId = await tb.personId(user);
  const rows = await tb.db.prisma.outbox.findMany({ where: { personId }, orderBy: { id: 'asc' } });
  return rows.map((r) => {
    const replies = JSON.parse(r.replies) as Reply[];
    return {
      personId: r.personId,
      dueAt: r.dueAt,
      dedupeKey: r.dedupeKey,
      cancelledAt: r.cancelledAt,
      sentAt: r.sentAt,
      replies,
      text: tb.textOf(replies),
    };
  });
}
