/**
 * Who may see an answer in a shared conversation, decided by the core for every command, button and flow
 * (src/core/privacy.ts): restricted by the command's audience, buttons and flows private unless public.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/action-value.ts';
import type { Feature } from '../../src/core/feature.ts';
import { flowChoice, type FlowDefinition } from '../../src/core/flow.ts';
import { choices, text, type Reply } from '../../src/core/reply.ts';
import { z } from 'zod';
import { createTestBot, type TestBot } from '../support/test-bot.ts';

const oneQuestion = (id: string, isPublic: boolean): FlowDefinition<{ done?: boolean }> => ({
  id,
  ...(isPublic ? { public: true } : {}),
  dataSchema: z.object({ done: z.boolean().optional() }),
  start: () => ({}),
  firstStep: () => 'q',
  steps: {
    q: {
      ask: () => [choices(`${id}?`, [flowChoice(id, 'q', 'ok', 'ok')])],
      answer: (_turn, _input, d) => ({ ok: true, data: { ...d, done: true } }),
    },
  },
  next: () => null,
  finish: async () => [text(`${id} done`)],
});

const feature: Feature = {
  name: 'privacy-test',
  flows: [oneQuestion('quiz', false), oneQuestion('poll', true)],
  actions: [
    { id: 'press', run: async () => [text('pressed')] },
    { id: 'wave', public: true, run: async () => [text('waved')] },
  ],
  commands: [
    { name: 'open', audience: 'everyone', usage: 'open', summary: 'core.cmd.help', run: async () => [text('for all')] },
    { name: 'secret', audience: ['staff'], usage: 'secret', summary: 'core.cmd.help', run: async () => [text('staff only')] },
    { name: 'mine', audience: 'everyone', private: true, usage: 'mine', summary: 'core.cmd.help', run: async () => [text('yours')] },
    {
      name: 'buttons',
      audience: 'everyone',
      usage: 'buttons',
      summary: 'core.cmd.help',
      run: async () => [
        choices('press or wave', [
          { label: 'press', value: encodeAction({ h: 'press', v: '1' }) },
          { label: 'wave', value: encodeAction({ h: 'wave', v: '1' }) },
        ]),
      ],
    },
    { name: 'quiz', audience: 'everyone', usage: 'quiz', summary: 'core.cmd.help', run: (turn) => turn.startFlow('quiz') },
    { name: 'poll', audience: 'everyone', usage: 'poll', summary: 'core.cmd.help', run: (turn) => turn.startFlow('poll') },
  ],
};

let tb: TestBot;
beforeAll(async () => {
  tb = await createTestBot({ features: [feature] });
});
afterAll(() => tb.close());

const room = { conversation: 'console:room' };
const allPrivate = (replies: Reply[]) => replies.length > 0 && replies.every((r) => r.private === true);
const nonePrivate = (replies: Reply[]) => replies.length > 0 && replies.every((r) => r.private !== true);

describe('private answers in a shared conversation', () => {
  it('a command for some roles answers privately, run or refused; one for everyone does not', async () => {
    expect(nonePrivate(await tb.say('ann', 'open', room))).toBe(true);
    expect(allPrivate(await tb.say('ann', 'secret', room))).toBe(true);
    await tb.grant('sam', 'staff');
    expect(allPrivate(await tb.say('sam', 'secret', room))).toBe(true);
    expect(allPrivate(await tb.say('ann', 'mine', room))).toBe(true);
  });

  it('buttons are private unless their handler is public', async () => {
    const shown = await tb.say('ann', 'buttons', room);
    expect(nonePrivate(shown)).toBe(true);
    expect(allPrivate(await tb.click('ann', shown, 'press', room))).toBe(true);
    expect(nonePrivate(await tb.click('ann', shown, 'wave', room))).toBe(true);
  });

  it('flows are private unless public, for their questions and their answers', async () => {
    const quiz = await tb.say('ann', 'quiz', room);
    expect(allPrivate(quiz)).toBe(true);
    expect(allPrivate(await tb.click('ann', quiz, 'ok', room))).toBe(true);
    const poll = await tb.say('bob', 'poll', room);
    expect(nonePrivate(poll)).toBe(true);
    expect(nonePrivate(await tb.say('bob', 'ok', room))).toBe(true);
  });

  it('nothing is marked in a direct conversation', async () => {
    await tb.grant('sue', 'staff');
    expect(nonePrivate(await tb.say('sue', 'secret'))).toBe(true);
    expect(nonePrivate(await tb.say('sue', 'quiz'))).toBe(true);
  });
});
