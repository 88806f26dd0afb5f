/** Hours through Slack: signed slash commands and button clicks on the real server, replies as Slack shows them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoursFeature } from '../../src/hours/feature.ts';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';
import { engagement, usedMinutes, type SetupTarget } from './engagements.ts';
import { directServices } from '../support/direct-services.ts';

let slack: SlackHarness;
let users: SetupTarget;
let acme: number;
let beta: number;

beforeAll(async () => {
  slack = await startSlackHarness({ features: [hoursFeature] });
  users = {
    services: directServices(slack.running),
    db: slack.running.db,
    identity: (user) => ({ key: `slack:${slack.team}:${user}`, platform: 'slack', tenant: slack.team, userId: user }),
  };
  acme = await engagement(users, { company: 'Acme', country: 'th', experts: ['UBOB', 'UKIM'] });
  beta = await engagement(users, { company: 'Beta', country: 'vn', experts: ['UKIM'] });
});
afterAll(async () => {
  await slack?.close();
});

const entries = (applicationId: number) => slack.running.db.prisma.hourEntry.findMany({ where: { applicationId }, orderBy: { id: 'asc' } });

describe('hours in Slack', () => {
  it('logs with /hours and shows the note escaped, so it cannot ping the channel', async () => {
    // What Slack sends when someone types `<!channel> & co` literally: `&`, `<`, `>` encoded.
    await slack.command('UBOB', '/hours', '2 review NDA &lt;!channel&gt; &amp; co');
    const reply = slack.lastMessage().text;
    expect(reply).toContain('2時間を記録しました');
    expect(reply).toContain('契約書・規則類のレビュー');
    expect(reply).toContain('review NDA &lt;!channel&gt; &amp; co');
    expect(reply).not.toContain('<!channel>');
    expect((await entries(acme)).at(-1)!.note).toBe('review NDA <!channel> & co');
  });

  it('logs a retried slash command once', async () => {
    const before = (await entries(acme)).length;
    await slack.command('UBOB', '/hours', '1 電話相談', { triggerId: 'trig-retry' });
    await slack.command('UBOB', '/hours', '1 電話相談', { triggerId: 'trig-retry', retryNum: 1 });
    expect((await entries(acme)).length).toBe(before + 1);
    expect(await usedMinutes(users, acme)).toBe(180);
  });

  it('refuses travel with the reason', async () => {
    await slack.command('UBOB', '/hours', '2 出張');
    expect(slack.lastMessage().text).toContain('専門家の出張に要する時間は支援時間に含まれないため');
  });

  it('takes the last entry back with /hours undo', async () => {
    await slack.command('UBOB', '/hours', '30m メール');
    await slack.command('UBOB', '/hours', 'undo');
    expect(slack.lastMessage().text).toMatch(/記録 #\d+（30分・メール）を取り消しました。/);
    expect(await usedMinutes(users, acme)).toBe(180);
  });

  it('asks which engagement with buttons and logs on the one clicked', async () => {
    await slack.dm('UKIM', 'hours 1 web会議');
    const question = slack.lastMessage();
    expect(question.text).toContain('どの案件の時間ですか？');
    expect(question.buttons.map((b) => b.label)).toEqual(['Acme（タイ）', 'Beta（ベトナム）']);
    await slack.click('UKIM', 'Beta', { message: question });
    expect(slack.lastMessage().text).toContain('1時間を記録しました');
    expect(await entries(beta)).toHaveLength(1);
  });

  it('refuses what would pass the cap and shows the remaining hours', async () => {
    await slack.command('UBOB', '/hours', '8 資料作成');
    await slack.command('UBOB', '/hours', '5 資料作成');
    await slack.command('UBOB', '/hours', '2 資料作成');
    const reply = slack.lastMessage().text;
    expect(reply).toContain(
      '2時間を記録するとAcme（タイ）の上限（17時間）を超えるため、記録しませんでした。残りは1時間です（使用済み 16時間）。',
    );
    expect(await usedMinutes(users, acme)).toBe(16 * 60);
  });
});
