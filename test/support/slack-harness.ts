/**
 * Slack end-to-end harness: starts the real bot (startBot: HTTP server on port 0, a temporary SQLite
 * database, a ManualClock) with the Slack adapter pointed at a fake Slack API on loopback, and sends it
 * real signed requests. Use it for Slack transcript tests:
 *
 *   const slack = await startSlackHarness({ features: [myFeature] });   // default: createFeatures()
 *   await slack.dm('U1', 'help');                    // a message.im event, signed
 *   await slack.command('U1', '/hours', '2 review NDA');
 *   await slack.click('U1', 'apple');                // clicks the newest button labelled "apple"
 *   await slack.settle();                            // waits for the work after Slack's ack (and the outbox)
 *   slack.lastMessage().text                         // what the user sees (mrkdwn as sent, escaped)
 *   slack.messages()                                 // everything the bot sent: posts, ephemerals, response_url
 *   slack.api.calls('views.publish')                 // raw Web API calls
 *   await slack.close();
 *
 * Every send waits for the HTTP answer (Slack's ack) and then for the work after it, so assertions can
 * follow directly. Users are Slack user ids (`U1`); their DM with the bot is `DU1`. The signature uses
 * real time, as the adapter does; the bot's business clock is `slack.clock` (ManualClock).
 */
import { ManualClock } from '../../src/core/clock.ts';
import type { Feature } from '../../src/core/feature.ts';
import { startBot, type RunningBot } from '../../src/app/start.ts';
import type { SlackAdapter } from '../../adapters/slack/create-slack-adapter.ts';
import { signSlackRequest } from '../../adapters/slack/verify-signature.ts';
import { startFakeSlackApi, type FakeSlackApi } from './fake-slack-api.ts';
import { tempDatabaseUrl } from './temp-database.ts';

export interface SlackButton {
  label: string;
  value: string;
  actionId: string;
  blockId: string;
}

/** A message the bot sent, however it was sent. */
export interface SlackMessageSeen {
  /** `ack`: the body of the HTTP answer to a slash command, which Slack shows as its reply. */
  via: 'chat.postMessage' | 'chat.postEphemeral' | 'response_url' | 'ack';
  channel: string;
  /** The visible text of the blocks (sections, fields, context), one block per line, as sent (escaped mrkdwn). */
  text: string;
  /** The top-level fallback text. */
  fallback: string;
  blocks: Record<string, unknown>[];
  buttons: SlackButton[];
  ephemeral: boolean;
  /** A response_url post that rewrote the original message (after a click). */
  replacesOriginal: boolean;
  /** Posted messages only: the message ts. */
  ts?: string;
  /** response_url posts only. */
  responseUrl?: string;
}

export interface SlackResponse {
  status: number;
  body: string;
}

export interface SendOptions {
  /** Adds `x-slack-retry-num` (a Slack retry of the same request). */
  retryNum?: number;
  /** The channel a slash command came from: a message in the HTTP answer is shown there (set by `command`). */
  ackChannel?: string;
  /** Skips `settle()` after the HTTP answer. */
  noSettle?: boolean;
}

export interface SlackHarness {
  running: RunningBot;
  api: FakeSlackApi;
  clock: ManualClock;
  team: string;
  signingSecret: string;
  /** `POST /slack/events` on the running server. */
  eventsUrl: string;
  /** A slash command from `user`, by default in their DM with the bot. Returns the HTTP answer. */
  command(
    user: string,
    command: string,
    text: string,
    opts?: SendOptions & { channel?: string; triggerId?: string },
  ): Promise<SlackResponse>;
  /** A direct message (message.im event). `eventId` fixed to resend the same event. */
  dm(user: string, text: string, opts?: SendOptions & { eventId?: string }): Promise<SlackResponse>;
  /** An @mention of the bot in a channel (app_mention); `text` without the mention. */
  mention(user: string, channel: string, text: string, opts?: SendOptions & { eventId?: string }): Promise<SlackResponse>;
  /** Clicks the button whose label contains `label`, in `opts.message` or else the newest message showing one. */
  click(user: string, label: string, opts?: SendOptions & { message?: SlackMessageSeen; triggerId?: string }): Promise<SlackResponse>;
  /** Opens the App Home tab. */
  openHome(user: string, opts?: SendOptions): Promise<SlackResponse>;
  /** Clicks a button in the last App Home view published for `user`. */
  clickInHome(user: string, label: string, opts?: SendOptions): Promise<SlackResponse>;
  /** A raw request: body as sent, signed unless `signature` is given; `timestampSec` defaults to now. */
  post(
    body: string,
    opts: SendOptions & { contentType: string; timestampSec?: number; signature?: string; headers?: Record<string, string> },
  ): Promise<SlackResponse>;
  /** Waits until the work after Slack's acks and any outbox delivery are done. */
  settle(): Promise<void>;
  /** Everything the bot sent to users, in order (successful calls only). */
  messages(): SlackMessageSeen[];
  lastMessage(): SlackMessageSeen;
  /** The last App Home view published for `user` (its blocks' text and buttons). */
  homeOf(user: string): { text: string; buttons: SlackButton[]; blocks: Record<string, unknown>[] } | undefined;
  close(): Promise<void>;
}

