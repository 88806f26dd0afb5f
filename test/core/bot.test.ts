import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { sampleFeature } from '../support/sample-feature.ts';
import { encodeAction } from '../../src/core/action-value.ts';
import type { Feature } from '../../src/core/feature.ts';

let tb: TestBot;
afterEach(() => tb.close());

describe('bot', () => {
  beforeEach(async () => {
    tb = await createTestBot({ features: [sampleFeature] });
  });

  it('lists commands in Japanese by default and in English after `language en`', async () => {
    expect(tb.textOf(await tb.say('ann', 'help'))).toContain('使えるコマンド');
    expect(tb.textOf(await tb.say('ann', 'language en'))).toBe('Language set to English.');
    const help = tb.textOf(await tb.say('ann', 'help'));
    expect(help).toContain('What you can do');
    expect(help).toContain('language ja|en — switch the language');
  });

  it('uses the platform locale until the person chooses', async () => {
    expect(tb.textOf(await tb.say('bob', 'help', { locale: 'en-US' }))).toContain('What you can do');
    await tb.say('bob', 'language ja', { locale: 'en-US' });
    expect(tb.textOf(await tb.say('bob', 'help', { locale: 'en-US' }))).toContain('使えるコマンド');
  });

  it('understands full-width and slashed commands', async () => {
    expect(tb.textOf(await tb.say('ann', '／ＨＥＬＰ'))).toContain('使えるコマンド');
  });

  it('handles the same request once and answers a retry with the first replies', async () => {
    const input = {
      platform: 'console' as const,
      identity: { key: 'console:ann', userId: 'ann' },
      conversation: { key: 'console:ann', isDirect: true },
      text: 'order',
      idempotencyKey: 'same-key',
    };
    const first = await tb.handle(input);
    const retry = await tb.handle(input);
    expect(first.duplicate).toBe(false);
    expect(retry.duplicate).toBe(true);
    expect(retry.replies).toEqual(first.replies);
    expect(await tb.db.prisma.processedRequest.count({ where: { key: 'same-key' } })).toBe(1);
  });

  it('refuses a tampered button value with a clear message', async () => {
    const r = await tb.handle({
      platform: 'console',
      identity: { key: 'console:ann', userId: 'ann' },
      conversation: { key: 'console:ann', isDirect: true },
      action: '{"h":1}',
      idempotencyKey: 'bad-button',
    });
    expect(r.replies).toEqual([expect.objectContaining({ kind: 'error', code: 'bad_button' })]);
    const unknown = await tb.handle({
      platform: 'console',
      identity: { key: 'console:ann', userId: 'ann' },
      conversation: { key: 'console:ann', isDirect: true },
      action: encodeAction({ h: 'nobody', v: 'x' }),
      idempotencyKey: 'unknown-handler',
    });
    expect(unknown.replies[0]).toMatchObject({ kind: 'error', code: 'bad_button' });
  });

  it('refuses an over-long message', async () => {
    const r = await tb.say('ann', 'x'.repeat(5000));
    expect(r[0]).toMatchObject({ kind: 'error', code: 'too_long' });
  });

  it('says what it did not understand, shortened', async () => {
    expect(tb.textOf(await tb.say('ann', 'make coffee'))).toBe(
      '「make coffee」は分かりませんでした。help で使えるコマンドを確認できます。',
    );
  });
});

describe('bot errors', () => {
  it('turns an unexpected error into a reply with a reference, never a stack trace, and lets a retry run again', async () => {
    let calls = 0;
    const failing: Feature = {
      name: 'failing',
      commands: [
        {
          name: 'boom',
          audience: 'everyone',
          usage: 'boom',
          summary: 'core.cmd.help',
          run: async () => {
            calls++;
            throw new Error('secret internal detail');
          },
        },
      ],
    };
    tb = await createTestBot({ features: [failing] });
    const r = await tb.say('ann', 'boom', { key: 'boom-1' });
    expect(r[0]).toMatchObject({ kind: 'error', code: 'unexpected' });
    expect(tb.textOf(r)).toMatch(/エラーが発生しました（[0-9a-f]{8}）/);
    expect(tb.textOf(r)).not.toContain('secret internal detail');
    await tb.say('ann', 'boom', { key: 'boom-1' });
    expect(calls).toBe(2);
  });

  it('answers "busy" when the database is locked', async () => {
    const locked: Feature = {
      name: 'locked',
      commands: [
        {
          name: 'lock',
          audience: 'everyone',
          usage: 'lock',
          summary: 'core.cmd.help',
          run: async () => {
            throw Object.assign(new Error('SqliteError: database is locked'), { code: 'SQLITE_BUSY' });
          },
        },
      ],
    };
    tb = await createTestBot({ features: [locked] });
    const r = await tb.say('ann', 'lock', { locale: 'en' });
    expect(r).toEqual([{ kind: 'error', code: 'busy', text: 'The desk is busy right now. Please try again in a moment.' }]);
  });
});
