/** When the Slack adapter is mounted, how, and that it acknowledges before doing the work. */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/create-slack-adapter.ts';
import { encodeSlackAddress } from '../../adapters/slack/slack-address.ts';
import { startBot } from '../../src/app/start.ts';
import { loadConfig } from '../../src/config.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { text } from '../../src/core/reply.ts';
import { startFakeSlackApi } from '../support/fake-slack-api.ts';
import { HeldFiles } from '../../src/core/held-files.ts';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';
import { tempDatabaseUrl } from '../support/temp-database.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { slackTestFeatures } from './support/slack-test-feature.ts';

describe('mounting', () => {
  it('without Slack credentials the endpoint is not mounted and one info line says how to enable it', async () => {
    const temp = tempDatabaseUrl();
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const running = await startBot({
      env: { NODE_ENV: 'test', PORT: '0', DATABASE_URL: temp.url, LOG_LEVEL: 'info' },
      clock: new ManualClock(new Date()),
      logDestination: sink,
      host: '127.0.0.1',
      features: [],
    });
    try {
      expect(running.adapters.map((a) => a.name)).not.toContain('slack');
      const off = lines.filter((l) => l.includes('Slack is off'));
      expect(off).toHaveLength(1);
      expect(off[0]).toContain('SLACK_SIGNING_SECRET');
      expect((await fetch(`${running.url}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(404);
    } finally {
      await running.stop();
      temp.cleanup();
    }
  });

  describe('Socket Mode', () => {
    let testBot: TestBot;
    beforeAll(async () => {
      testBot = await createTestBot({ features: [] });
    });
    afterAll(async () => {
      await testBot?.close();
    });
    const ctx = (env: Record<string, string>) => ({
      config: loadConfig({ NODE_ENV: 'test', ...env }),
      bot: testBot.bot,
      heldFiles: new HeldFiles({ uow: testBot.uow, clock: testBot.clock }),
      program: testBot.program,
      log: testBot.services.log,
    });

    it('with an app-level token there is no HTTP endpoint, notifications still go out', async () => {
      const api = await startFakeSlackApi();
      try {
        const adapter = createSlackAdapter(
          ctx({ SLACK_APP_TOKEN: 'xapp-1-test', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: api.apiUrl }),
        );
        expect(adapter.routes).toEqual([]);
        // A notification from the outbox reaches the person's DM through the Web API (no socket needed to send).
        await adapter.sender!.send(encodeSlackAddress({ team: 'T1', user: 'UN1' }), [text('Your booking is confirmed.')]);
        expect(api.delivered('conversations.open').at(-1)!.args.users).toBe('UN1');
        const posted = api.delivered('chat.postMessage').at(-1)!;
        expect(posted.args.channel).toBe('DUN1');
        expect(JSON.stringify(posted.args.blocks)).toContain('Your booking is confirmed.');
      } finally {
        await api.close();
      }
    });

    it("a missing bot token stops the start with the variable's name", () => {
      expect(() => createSlackAdapter(ctx({ SLACK_APP_TOKEN: 'xapp-1-test' }))).toThrow(/SLACK_BOT_TOKEN/);
    });
  });
});

describe('with the real features', () => {
  it('the harness starts the bot with createFeatures(); help answers through Slack', async () => {
    const slack = await startSlackHarness();
    try {
      await slack.dm('UREAL', 'help');
      expect(slack.lastMessage()).toMatchObject({ via: 'chat.postMessage', channel: 'DUREAL' });
      expect(slack.lastMessage().text).toContain('使えるコマンド');
      expect(slack.lastMessage().text).toContain('language ja|en');
    } finally {
      await slack.close();
    }
  });
});

describe('acknowledging', () => {
  let slack: SlackHarness;
  beforeAll(async () => {
    slack = await startSlackHarness({ features: slackTestFeatures });
  });
  afterAll(async () => {
    await slack?.close();
  });

  it('acknowledges a command with its first reply message, and sends the rest through response_url after', async () => {
    const release = slack.api.hold('response_url');
    const res = await slack.command('UA1', '/desk', 'two', { noSettle: true });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ response_type: 'ephemeral', text: 'first, only for you' });
    expect(slack.api.calls('response_url')).toHaveLength(0);
    release();
    await slack.settle();
    expect(slack.lastMessage()).toMatchObject({ via: 'response_url', ephemeral: false, text: 'second, for everyone' });
  });

  it('acknowledges a turn slower than Slack waits (three seconds) empty, and answers through response_url when it is done', async () => {
    const began = Date.now();
    const res = await slack.command('UA2', '/desk', 'slow 3200', { noSettle: true });
    const ackedAfter = Date.now() - began;
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(ackedAfter).toBeLessThan(3200);
    await slack.settle();
    expect(slack.lastMessage()).toMatchObject({ via: 'response_url', text: 'slow: 3200' });
  }, 20_000);
});
