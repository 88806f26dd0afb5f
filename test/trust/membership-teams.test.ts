/**
 * Membership in Teams, through the real /api/messages endpoint (the fake Bot Connector on loopback): the
 * company name typed without its legal form is a separate company that gets nothing; typed exactly, it is a
 * request to join that the company's applicant approves from the card in their personal chat, and staff
 * decline another with a typed command. Both sides are told.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookableEngagementOn } from '../booking/fixtures.ts';
import type { ConnectorCall } from '../support/fake-bot-connector.ts';
import { startTeamsHarness, textOfActivities, type TeamsExchange, type TeamsHarness } from '../support/teams-harness.ts';
import { registerInTeams, sayInTeams } from './support.ts';
import { directServices } from '../support/direct-services.ts';

let teams: TeamsHarness;
let toyota: number;
beforeAll(async () => {
  teams = await startTeamsHarness();
  const services = directServices(teams.running);
  const thailand = await bookableEngagementOn(teams.running, {
    company: 'トヨタ自動車株式会社',
    country: 'th',
    applicantKey: teams.identityKey('taro'),
    expertKeys: [teams.identityKey('ken')],
  });
  toyota = (await services.applications.get(thailand))!.companyId;
  const staff = await services.people.resolve({
    key: teams.identityKey('hana'),
    platform: 'teams',
    tenant: 'tenant-1',
    userId: 'aad-hana',
  });
  await services.people.grantRole({ personId: staff.id, role: 'staff' });
  // Their personal chats with the bot are known, so requests reach them there.
  for (const user of ['taro', 'hana']) await teams.message('help', { user });
}, 60_000);
afterAll(() => teams?.stop());

/** What the outbox delivered to a person's personal chat since call `from`, as an exchange whose buttons can be clicked. */
async function delivered(user: string, from: number): Promise<TeamsExchange> {
  await teams.running.dispatcher.idle();
  // Proactive messages are sent into the stored conversation (as a reply to nothing in particular).
  const calls: ConnectorCall[] = teams.connector
    .since(from)
    .filter((c) => c.conversationId === `a:personal-${user}` && (c.kind === 'send' || c.kind === 'reply'));
  const replies = calls.map((c) => c.body);
  const text = textOfActivities(replies);
  return {
    status: 200,
    replies,
    updates: [],
    text,
    activity: {},
    here: replies,
    hereText: text,
    elsewhere: [],
    elsewhereText: '',
    created: [],
  };
}

describe('asking to join a company in Teams', () => {
  it('the name without its legal form is another company: registered separately, nothing of Toyota shown', async () => {
    const answer = await registerInTeams(teams, 'mallory', 'トヨタ自動車');
    expect(answer).toContain('トヨタ自動車のタイ向けの申請を登録しました');
    for (const word of ['トヨタ自動車株式会社', '申請番号 1']) expect(answer).not.toContain(word);
    const status = await sayInTeams(teams, 'mallory', 'status');
    expect(status.text).toContain('トヨタ自動車（タイ）');
    expect(status.text).not.toContain('トヨタ自動車株式会社');
    const budget = await sayInTeams(teams, 'mallory', 'budget トヨタ自動車株式会社');
    expect(budget.text).toBe('⚠ あなたの会社・担当案件に「トヨタ自動車株式会社」はありません。');
    const mallory = await directServices(teams.running).people.findByIdentityKey(teams.identityKey('mallory'));
    expect(mallory!.roles.map((g) => g.companyId)).not.toContain(toyota);
  });

  it('typed exactly it is a request; Toyota’s applicant approves it from the card, and both sides are told', async () => {
    const from = teams.connector.calls.length;
    const answer = await registerInTeams(teams, 'jiro', 'トヨタ自動車 株式会社');
    expect(answer).toContain('「トヨタ自動車 株式会社」はすでに登録されています。');
    expect(answer).toContain('参加の申請（番号 1）を送りました。');
    expect(answer).not.toContain('申請番号');

    const card = await delivered('taro', from);
    expect(card.text).toContain(
      '参加の申請 1: jiro（ID: teams:tenant-1:aad-jiro）が「トヨタ自動車株式会社」の申請者として参加を求めています',
    );
    expect(card.text).toContain('[承認する（1）]');
    const beforeClick = teams.connector.calls.length;
    const approved = await teams.click(card, '承認する（1）', { user: 'taro' });
    expect(approved.text).toContain(
      '参加の申請 1 を承認しました。jiroさんは「トヨタ自動車株式会社」の申請者になりました。ベトナム向けの申請も登録しました。ご本人にお知らせしました。',
    );
    // The card that asked is closed with the answer.
    expect(approved.updates).toHaveLength(1);

    const told = await delivered('jiro', beforeClick);
    expect(told.text).toContain('「トヨタ自動車株式会社」への参加の申請が承認されました（承認: taro）。');
    expect(told.text).toContain('タイ: 貴社の申請が登録済みです（申請番号 1、');
    expect((await sayInTeams(teams, 'jiro', 'status')).text).toContain('トヨタ自動車株式会社（ベトナム）');
    const audit = await teams.running.db.prisma.auditLog.findMany({
      where: { action: { startsWith: 'membership.' } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['membership.requested', 'membership.approved']);
  });

  it('staff decline a request with a typed command in English; the person is told and sees nothing', async () => {
    const from = teams.connector.calls.length;
    expect(await registerInTeams(teams, 'saburo', 'トヨタ自動車株式会社')).toContain('参加の申請（番号 2）を送りました。');
    const members = await sayInTeams(teams, 'hana', 'members', { locale: 'en-US' });
    expect(members.text).toContain(
      'Request 2 to join: saburo (identity teams:tenant-1:aad-saburo) asks to become an applicant for "トヨタ自動車株式会社"',
    );
    const declined = await sayInTeams(teams, 'hana', 'decline-member 2', { locale: 'en-US' });
    expect(declined.text).toBe('Declined request 2 (saburo, "トヨタ自動車株式会社"). They have been told.');
    const told = await delivered('saburo', from);
    expect(told.text).toContain('「トヨタ自動車株式会社」への参加の申請（番号 2）はお断りされました。');
    const status = await sayInTeams(teams, 'saburo', 'status');
    expect(status.text).toContain('このアカウントで登録された申請はまだありません');
    expect(await teams.running.db.prisma.membershipRequest.findMany({ orderBy: { id: 'asc' }, select: { status: true } })).toEqual([
      { status: 'approved' },
      { status: 'declined' },
    ]);
  });
});
