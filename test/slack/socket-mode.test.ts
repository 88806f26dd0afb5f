/**
 * Slack over Socket Mode, end to end: the real bot (startBot) with SLACK_APP_TOKEN connects out to a fake Socket
 * Mode endpoint (a WebSocket server on loopback speaking Slack's protocol), whose URL the fake Web API hands out
 * from `apps.connections.open` at SLACK_API_URL. Slack's envelopes come in over the socket; the bot answers in the
 * acknowledgement (slash commands) or with the Web API (events, clicks).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackAdapter } from '../../adapters/slack/create-slack-adapter.ts';
import { startBot, type RunningBot } from '../../src/app/start.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.ts';
import { startFakeSocketMode, type FakeSocketMode } from '../support/fake-socket-mode.ts';
import { buttonsOf, textOfBlocks } from '../support/slack-harness.ts';
import { tempDatabaseUrl } from '../support/temp-database.ts';

const team = 'T1';
let api: FakeSlackApi;
let socket: FakeSocketMode;
let running: RunningBot;
let slack: SlackAdapter;
const temp = tempDatabaseUrl();

beforeAll(async () => {
  api = await startFakeSlackApi();
  socket = await startFakeSocketMode();
  api.useSocketMode(socket.url);
  running = await startBot({
    env: {
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: temp.url,
      LOG_LEVEL: 'silent',
      SLACK_APP_TOKEN: 'xapp-1-test',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: api.apiUrl,
    },
    clock: new ManualClock(new Date('2021-09-01T01:00:00Z')),
    host: '127.0.0.1',
  });
  slack = running.adapters.find((a) => a.name === 'slack') as SlackAdapter;
  await socket.connected();
});

afterAll(async () => {
  await running?.stop();
  await socket?.close();
  await api?.close();
  temp.cleanup();
});

let seq = 0;
const ts = () => `${1_630_000_000 + ++seq}.000100`;

const slashCommand = (user: string, command: string, text: string) => ({
  token: 'legacy',
  team_id: team,
  team_domain: 'test',
  channel_id: `D${user}`,
  channel_name: 'directmessage',
  user_id: user,
  user_name: user.toLowerCase(),
  command,
  text,
  api_app_id: 'A1',
  is_enterprise_install: 'false',
  response_url: api.responseUrl(),
  trigger_id: `trig-${++seq}`,
});

const directMessage = (user: string, text: string) => ({
  token: 'legacy',
  team_id: team,
  api_app_id: 'A1',
  type: 'event_callback',
  event_id: `Ev${++seq}`,
  event_time: Math.floor(Date.now() / 1000),
  authorizations: [{ team_id: team, user_id: 'UBOT', is_bot: true }],
  event: { type: 'message', channel: `D${user}`, channel_type: 'im', user, text, ts: ts(), event_ts: ts() },
});

const postsTo = (channel: string) => api.delivered('chat.postMessage').filter((c) => c.args.channel === channel);
const blocksOf = (args: Record<string, unknown> | undefined) =>
  (Array.isArray(args?.blocks) ? args.blocks : []) as Record<string, unknown>[];

describe('Slack over Socket Mode', () => {
  it('connects with the app-level token through SLACK_API_URL and serves no HTTP endpoint', async () => {
    const opened = api.calls('apps.connections.open');
    expect(opened.length).toBeGreaterThanOrEqual(1);
    expect(opened[0]!.token).toBe('xapp-1-test');
    expect(socket.connections()).toBe(1);
    expect((await fetch(`${running.url}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('answers a slash command in its acknowledgement', async () => {
    const before = api.calls().length;
    const ack = await socket.send('slash_commands', slashCommand('U1', '/desk', 'help'));
    expect(ack.payload).toBeDefined();
    const text = textOfBlocks(blocksOf(ack.payload));
    expect(text).toContain('使えるコマンド');
    expect(text).toContain('eligibility');
    await slack.idle();
    // No extra call: the reply travelled in the acknowledgement, not through response_url or chat.postMessage.
    expect(
      api
        .calls()
        .slice(before)
        .filter((c) => c.method === 'response_url' || c.method === 'chat.postMessage'),
    ).toEqual([]);
  });

  it('answers a direct message with chat.postMessage and acknowledges the event once it is handled', async () => {
    const ack = await socket.send('events_api', directMessage('U2', 'language en'));
    // The event is acknowledged after the reply was posted (Slack would deliver an unacknowledged event again).
    const replies = postsTo('DU2');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.token).toBe('xoxb-test-token');
    expect(textOfBlocks(blocksOf(replies[0]!.args))).toContain('English');
    expect(ack.payload ?? {}).toEqual({});
  });

  it('handles a button click: acknowledged, the next question through response_url', async () => {
    await socket.send('events_api', directMessage('U3', 'eligibility'));
    await slack.idle();
    const question = postsTo('DU3').at(-1)!;
    const buttons = buttonsOf(blocksOf(question.args));
    const local = buttons.find((b) => b.label.includes('海外の現地法人'));
    expect(local, JSON.stringify(buttons.map((b) => b.label))).toBeDefined();

    const responseUrl = api.responseUrl();
    const ack = await socket.send('interactive', {
      type: 'block_actions',
      team: { id: team, domain: 'test' },
      user: { id: 'U3', username: 'u3', name: 'u3', team_id: team },
      api_app_id: 'A1',
      trigger_id: `trig-${++seq}`,
      container: { type: 'message', message_ts: String(question.response.ts), channel_id: 'DU3', is_ephemeral: false },
      channel: { id: 'DU3', name: 'directmessage' },
      response_url: responseUrl,
      message: {
        type: 'message',
        ts: String(question.response.ts),
        text: String(question.args.text ?? ''),
        blocks: blocksOf(question.args),
      },
      actions: [
        {
          type: 'button',
          action_id: local!.actionId,
          block_id: local!.blockId,
          value: local!.value,
          text: { type: 'plain_text', text: local!.label },
          action_ts: ts(),
        },
      ],
    });
    expect(ack.envelope_id).toBeDefined();
    await slack.idle();
    const answered = api.delivered('response_url').filter((c) => c.path === new URL(responseUrl).pathname);
    const shown = answered.map((c) => textOfBlocks(blocksOf(c.args))).join('\n');
    // The clicked question shows the choice, and the flow moved on to the countries.
    expect(shown).toContain('海外の現地法人');
    expect(shown).toContain('どの国');
  });
});
