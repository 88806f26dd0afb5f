/**
 * Membership requests through the real Slack endpoint: a colleague registers their company, which is
 * already registered; its applicant approves from the request's buttons (the registration is completed and
 * both sides are told); a stranger's request is declined by staff with a typed command; everything audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookableEngagementOn } from '../booking/fixtures.ts';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';
import { registerInSlack } from './support.ts';
import { directServices } from '../support/direct-services.ts';

let slack: SlackHarness;
let companyId: number;
beforeAll(async () => {
  slack = await startSlackHarness({ now: '2021-09-01T01:00:00Z' });
  const services = directServices(slack.running);
  const thailand = await bookableEngagementOn(slack.running, {
    company: 'Beta株式会社',
    country: 'th',
    applicantKey: 'slack:T1:UBETA',
    expertKeys: ['slack:T1:UEXP'],
  });
  companyId = (await services.applications.get(thailand))!.companyId;
  const staff = await services.people.resolve({
    key: 'slack:T1:USTAFF',
    platform: 'slack',
    tenant: 'T1',
    userId: 'USTAFF',
    displayName: 'hana',
  });
  await services.people.grantRole({ personId: staff.id, role: 'staff' });
  // Both have used the bot, so requests reach them in their DMs.
  await slack.dm('UBETA', 'help');
  await slack.dm('USTAFF', 'help');
}, 60_000);
afterAll(async () => {
  await slack?.close();
});

const dmOf = (channel: string, from: number) =>
  slack
    .messages()
    .slice(from)
    .filter((m) => m.channel === channel);

async function audit(action: string) {
  const rows = await slack.running.db.prisma.auditLog.findMany({ where: { action }, orderBy: { id: 'asc' } });
  return rows.map((r) => ({ actorId: r.actorId, subjectId: r.subjectId, details: JSON.parse(r.details) as Record<string, unknown> }));
}

describe('asking to join a company in Slack', () => {
  it('a colleague asks, the company’s applicant approves with the button, the registration completes and both sides are told', async () => {
    const from = slack.messages().length;
    const asked = await registerInSlack(slack, 'UKEN', 'ＢＥＴＡ株式会社');
    expect(asked).toContain('「BETA株式会社」はすでに登録されています。');
    expect(asked).toContain('参加の申請（番号 1）を送りました。結果はこのチャットでお知らせします。');

    // The applicant of Beta and staff get the request, with who asks and what to check.
    const request = dmOf('DUBETA', from).at(-1)!;
    expect(request.text).toContain(
      '参加の申請 1: uken（ID: slack:T1:UKEN）が「Beta株式会社」の申請者として参加を求めています（入力された会社名: BETA株式会社、申請したい国: タイ、ベトナム）。',
    );
    expect(request.buttons.map((b) => b.label)).toEqual(['承認する（1）', 'お断りする（1）']);
    expect(
      dmOf('DUSTAFF', from)
        .find((m) => m.buttons.length > 0)!
        .buttons.map((b) => b.label),
    ).toEqual(['承認する（1）', 'お断りする（1）']);
    // `members` lists it too.
    await slack.command('UBETA', '/desk', 'members');
    expect(
      slack
        .messages()
        .slice(-2)
        .map((m) => m.text)
        .join('\n'),
    ).toContain('Beta株式会社 の申請者: ubeta');

    // Until approved the colleague sees nothing of Beta.
    await slack.command('UKEN', '/desk', 'status');
    expect(slack.lastMessage().text).toBe(
      '「BETA株式会社」への参加の申請（番号 1）は承認を待っています。承認されると、この会社の申請状況が見えるようになります。',
    );

    const beforeApproval = slack.messages().length;
    await slack.click('UBETA', '承認する（1）', { message: request });
    const approved = slack
      .messages()
      .slice(beforeApproval)
      .map((m) => m.text)
      .join('\n');
    expect(approved).toContain(
      '参加の申請 1 を承認しました。ukenさんは「Beta株式会社」の申請者になりました。ベトナム向けの申請も登録しました。ご本人にお知らせしました。',
    );

    // The colleague is told: the member, what was registered, what the company had applied for already.
    const told = dmOf('DUKEN', beforeApproval)
      .map((m) => m.text)
      .join('\n');
    expect(told).toContain('「Beta株式会社」への参加の申請が承認されました（承認: ubeta）。');
    expect(told).toMatch(/ベトナム向けの申請を登録しました（申請番号 2）/);
    expect(told).toContain('タイ: 貴社の申請が登録済みです（申請番号 1、');
    const apps = await slack.running.db.prisma.application.findMany({ where: { companyId }, orderBy: { id: 'asc' } });
    expect(apps.map((a) => a.country)).toEqual(['th', 'vn']);
    await slack.command('UKEN', '/desk', 'status');
    expect(
      slack
        .messages()
        .slice(-3)
        .map((m) => m.text)
        .join('\n'),
    ).toContain('Beta株式会社（タイ）申請番号 1');

    // Staff click their copy afterwards: decided once.
    await slack.click('USTAFF', '承認する（1）', { message: dmOf('DUSTAFF', from).find((m) => m.buttons.length > 0)! });
    expect(slack.lastMessage().text).toBe('参加の申請 1（ukenさん）は、すでにubetaさんが承認しています。');

    const kenId = (await directServices(slack.running).people.findByIdentityKey('slack:T1:UKEN'))!.id;
    const betaId = (await directServices(slack.running).people.findByIdentityKey('slack:T1:UBETA'))!.id;
    expect((await audit('membership.requested')).map((a) => [a.actorId, a.subjectId])).toEqual([[kenId, '1']]);
    expect((await audit('membership.approved')).map((a) => [a.actorId, a.subjectId, a.details.companyId])).toEqual([
      [betaId, '1', companyId],
    ]);
    const grant = await slack.running.db.prisma.roleGrant.findFirst({ where: { personId: kenId, role: 'applicant' } });
    expect(grant).toMatchObject({ companyId, grantedById: betaId });
  });

  it('a stranger asks, staff decline with a typed command, the stranger is told whom to contact and gets nothing', async () => {
    const from = slack.messages().length;
    expect(await registerInSlack(slack, 'UODD', 'beta 株式会社')).toContain('参加の申請（番号 2）を送りました');

    // Someone who is not a member of Beta cannot decide it: the same answer as for a request that does not exist.
    await slack.command('UODD', '/desk', 'approve-member 2');
    expect(slack.lastMessage().text).toContain('この操作には「申請企業 / ジェトロ事務局」の権限が必要です');
    await slack.command('UKEN', '/desk', 'approve-member 99');
    expect(slack.lastMessage().text).toContain('参加の申請 99 は見つかりませんでした');

    const beforeDecline = slack.messages().length;
    await slack.command('USTAFF', '/desk', 'decline-member 2');
    expect(
      slack
        .messages()
        .slice(beforeDecline)
        .map((m) => m.text),
    ).toContain('参加の申請 2 をお断りしました（uoddさん、「Beta株式会社」）。ご本人にお知らせしました。');
    const told = dmOf('DUODD', from)
      .map((m) => m.text)
      .join('\n');
    expect(told).toContain('「beta 株式会社」への参加の申請（番号 2）はお断りされました。');
    expect(told).toContain('CHIZAI@jetro.go.jp');
    const odd = await directServices(slack.running).people.findByIdentityKey('slack:T1:UODD');
    expect(odd!.roles).toEqual([]);
    await slack.command('UODD', '/desk', 'status');
    expect(slack.lastMessage().text).toContain('このアカウントで登録された申請はまだありません');
    expect((await audit('membership.declined')).map((a) => a.subjectId)).toEqual(['2']);
    // The request's buttons, clicked later by Beta's applicant, change nothing.
    await slack.click('UBETA', 'お断りする（2）');
    // Staff's stored name: a slash command's user_name (the handle `ustaff`) never renames a known person.
    expect(slack.lastMessage().text).toBe('参加の申請 2（uoddさん）は、すでにhanaさんがお断りしています。');
  });
});
