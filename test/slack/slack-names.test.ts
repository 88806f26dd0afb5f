/**
 * Names and language from Slack (users.info with include_locale), through real signed requests and the
 * fake Slack Web API: a person named by Slack id before they ever wrote is shown by their Slack name to staff,
 * to the applicant and in booking summaries; a Slack user's locale picks the language of the first reply until
 * they choose one (and of their notifications); users.info is asked once per person within the cache window;
 * a failing or hanging users.info does not hold a reply back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/app/start.ts';
import { applyPipelineEvent } from '../../src/applications/transitions.ts';
import { directServices } from '../support/direct-services.ts';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';

let slack: SlackHarness | undefined;
afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

/** Staff member USTAFF (created without a name, as `npm run admin` does). */
async function staffMember(running: RunningBot, team: string): Promise<void> {
  const services = directServices(running);
  const staff = await services.people.resolve({ key: `slack:${team}:USTAFF`, platform: 'slack', tenant: team, userId: 'USTAFF' });
  await services.people.grantRole({ personId: staff.id, role: 'staff' });
}

/** An adopted engagement in Thailand whose applicant is `applicantKey`; returns its id. */
async function adoptedEngagement(running: RunningBot, applicantKey: string): Promise<number> {
  const services = directServices(running);
  const [, tenant, userId] = applicantKey.split(':') as [string, string, string];
  const applicant = await services.people.resolve({ key: applicantKey, platform: 'slack', tenant, userId });
  const staff = (await services.people.findByIdentityKey(`slack:${tenant}:USTAFF`))!;
  const company = await services.applications.findOrCreateCompany('Acme Thailand Co., Ltd.');
  await services.people.grantRole({ personId: applicant.id, role: 'applicant', companyId: company.id });
  const now = running.clock.now();
  const created = await services.applications.create({
    companyId: company.id,
    country: 'th',
    applicantId: applicant.id,
    answers: {},
    priorUseMinutes: 0,
    appliedAt: now,
  });
  if (!created.created) throw new Error('exists');
  for (const event of ['receive', 'screen', 'adopt'] as const)
    await applyPipelineEvent(services, { id: created.application.id, event, actorId: staff.id, at: now });
  return created.application.id;
}

const textsTo = (s: SlackHarness, channel: string, from = 0) =>
  s
    .messages()
    .slice(from)
    .filter((m) => m.channel === channel)
    .map((m) => m.text)
    .join('\n');

