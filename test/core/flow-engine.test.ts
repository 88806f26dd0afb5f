import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bot } from '../../src/core/bot.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { sampleFeature } from '../support/sample-feature.ts';

let tb: TestBot;
beforeEach(async () => {
  tb = await createTestBot({ features: [sampleFeature] });
});
afterEach(() => tb.close());

describe('flow engine', () => {
  it('asks one question at a time and finishes with the answers', async () => {
    const q1 = await tb.say('ann', 'order');
    expect(tb.textOf(q1)).toContain('Which fruit?');
    const q2 = await tb.click('ann', q1, 'banana');
    expect(tb.textOf(q2)).toContain('Order banana?');
    const done = await tb.say('ann', 'yes');
    expect(tb.textOf(done)).toContain('Ordered banana');
    expect(await tb.services.conversations.get('console:ann', 'console:ann')).toBeNull();
  });

  it('goes back to change the previous answer without restarting', async () => {
    await tb.say('ann', 'order');
    await tb.say('ann', 'apple');
    const back = await tb.say('ann', '戻る');
    expect(tb.textOf(back)).toContain('Which fruit?');
    const q2 = await tb.say('ann', 'cherry');
    expect(tb.textOf(q2)).toContain('Order cherry?');
  });

  it('says so when there is nothing to go back to', async () => {
    await tb.say('ann', 'order');
    expect(tb.textOf(await tb.say('ann', 'back'))).toMatch(/最初の質問です[\s\S]*Which fruit\?/);
  });

  it('answers help at a step and returns to the same question', async () => {
    await tb.say('ann', 'order');
    await tb.say('ann', 'apple');
    const help = tb.textOf(await tb.say('ann', 'help'));
    expect(help).toContain('Pick a fruit you like.');
    expect(help).toContain('Order apple?');
  });

  it('re-asks a wrong answer with the valid choices, and offers help or stop after three misses', async () => {
    await tb.say('ann', 'order');
    const miss = tb.textOf(await tb.say('ann', 'durian'));
    expect(miss).toContain('次から選んでください: apple / banana / cherry');
    expect(miss).toContain('Which fruit?');
    await tb.say('ann', 'durian');
    const third = await tb.say('ann', 'durian');
    expect(tb.textOf(third)).toContain('ヘルプを見るか、中止できます');
    const stopped = await tb.click('ann', third, '中止する');
    expect(tb.textOf(stopped)).toContain('中止しました');
  });

  it('cancels and restarts at any step', async () => {
    await tb.say('ann', 'order');
    await tb.say('ann', 'apple');
    expect(tb.textOf(await tb.say('ann', 'restart'))).toContain('Which fruit?');
    expect(tb.textOf(await tb.say('ann', 'キャンセル'))).toContain('中止しました');
    expect(tb.textOf(await tb.say('ann', 'apple'))).toContain('分かりませんでした');
  });

  it('never lets an old button answer the current question', async () => {
    const q1 = await tb.say('ann', 'order');
    await tb.click('ann', q1, 'apple');
    const again = tb.textOf(await tb.click('ann', q1, 'banana'));
    expect(again).toContain('もう回答済みです');
    expect(again).toContain('Order apple?');
  });

  it('resumes where it stopped, also with a new bot over the same database (a restart)', async () => {
    await tb.say('ann', 'order');
    await tb.say('ann', 'cherry');
    const restarted = new Bot({ uow: tb.uow, log: tb.services.log }, [sampleFeature]);
    const r = await restarted.handle({
      platform: 'console',
      identity: { key: 'console:ann', userId: 'ann' },
      conversation: { key: 'console:ann', isDirect: true },
      text: 'order',
      idempotencyKey: 'resume-1',
    });
    expect(tb.textOf(r.replies)).toMatch(/前回の続きから再開します[\s\S]*Order cherry\?/);
  });

  it('expires a flow left longer than the configured period', async () => {
    await tb.say('ann', 'order');
    tb.clock.advanceMinutes(72 * 60 + 1);
    const r = tb.textOf(await tb.say('ann', 'apple'));
    expect(r).toContain('期限切れ');
    expect(r).not.toContain('Order apple?');
  });

  it('keeps flows apart per conversation', async () => {
    await tb.say('ann', 'order', { conversation: 'slack:T1:C1' });
    expect(tb.textOf(await tb.say('ann', 'apple'))).toContain('分かりませんでした');
    expect(tb.textOf(await tb.say('ann', 'apple', { conversation: 'slack:T1:C1' }))).toContain('Order apple?');
  });
});
