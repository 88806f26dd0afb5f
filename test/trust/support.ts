/**
 * Shared by the trust tests: someone registers a company through the real endpoints (the whole eligibility
 * check, as a person would answer it), and a victim company with data worth stealing, seeded in the database.
 */
import type { RunningBot } from '../../src/app/start.ts';
import { applyPipelineEvent } from '../../src/applications/transitions.ts';
import type { Platform } from '../../src/core/inbound.ts';
import type { Reply } from '../../src/core/reply.ts';
import { bookableEngagementOn } from '../booking/fixtures.ts';
import type { SlackHarness } from '../support/slack-harness.ts';
import { textOfActivities, type TeamsExchange, type TeamsHarness } from '../support/teams-harness.ts';
import { directServices } from '../support/direct-services.ts';

/** The eligibility check in a Slack DM, for Thailand and Vietnam, then registering `company`; returns what the bot said at the end. */
export async function registerInSlack(slack: SlackHarness, user: string, company: string): Promise<string> {
  await slack.command(user, '/eligibility', '');
  await slack.click(user, '日本国内の法人');
  await slack.dm(user, 'タイとベトナム');
  await slack.dm(user, 'はい'); // intent
  await slack.dm(user, 'はい'); // consent
  await slack.dm(user, 'いいえ'); // prior use, Thailand
  await slack.dm(user, 'いいえ'); // prior use, Vietnam
  await slack.click(user, 'この内容で結果を見る');
  await slack.click(user, '申請を登録する');
  const before = slack.messages().length;
  await slack.dm(user, company);
  return slack
    .messages()
    .slice(before)
    .map((m) => m.text)
    .join('\n');
}

/** The same in a Teams personal chat; returns what the bot said in that chat only. */
export async function registerInTeams(teams: TeamsHarness, user: string, company: string): Promise<string> {
  let r = await teams.message('eligibility', { user });
  r = await teams.click(r, '日本国内の法人', { user });
  await teams.message('タイとベトナム', { user });
  await teams.message('はい', { user });
  await teams.message('はい', { user });
  await teams.message('いいえ', { user });
  r = await teams.message('いいえ', { user });
  r = await teams.click(r, 'この内容で結果を見る', { user });
  r = await teams.click(r, '申請を登録する', { user });
  return (await sayInTeams(teams, user, company)).text;
}

/**
 * A message in the user's personal chat, and what the bot said there: the outbox may deliver to other
 * people's chats meanwhile, which an exchange would also show. The result can be clicked like an exchange.
 */
export async function sayInTeams(
  teams: TeamsHarness,
  user: string,
  text: string,
  options: { locale?: string } = {},
): Promise<TeamsExchange> {
  const from = teams.connector.calls.length;
  const exchange = await teams.message(text, { user, ...options });
  await teams.running.dispatcher.idle();
  const replies = teams.connector
    .since(from)
    .filter((c) => c.conversationId === `a:personal-${user}` && (c.kind === 'send' || c.kind === 'reply'))
    .map((c) => c.body);
  return { ...exchange, replies, text: textOfActivities(replies) };
}

export interface Victim {
  companyId: number;
  /** Adopted, Forms in, an expert assigned, one booking. */
  thailand: number;
  /** Received, waiting for screening (an applicant could withdraw it). */
  vietnam: number;
  bookingId: number;
  applicantId: number;
  expertId: number;
}

const resolve = (running: RunningBot, key: string, displayName?: string) => {
  const [platform, tenant, userId] = key.split(':') as [Platform, string, string];
  return directServices(running).people.resolve({ key, platform, tenant, userId, displayName });
};

/** A company with an adopted engagement in Thailand (and a booking on it) and an application in Vietnam. */
export async function seedVictim(
  running: RunningBot,
  o: { company: string; applicantKey: string; expertKey: string; staffKey: string },
): Promise<Victim> {
  const services = directServices(running);
  const { db } = running;
  const now = services.clock.now();
  const staff = await resolve(running, o.staffKey, 'Staff');
  await services.people.grantRole({ personId: staff.id, role: 'staff' });
  const thailand = await bookableEngagementOn(running, {
    company: o.company,
    country: 'th',
    applicantKey: o.applicantKey,
    expertKeys: [o.expertKey],
  });
  const th = (await services.applications.get(thailand))!;
  const applicant = (await services.people.findByIdentityKey(o.applicantKey))!;
  const expert = (await services.people.findByIdentityKey(o.expertKey))!;
  const created = await services.applications.create({
    companyId: th.companyId,
    country: 'vn',
    applicantId: applicant.id,
    answers: {},
    priorUseMinutes: 0,
    appliedAt: now,
  });
  if (!created.created) throw new Error('the victim applied for Vietnam already');
  await applyPipelineEvent(services, { id: created.application.id, event: 'receive', actorId: staff.id, at: now });
  const slot = await db.prisma.slot.create({
    data: {
      expertId: expert.id,
      country: 'th',
      kind: 'consultation',
      startsAt: new Date('2021-09-20T03:00:00Z'),
      minutes: 60,
      status: 'booked',
    },
  });
  const booking = await db.prisma.booking.create({
    data: { slotId: slot.id, applicationId: thailand, applicantId: applicant.id, kind: 'consultation', menu: 'A1', estimateMinutes: 60 },
  });
  await db.prisma.application.update({ where: { id: thailand }, data: { reservedMinutes: 60 } });
  return {
    companyId: th.companyId,
    thailand,
    vietnam: created.application.id,
    bookingId: booking.id,
    applicantId: applicant.id,
    expertId: expert.id,
  };
}

/** Everything of the victim's that a takeover would change: applications, bookings, slots, who belongs to it, what its people were told. */
export async function victimState(running: RunningBot, v: Victim) {
  const p = running.db.prisma;
  return {
    applications: await p.application.findMany({ where: { companyId: v.companyId }, orderBy: { id: 'asc' } }),
    bookings: await p.booking.findMany({ where: { applicationId: v.thailand }, orderBy: { id: 'asc' } }),
    slots: await p.slot.findMany({ orderBy: { id: 'asc' } }),
    members: await p.roleGrant.findMany({ where: { companyId: v.companyId, revokedAt: null }, orderBy: { id: 'asc' } }),
    toApplicant: await p.outbox.count({ where: { personId: v.applicantId } }),
    toExpert: await p.outbox.count({ where: { personId: v.expertId } }),
  };
}

/** The texts put in the outbox for a person, in order. */
export async function outboxTexts(running: RunningBot, personId: number, render: (replies: Reply[]) => string): Promise<string[]> {
  const rows = await running.db.prisma.outbox.findMany({ where: { personId }, orderBy: { id: 'asc' } });
  return rows.map((r) => render(JSON.parse(r.replies) as Reply[]));
}