describe('names from Slack', () => {
  it('an expert granted by Slack id before ever writing appears by name in role list, the assignment notice and booking summaries', async () => {
    slack = await startSlackHarness();
    const s = slack;
    s.api.setUser({ id: 'USTAFF', display_name: 'Sato Hanako', locale: 'ja-JP' });
    s.api.setUser({ id: 'UEXP1', display_name: '', real_name: 'Yamada Taro', locale: 'ja-JP', tz: 'Asia/Bangkok' });
    s.api.setUser({ id: 'UAPP1', display_name: 'Tanaka (Acme)', locale: 'ja-JP' });
    await staffMember(s.running, s.team);
    const id = await adoptedEngagement(s.running, `slack:${s.team}:UAPP1`);

    // The applicant has written once (so notifications reach their DM).
    await s.dm('UAPP1', 'status');
    await s.dm('USTAFF', `role grant expert slack:${s.team}:UEXP1 th`);
    expect(s.lastMessage().text).toContain(`Yamada Taro（slack:${s.team}:UEXP1）に「専門家」の権限を付与しました`);
    await s.dm('USTAFF', 'role list');
    const list = s.lastMessage().text;
    expect(list).toMatch(/専門家（1名）: Yamada Taro \(タイ\)/);
    expect(list).toContain('Sato Hanako');
    expect(list).not.toContain('利用者');
    const expert = await s.running.db.prisma.person.findFirstOrThrow({ where: { identities: { some: { userId: 'UEXP1' } } } });
    expect(expert.displayName).toBe('Yamada Taro');

    // Staff assign the expert by bare Slack id.
    const before = s.messages().length;
    await s.dm('USTAFF', `assign ${id} UEXP1`);
    expect(textsTo(s, 'DUAPP1', before)).toContain('の担当専門家が決まりました: Yamada Taro さん。');

    // Staff publish a slot for the expert (who still has never written), forms come in, the applicant books.
    await s.dm('USTAFF', `slots for slack:${s.team}:UEXP1 add 2021-09-15 14:00 1h consultation`);
    expect(s.lastMessage().text).toContain('（Yamada Taro さんの枠として登録しました）');
    await s.dm('USTAFF', `forms ${id} both`);
    await s.command('UAPP1', '/book', '');
    await s.click('UAPP1', '管理職向けコンサルテーション');
    await s.click('UAPP1', 'A1');
    await s.click('UAPP1', '9月15日');
    expect(s.lastMessage().text).toContain('専門家*\nYamada Taro');
    await s.click('UAPP1', '予約する');
    // The expert's notice (queued until they have a DM with the bot) names the applicant and the expert by name.
    const queued = await s.running.db.prisma.outbox.findMany({ where: { personId: expert.id } });
    const notice = queued.map((m) => m.replies).join('\n');
    expect(notice).toContain('新しい予約 #1 が入りました（Acme Thailand Co., Ltd.、Tanaka (Acme) さん）。');
    expect(notice).toContain('Yamada Taro');
    await s.command('UAPP1', '/desk', 'bookings');
    expect(s.lastMessage().text).toContain('専門家: Yamada Taro');
    expect(
      s
        .messages()
        .map((m) => m.text)
        .join('\n'),
    ).not.toMatch(/専門家: #\d/);
  }, 60_000);

  it('someone Slack has no name for is shown as a numbered user without a name, never a bare number', async () => {
    slack = await startSlackHarness();
    const s = slack;
    await staffMember(s.running, s.team);
    await s.dm('USTAFF', `role grant expert slack:${s.team}:UGONE9 th`);
    await s.dm('USTAFF', 'role list');
    expect(s.lastMessage().text).toMatch(/専門家（1名）: 利用者 #\d+（名前未登録） \(タイ\)/);
  });
});

describe('language from the Slack locale', () => {
  it('an en-US user is answered in English until they choose Japanese; their notifications follow the same rule', async () => {
    slack = await startSlackHarness();
    const s = slack;
    s.api.setUser({ id: 'UEN', display_name: 'Emily', locale: 'en-US', tz: 'America/New_York' });
    s.api.setUser({ id: 'USTAFF', display_name: 'Sato Hanako', locale: 'ja-JP' });
    await staffMember(s.running, s.team);

    await s.dm('UEN', 'help');
    expect(s.lastMessage().text).toContain('What you can do');
    const person = await s.running.db.prisma.person.findFirstOrThrow({ where: { identities: { some: { userId: 'UEN' } } } });
    expect(person).toMatchObject({ displayName: 'Emily', platformLocale: 'en-US', locale: null });

    // Granted a role by a Japanese-speaking staff member: the notice is in the recipient's language.
    const before = s.messages().length;
    await s.dm('USTAFF', `role grant expert <@UEN> th`);
    expect(textsTo(s, 'DUSTAFF', before)).toContain(`Emily（slack:${s.team}:UEN）に「専門家」の権限を付与しました`);
    expect(textsTo(s, 'DUEN', before)).toContain('You have been given the "expert" role');

    await s.dm('UEN', 'language ja');
    expect(s.lastMessage().text).toContain('表示言語を日本語にしました。');
    await s.dm('UEN', 'help');
    expect(s.lastMessage().text).toContain('使えるコマンド');

    // A slash command reads the same locale.
    s.api.setUser({ id: 'UEN2', display_name: 'Noah', locale: 'en-GB' });
    await s.command('UEN2', '/desk', 'help');
    expect(s.lastMessage().text).toContain('What you can do');
  });
});

describe('asking Slack', () => {
  it('asks users.info once per person within the cache window, for senders and people mentioned', async () => {
    slack = await startSlackHarness();
    const s = slack;
    s.api.setUser({ id: 'USTAFF', display_name: 'Sato Hanako', locale: 'ja-JP' });
    s.api.setUser({ id: 'UEXP2', display_name: 'Nguyen', locale: 'en-US' });
    await staffMember(s.running, s.team);
    await s.dm('USTAFF', 'help');
    await s.dm('USTAFF', `role grant expert <@UEXP2> vn`);
    await s.command('USTAFF', '/desk', 'role list');
    await s.dm('UEXP2', 'help');
    await s.dm('UEXP2', 'whoami');
    const asked = s.api.calls('users.info').map((c) => c.args.user);
    expect(asked.filter((u) => u === 'USTAFF')).toHaveLength(1);
    expect(asked.filter((u) => u === 'UEXP2')).toHaveLength(1);
    expect(s.api.calls('users.info').every((c) => c.args.include_locale === 'true')).toBe(true);
    expect(s.lastMessage().text).toContain('Nguyen');
  });

  it('a failing users.info does not hold the reply back', async () => {
    slack = await startSlackHarness();
    const s = slack;
    s.api.setUser({ id: 'UFAIL', display_name: 'Lee', locale: 'en-US' });
    s.api.failNext('users.info', { status: 500 });
    const res = await s.dm('UFAIL', 'help');
    expect(res.status).toBe(200);
    // Answered without the locale (Japanese, the default), and nobody was named.
    expect(s.lastMessage()).toMatchObject({ channel: 'DUFAIL' });
    expect(s.lastMessage().text).toContain('使えるコマンド');
    expect(s.api.calls('users.info')).toHaveLength(1);
    expect(s.api.calls('users.info')[0]!.ok).toBe(false);
  });

  it('a users.info that does not answer does not hold the reply back; its answer is used once it comes', async () => {
    slack = await startSlackHarness();
    const s = slack;
    s.api.setUser({ id: 'USLOW', display_name: 'Kim', locale: 'en-US' });
    const release = s.api.hold('users.info');
    await s.dm('USLOW', 'help');
    expect(s.lastMessage()).toMatchObject({ channel: 'DUSLOW' });
    expect(s.lastMessage().text).toContain('使えるコマンド');
    await s.command('USLOW', '/desk', 'help');
    expect(s.lastMessage().text).toContain('使えるコマンド');
    release();
    // The lookup still under way when the message went on: its answer comes and is used next time.
    await expect.poll(() => s.api.calls('users.info').length).toBe(1);
    await s.dm('USLOW', 'whoami');
    expect(s.lastMessage().text).toContain('Kim');
    expect(s.api.calls('users.info')).toHaveLength(1);
  });
});
