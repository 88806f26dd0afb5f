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
  return slack.messages().slice(before).map((m) => m.text).join('\n');
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
