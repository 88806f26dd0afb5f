// What is typed in the middle of a flow: a choice (label, number, yes/no), a command (runs, the flow stays),
// another flow's command (asks first when answers would be lost), flow words slashed, greetings.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Feature } from '../../src/core/feature.ts';
import { flowChoice, type FlowDefinition } from '../../src/core/flow.ts';
import { choices, text } from '../../src/core/reply.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { sampleFeature } from '../support/sample-feature.ts';

// A second flow, started by `survey`, and a command without a flow, `ping`. Test fixtures, not user-facing text.
const surveyFlow: FlowDefinition<{ mood?: string }> = {
  id: 'survey',
  dataSchema: z.object({ mood: z.string().optional() }),
  start: () => ({}),
  firstStep: () => 'mood',
  steps: {
    mood: {
      ask: () => [
        choices('How are you?', [
          { ...flowChoice('survey', 'mood', 'good', 'Good'), means: 'yes' },
          { ...flowChoice('survey', 'mood', 'bad', 'Not good'), means: 'no' },
        ]),
      ],
      answer: (_turn, input, d) => (input.value ? { ok: true, data: { ...d, mood: input.value } } : { ok: false }),
    },
  },
  next: () => null,
  finish: async (_turn, d) => [text(`Mood: ${d.mood}`)],
};
const extraFeature: Feature = {
  name: 'extra',
  flows: [surveyFlow],
  commands: [
    { name: 'survey', audience: 'everyone', usage: 'survey', summary: 'core.cmd.help', run: (turn) => turn.startFlow('survey') },
    { name: 'ping', audience: 'everyone', usage: 'ping', summary: 'core.cmd.help', run: async () => [text('pong')] },
  ],
};

let tb: TestBot;
beforeEach(async () => {
  tb = await createTestBot({ features: [sampleFeature, extraFeature] });
});
afterEach(() => tb.close());

const seen = (r: Awaited<ReturnType<TestBot['say']>>) => tb.textOf(r);
const slack = (text: string, key: string, isCommand = false) => ({
  platform: 'slack' as const,
  identity: { key: 'slack:T1:U1', tenant: 'T1', userId: 'U1' },
  conversation: { key: 'slack:T1:D1', isDirect: true },
  text,
  isCommand,
  idempotencyKey: key,
});

describe('typed in the middle of a flow', () => {
  it('picks a choice by its number on any platform, and by its label', async () => {
    await tb.handle(slack('order', 'k1'));
    const second = await tb.handle(slack('2', 'k2'));
    expect(tb.textOf(second.replies)).toContain('Order banana?');
    await tb.handle(slack('back', 'k3'));
    const labelled = await tb.handle(slack('Cherry', 'k4'));
    expect(tb.textOf(labelled.replies)).toContain('Order cherry?');
  });

  it('runs a command and keeps the flow open, asking its question again', async () => {
    await tb.say('ann', 'order');
    await tb.say('ann', 'apple');
    const ping = seen(await tb.say('ann', 'ping'));
    expect(ping).toContain('pong');
    expect(ping).toContain('は途中のままです');
    expect(ping).toContain('Order apple?');
    expect(seen(await tb.say('ann', 'yes'))).toContain('Ordered apple');
  });

  it('asks before another flow replaces one with answers; yes leaves and runs the command, no keeps the answers', async () => {
    await tb.say('ann', 'order');
    await tb.say('ann', 'apple');
    const asked = await tb.say('ann', 'survey');
    expect(seen(asked)).toContain('中断して「survey」に進みますか');
    const kept = seen(await tb.click('ann', asked, '続ける'));
    expect(kept).toContain('Order apple?');

    await tb.say('ann', 'survey');
    const left = seen(await tb.say('ann', 'はい'));
    expect(left).toContain('How are you?');
    expect(seen(await tb.say('ann', '👍'))).toContain('Mood: good');
  });

  it('lets another flow replace one where nothing was answered yet', async () => {
    await tb.say('ann', 'order');
    expect(seen(await tb.say('ann', 'survey'))).toContain('How are you?');
  });

  it('keeps the flow and its answers when the person says no to leaving', async () => {
    await tb.say('ann', 'order');
    await tb.say('ann', 'apple');
    await tb.say('ann', 'survey');
    expect(seen(await tb.say('ann', 'no'))).toContain('Order apple?');
    expect(seen(await tb.say('ann', 'yes'))).toContain('Ordered apple');
  });

  it('takes flow words through slash commands (/desk cancel)', async () => {
    await tb.handle(slack('order', 's1'));
    const back = await tb.handle(slack('cancel', 's2', true));
    expect(tb.textOf(back.replies)).toContain('中止しました');
    expect(await tb.services.conversations.get('slack:T1:U1', 'slack:T1:D1')).toBeNull();
  });

  it('answers a greeting by showing the question again, without counting a miss', async () => {
    await tb.say('ann', 'order');
    const hello = seen(await tb.say('ann', 'こんにちは'));
    expect(hello).toContain('前回の続きから再開します');
    expect(hello).toContain('Which fruit?');
  });

  it('switches the language and asks the question again in it', async () => {
    await tb.say('ann', 'order');
    const switched = seen(await tb.say('ann', 'language en'));
    expect(switched).toContain('Language set to English.');
    expect(switched).toContain('is still open');
    expect(switched).toContain('Which fruit?');
  });

  it('re-asks a miss with the choices and an example', async () => {
    await tb.say('ann', 'order');
    const miss = seen(await tb.say('ann', 'durian'));
    expect(miss).toContain('次から選んでください: apple / banana / cherry');
    expect(miss).toContain('選択肢の番号（例: 1）や文字（例: apple）');
  });
});
