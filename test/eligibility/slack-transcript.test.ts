// The eligibility check and applying through Slack: signed requests in, what the user sees in Slack out.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';

let slack: SlackHarness;
beforeAll(async () => {
  slack = await startSlackHarness();
});
afterAll(async () => {
  await slack?.close();
});

/** The text of everything the bot sent while `send` ran. */
async function seen(send: () => Promise<unknown>): Promise<string> {
  const before = slack.messages().length;
  await send();
  return slack
    .messages()
    .slice(before)
    .map((m) => m.text)
    .join('\n');
}

it('checks eligibility step by step in a DM, with back and a wrong answer, and registers the application', async () => {
  expect(await seen(() => slack.command('U1', '/eligibility', ''))).toContain('貴社は次のどれに当たりますか');
  expect(await seen(() => slack.click('U1', '日本国内の法人'))).toContain('どの国にありますか');
  expect(await seen(() => slack.dm('U1', 'タイとベトナム'))).toContain('取り組む意思がありますか');
  const wrong = await seen(() => slack.dm('U1', 'たぶん'));
  expect(wrong).toContain('回答を読み取れませんでした。次から選んでください: はい / いいえ');
  expect(await seen(() => slack.dm('U1', 'back'))).toContain('選択中: タイ、ベトナム');
  expect(await seen(() => slack.click('U1', '決定'))).toContain('取り組む意思がありますか');
  await slack.click('U1', 'はい');
  expect(await seen(() => slack.click('U1', 'はい'))).toContain('タイで本事業を合計20時間以上');
  await slack.click('U1', '20時間未満');
  const summary = await seen(() => slack.dm('U1', '19.5'));
  expect(summary).toContain('ご回答の内容');
  const result = await seen(() => slack.click('U1', 'この内容で結果を見る'));
  expect(result).toContain('タイ: 応募できます');
  expect(result).toContain('2022年2月18日（金）');
  expect(await seen(() => slack.click('U1', '申請を登録する'))).toContain('会社の名称を入力してください');
  const registered = await seen(() => slack.dm('U1', '株式会社スラック'));
  expect(registered).toContain('株式会社スラックのタイ向けの申請を登録しました');
  expect(registered).toContain('株式会社スラックのベトナム向けの申請を登録しました');
  expect(await slack.running.db.prisma.application.count()).toBe(2);
});

it('goes from a greeting to the registration by typing only, as a manager in Bangkok would on a phone', async () => {
  expect(await seen(() => slack.dm('U2', 'こんにちは'))).toContain('貴社は次のどれに当たりますか');
  expect(await seen(() => slack.dm('U2', '日本法人です'))).toContain('どの国にありますか');
  // A place, not a country name; the choice's number on Slack; yes in many forms.
  expect(await seen(() => slack.dm('U2', 'バンコク'))).toContain('取り組む意思がありますか');
  expect(await seen(() => slack.dm('U2', '1'))).toContain('広報（事例紹介など）に協力することに同意いただけますか');
  expect(await seen(() => slack.dm('U2', 'はい😀'))).toContain('タイで本事業を合計20時間以上');
  const prior = await seen(() => slack.dm('U2', '19.99'));
  expect(prior).toContain('19.99時間として記録しました');
  expect(prior).toContain('20時間未満・利用なし（19.99時間）');
  const result = await seen(() => slack.dm('U2', 'この内容で結果を見る'));
  expect(result).toContain('タイ: 応募できます');
  expect(await seen(() => slack.dm('U2', '申請を登録する'))).toContain('会社の名称を入力してください');
  expect(await seen(() => slack.dm('U2', 'バンコク精機株式会社です'))).toContain('バンコク精機株式会社のタイ向けの申請を登録しました');
});

it('runs a command typed in the middle of the check, and takes /desk cancel as the flow word', async () => {
  await slack.dm('U3', '応募資格');
  await slack.dm('U3', '現地法人です');
  const status = await seen(() => slack.dm('U3', 'status'));
  expect(status).toContain('このアカウントで登録された申請はまだありません');
  expect(status).toContain('「応募資格の確認」は途中のままです');
  expect(status).toContain('どの国にありますか');
  expect(await seen(() => slack.dm('U3', 'ホーチミン'))).toContain('日本企業から出資を受けていますか');
  expect(await seen(() => slack.command('U3', '/desk', 'cancel'))).toContain('中止しました');
  expect(await seen(() => slack.dm('U3', 'はい'))).not.toContain('出資を受けていますか');
});

it('says first that the program is closed once the support period is over', async () => {
  const before = slack.clock.now();
  slack.clock.set(new Date('2022-02-21T01:00:00Z'));
  try {
    await slack.dm('U4', 'こんにちは');
    const [first, ...rest] = slack.messages().slice(-2);
    const all = [first, ...rest].map((m) => m!.text).join('\n');
    expect(all.indexOf('本事業の支援期間は2022年2月18日（金）で終了しました')).toBeGreaterThanOrEqual(0);
    expect(all.indexOf('終了しました')).toBeLessThan(all.indexOf('貴社は次のどれに当たりますか'));
  } finally {
    slack.clock.set(before);
  }
});