export interface SlackHarnessOptions {
  /** Features to run (default: the real ones, createFeatures()). */
  features?: Feature[];
  /** The bot's business clock start (ISO); default 2021-09-01T01:00:00Z. */
  now?: string;
  team?: string;
  /** Extra environment (e.g. PROGRAM). */
  env?: Record<string, string>;
  /** pino level; default silent. */
  logLevel?: string;
}

export async function startSlackHarness(opts: SlackHarnessOptions = {}): Promise<SlackHarness> {
  const api = await startFakeSlackApi();
  const temp = tempDatabaseUrl();
  const clock = new ManualClock(new Date(opts.now ?? '2021-09-01T01:00:00Z'));
  const team = opts.team ?? 'T1';
  const signingSecret = 'test-signing-secret';
  const running = await startBot({
    env: {
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: temp.url,
      LOG_LEVEL: opts.logLevel ?? 'silent',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: api.apiUrl,
      ...opts.env,
    },
    clock,
    host: '127.0.0.1',
    ...(opts.features ? { features: opts.features } : {}),
  });
  const slack = running.adapters.find((a) => a.name === 'slack') as SlackAdapter | undefined;
  if (!slack) throw new Error('the Slack adapter is not mounted');
  const eventsUrl = `${running.url}/slack/events`;

  let seq = 0;
  const nextId = (prefix: string) => `${prefix}${Date.now().toString(36)}${++seq}`;
  /** Which channel each response_url we handed out belongs to (Slack knows; the fake does not). */
  const channelOfResponseUrl = new Map<string, string>();
  const responseUrlFor = (channel: string) => {
    const url = api.responseUrl();
    channelOfResponseUrl.set(new URL(url).pathname, channel);
    return url;
  };

  const settle = async () => {
    await slack.idle();
    await running.dispatcher.idle();
  };

  const post: SlackHarness['post'] = async (body, o) => {
    const timestamp = String(o.timestampSec ?? Math.floor(Date.now() / 1000));
    const res = await fetch(eventsUrl, {
      method: 'POST',
      headers: {
        'content-type': o.contentType,
        'x-slack-request-timestamp': timestamp,
        'x-slack-signature': o.signature ?? signSlackRequest(signingSecret, timestamp, body),
        ...(o.retryNum !== undefined ? { 'x-slack-retry-num': String(o.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}),
        ...o.headers,
      },
      body,
    });
    const answer = { status: res.status, body: await res.text() };
    if (o.ackChannel !== undefined && answer.status === 200 && answer.body.startsWith('{')) {
      // A slash command's first reply comes as the body of Slack's acknowledgement.
      api.recordAck(JSON.parse(answer.body) as Record<string, unknown>, o.ackChannel);
    }
    if (!o.noSettle) await settle();
    return answer;
  };

  const postForm = (fields: Record<string, string>, o: SendOptions = {}) =>
    post(new URLSearchParams(fields).toString(), { ...o, contentType: 'application/x-www-form-urlencoded' });
  const postEvent = (event: Record<string, unknown>, eventId: string, o: SendOptions = {}) =>
    post(
      JSON.stringify({
        token: 'legacy',
        team_id: team,
        api_app_id: 'A1',
        type: 'event_callback',
        event_id: eventId,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: team, user_id: 'UBOT', is_bot: true }],
        event,
      }),
      { ...o, contentType: 'application/json' },
    );
  const ts = () => `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, '0')}`;

  const messages = (): SlackMessageSeen[] =>
    api.calls().flatMap((c): SlackMessageSeen[] => {
      if (!c.ok) return [];
      const blocks = (Array.isArray(c.args.blocks) ? c.args.blocks : []) as Record<string, unknown>[];
      const common = { text: textOfBlocks(blocks), fallback: String(c.args.text ?? ''), blocks, buttons: buttonsOf(blocks) };
      if (c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral') {
        const postedTs = c.method === 'chat.postMessage' ? String(c.response.ts) : undefined;
        return [
          {
            ...common,
            via: c.method,
            channel: String(c.args.channel),
            ephemeral: c.method === 'chat.postEphemeral',
            replacesOriginal: false,
            ts: postedTs,
          },
        ];
      }
      if (c.method === 'response_url') {
        const channel = channelOfResponseUrl.get(c.path) ?? '';
        return [
          {
            ...common,
            via: 'response_url',
            channel,
            ephemeral: c.args.response_type === 'ephemeral',
            replacesOriginal: c.args.replace_original === true,
            responseUrl: c.path,
          },
        ];
      }
      if (c.method === 'ack') {
        // Slack's default for a command's answer is ephemeral.
        return [
          {
            ...common,
            via: 'ack',
            channel: String(c.args.channel),
            ephemeral: c.args.response_type !== 'in_channel',
            replacesOriginal: false,
          },
        ];
      }
      return [];
    });

  const homeOf: SlackHarness['homeOf'] = (user) => {
    const call = api
      .delivered('views.publish')
      .filter((c) => c.args.user_id === user)
      .at(-1);
    if (!call) return undefined;
    const blocks = ((call.args.view as { blocks?: unknown[] } | undefined)?.blocks ?? []) as Record<string, unknown>[];
    return { text: textOfBlocks(blocks), buttons: buttonsOf(blocks), blocks };
  };

  const clickPayload = (
    user: string,
    button: SlackButton,
    container: Record<string, unknown>,
    extra: Record<string, unknown>,
    triggerId?: string,
  ) =>
    JSON.stringify({
      type: 'block_actions',
      team: { id: team, domain: 'test' },
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: team },
      api_app_id: 'A1',
      trigger_id: triggerId ?? nextId('trig'),
      container,
      actions: [
        {
          type: 'button',
          action_id: button.actionId,
          block_id: button.blockId,
          value: button.value,
          text: { type: 'plain_text', text: button.label },
          action_ts: ts(),
        },
      ],
      ...extra,
    });

  return {
    running,
    api,
    clock,
    team,
    signingSecret,
    eventsUrl,
    command(user, command, text, o = {}) {
      const channel = o.channel ?? `D${user}`;
      return postForm(
        {
          token: 'legacy',
          team_id: team,
          team_domain: 'test',
          channel_id: channel,
          channel_name: channel.startsWith('D') ? 'directmessage' : 'general',
          user_id: user,
          user_name: user.toLowerCase(),
          command,
          text,
          api_app_id: 'A1',
          is_enterprise_install: 'false',
          response_url: responseUrlFor(channel),
          trigger_id: o.triggerId ?? nextId('trig'),
        },
        { ...o, ackChannel: channel },
      );
    },
    dm(user, text, o = {}) {
      return postEvent(
        { type: 'message', channel: `D${user}`, channel_type: 'im', user, text, ts: ts(), event_ts: ts() },
        o.eventId ?? nextId('Ev'),
        o,
      );
    },
    mention(user, channel, text, o = {}) {
      return postEvent(
        { type: 'app_mention', channel, user, text: `<@UBOT> ${text}`, ts: ts(), event_ts: ts() },
        o.eventId ?? nextId('Ev'),
        o,
      );
    },
    click(user, label, o = {}) {
      const message = o.message ?? [...messages()].reverse().find((m) => m.buttons.some((b) => b.label.includes(label)));
      const button = message?.buttons.find((b) => b.label.includes(label));
      if (!message || !button) throw new Error(`no button labelled "${label}" in the messages the bot sent`);
      const container = { type: 'message', message_ts: message.ts ?? ts(), channel_id: message.channel, is_ephemeral: message.ephemeral };
      const extra = {
        channel: { id: message.channel, name: 'directmessage' },
        response_url: responseUrlFor(message.channel),
        // Slack sends the original message with clicks on ordinary messages, not on ephemeral ones.
        ...(message.ephemeral
          ? {}
          : { message: { type: 'message', ts: container.message_ts, text: message.fallback, blocks: message.blocks } }),
      };
      return postForm({ payload: clickPayload(user, button, container, extra, o.triggerId) }, o);
    },
    openHome(user, o = {}) {
      return postEvent({ type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: ts() }, nextId('Ev'), o);
    },
    clickInHome(user, label, o = {}) {
      const button = homeOf(user)?.buttons.find((b) => b.label.includes(label));
      if (!button) throw new Error(`no button labelled "${label}" in ${user}'s App Home`);
      const payload = clickPayload(user, button, { type: 'view', view_id: 'V1' }, { view: { id: 'V1', type: 'home' } });
      return postForm({ payload }, o);
    },
    post,
    settle,
    messages,
    lastMessage() {
      const all = messages();
      if (all.length === 0) throw new Error('the bot has sent nothing');
      return all.at(-1)!;
    },
    homeOf,
    async close() {
      await running.stop();
      await api.close();
      temp.cleanup();
    },
  };
}

/** The visible text of Block Kit blocks, one line per text element. */
export function textOfBlocks(blocks: Record<string, unknown>[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    const textObj = b.text as { text?: string } | undefined;
    if (textObj?.text) lines.push(textObj.text);
    for (const f of (b.fields as { text?: string }[] | undefined) ?? []) if (f.text) lines.push(f.text);
    if (b.type === 'context') for (const e of (b.elements as { text?: string }[] | undefined) ?? []) if (e.text) lines.push(e.text);
  }
  return lines.join('\n');
}

export function buttonsOf(blocks: Record<string, unknown>[]): SlackButton[] {
  return blocks.flatMap((b) =>
    b.type !== 'actions'
      ? []
      : ((b.elements as { type: string; action_id: string; value?: string; text: { text: string } }[]) ?? [])
          .filter((e) => e.type === 'button')
          .map((e) => ({ label: e.text.text, value: e.value ?? '', actionId: e.action_id, blockId: String(b.block_id ?? '') })),
  );
}
