/**
 * The real bot server (startBot, PORT 0, a temporary SQLite file, a ManualClock) with Teams in front of
 * it: post Bot Framework activities to /api/messages as Teams would, and read what the bot sent to the
 * fake Bot Connector on loopback. For Teams transcript tests:
 *
 *   const teams = await startTeamsHarness();
 *   const first = await teams.message('eligibility', { user: 'alice' });   // personal chat, Japanese
 *   expect(first.text).toContain('…');
 *   const next = await teams.click(first, 'タイ', { user: 'alice' });      // clicks a card button
 *   await teams.message('help', { user: 'bob', in: 'channel', locale: 'en-US' });  // @Desk help in a channel
 *   const saved = await teams.fileConsent(exported, 'accept', { user: 'alice' });  // Allow on a file consent card
 *   await teams.stop();
 *
 * People are `teams:tenant-1:aad-<user>` (see `identityKey`); `teams.running` is the RunningBot
 * (services, database, dispatcher) and `teams.clock` its clock. Without `appId` the harness opts in to
 * unauthenticated local use (TEAMS_ALLOW_UNAUTHENTICATED=1; the fake connector is on loopback). With `appId`,
 * requests carry tokens from the fake connector's local issuer, the connector is the service URL allow-list,
 * and requests ask for the replies in the response (deliveryMode expectReplies), because sending them to
 * the connector would need a token from Microsoft Entra. Files are uploaded to the fake connector's upload
 * sessions: TEAMS_FILE_UPLOAD_ALLOWLIST is the connector's loopback origin.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { fileConsentContentType } from '../../adapters/teams/file-cards.ts';
import { startBot, type RunningBot } from '../../src/app/start.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { Feature } from '../../src/core/feature.ts';
import { FakeBotConnector, type ConnectorCall, type SentActivity } from './fake-bot-connector.ts';
import { tempDatabaseUrl } from './temp-database.ts';

export const teamsTenant = 'tenant-1';
export const teamsBot = { id: '28:desk-bot', name: 'Desk' };
export const teamsChannelConversation = '19:general@thread.tacv2';

export interface TeamsHarnessOptions {
  /** Configure a Microsoft app id: every request then carries a token signed by the local issuer. */
  appId?: string;
  /** More environment (NODE_ENV, MICROSOFT_APP_TYPE, …); PORT, DATABASE_URL are set by the harness. */
  env?: Record<string, string>;
  /** Replace the bot's features (default: the real ones). */
  features?: Feature[];
  /** The clock's start, ISO 8601 (default 2021-09-01T10:00:00+09:00). */
  now?: string;
}

export interface PostOptions {
  /** The Teams user (default 'alice'): from.id `29:<user>`, aadObjectId `aad-<user>`. */
  user?: string;
  /** The activity's locale (Teams sends the client's language); default none, so the bot answers in Japanese. */
  locale?: string;
  /** The personal chat with the bot (default), or the team's General channel (text gets an @Desk mention). */
  in?: 'personal' | 'channel';
  /** The activity id; give the same id twice to simulate a repeated delivery. */
  id?: string;
  /** Override the Authorization header: null sends none, a string sends it as is. */
  authorization?: string | null;
  /** Ask for the replies in the HTTP response (default: true when the harness has an appId). */
  expectReplies?: boolean;
}

export interface TeamsExchange {
  /** The HTTP status of /api/messages. */
  status: number;
  /** The messages the bot sent for this activity, in order (each with the id the connector gave it). */
  replies: SentActivity[];
  /** The cards the bot replaced (after a button click). */
  updates: ConnectorCall[];
  /** The plain text of `replies`: text blocks, facts as `label: value`, buttons as `[label]`. */
  text: string;
  /** What went to the conversation the activity came from (a channel's thread, the personal chat), and its text. */
  here: SentActivity[];
  hereText: string;
  /** What went to other conversations: a personal chat the bot opened (private answers to a channel), and its text. */
  elsewhere: ConnectorCall[];
  elsewhereText: string;
  /** The personal chats the bot opened (or found) for this activity (`POST /v3/conversations`). */
  created: ConnectorCall[];
  /** The activity that was posted. */
  activity: Record<string, unknown>;
}

export interface TeamsHarness {
  running: RunningBot;
  connector: FakeBotConnector;
  clock: ManualClock;
  /** The identity key of a harness user, for services.people and role grants. */
  identityKey(user: string): string;
  /** A typed message (in a channel, after an @mention of the bot). */
  message(text: string, options?: PostOptions): Promise<TeamsExchange>;
  /** Clicks the button whose title contains `label` on one of the cards in `exchange`. */
  click(exchange: TeamsExchange, label: string, options?: PostOptions): Promise<TeamsExchange>;
  /**
   * The person's answer to the FileConsentCard in `exchange` (the first, or the one for `filename`), as Teams
   * sends it: an invoke `fileConsent/invoke` replying to the card, with the card's context and, for accept,
   * an upload session of the fake connector (`uploadUrl` to name another).
   */
  fileConsent(
    exchange: TeamsExchange,
    action: 'accept' | 'decline',
    options?: PostOptions & { filename?: string; uploadUrl?: string },
  ): Promise<TeamsExchange>;
  /** Posts an invoke activity `name` with `value` (replying to `replyToId`). */
  invoke(name: string, value: unknown, options?: PostOptions & { replyToId?: string }): Promise<TeamsExchange>;
  /** Members added to a conversation: `'bot'` for the bot itself, else user names. */
  conversationUpdate(added: string[], options?: PostOptions): Promise<TeamsExchange>;
  /** Builds an activity as the harness would post it, for tests that change a detail first. */
  activity(type: string, options?: PostOptions & { text?: string; value?: unknown; replyToId?: string }): Record<string, unknown>;
  /** Posts any activity. */
  post(activity: Record<string, unknown>, options?: Pick<PostOptions, 'authorization'>): Promise<TeamsExchange>;
  /** Everything the server logged (JSON lines), for diagnosing a failing test. */
  logs(): string;
  stop(): Promise<void>;
}

/** The readable text of sent activities, as a person would see it. */
export function textOfActivities(activities: ReadonlyArray<{ text?: unknown; attachments?: SentActivity['attachments'] }>): string {
  const lines: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && typeof element.text === 'string') lines.push(element.text);
    if (element.type === 'FactSet' && Array.isArray(element.facts)) {
      for (const f of element.facts as { title: string; value: string }[]) lines.push(`${f.title}: ${f.value}`);
    }
    if (element.type === 'Action.Submit' && typeof element.title === 'string') lines.push(`[${element.title}]`);
    for (const key of ['body', 'items', 'columns', 'actions']) if (key in element) walk(element[key]);
  };
  for (const activity of activities) {
    if (typeof activity.text === 'string' && activity.text) lines.push(activity.text);
    for (const a of activity.attachments ?? []) {
      if (a.contentType === 'application/vnd.microsoft.card.adaptive') walk(a.content);
      else lines.push(`📎 ${a.name ?? a.contentType}`);
    }
  }
  return lines.join('\n');
}

let activitySeq = 0;

export async function startTeamsHarness(options: TeamsHarnessOptions = {}): Promise<TeamsHarness> {
  const connector = await FakeBotConnector.start();
  const temp = tempDatabaseUrl();
  const clock = new ManualClock(new Date(options.now ?? '2021-09-01T10:00:00+09:00'));
  const logLines: string[] = [];
  const logSink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: temp.url,
    LOG_LEVEL: 'info',
    // Teams fails closed: with an app id, replies may go only to the fake connector (the allow-list); without
    // one, the explicit local opt-in (loopback service URLs only).
    ...(options.appId
      ? {
          MICROSOFT_APP_ID: options.appId,
          MICROSOFT_APP_PASSWORD: 'test-password-not-used',
          MICROSOFT_OPENID_METADATA_URL: connector.openIdMetadataUrl,
          TEAMS_SERVICE_URL_ALLOWLIST: connector.url,
        }
      : { TEAMS_ALLOW_UNAUTHENTICATED: '1' }),
    TEAMS_FILE_UPLOAD_ALLOWLIST: connector.url,
    ...options.env,
  };
  let running: RunningBot;
  try {
    running = await startBot({ env, clock, logDestination: logSink, features: options.features, host: '127.0.0.1' });
  } catch (e) {
    await connector.close();
    temp.cleanup();
    throw e;
  }

  const account = (user: string) => ({ id: `29:${user}`, name: user, aadObjectId: `aad-${user}` });

  const activity: TeamsHarness['activity'] = (type, o = {}) => {
    const user = o.user ?? 'alice';
    const channel = o.in === 'channel';
    const mention = `<at>${teamsBot.name}</at>`;
    const text = o.text === undefined ? undefined : channel && o.text !== '' ? `${mention} ${o.text}` : o.text;
    return {
      type,
      id: o.id ?? `teams-activity-${++activitySeq}`,
      channelId: 'msteams',
      serviceUrl: connector.url,
      timestamp: new Date().toISOString(),
      from: account(user),
      recipient: teamsBot,
      conversation: channel
        ? { id: teamsChannelConversation, conversationType: 'channel', isGroup: true, tenantId: teamsTenant }
        : { id: `a:personal-${user}`, conversationType: 'personal', tenantId: teamsTenant },
      channelData: {
        tenant: { id: teamsTenant },
        ...(channel ? { team: { id: '19:team@thread.tacv2' }, channel: { id: teamsChannelConversation } } : {}),
      },
      ...(o.locale ? { locale: o.locale } : {}),
      ...(text !== undefined ? { text } : {}),
      ...(channel && text ? { entities: [{ type: 'mention', mentioned: teamsBot, text: mention }] } : {}),
      ...(o.value !== undefined ? { value: o.value } : {}),
      ...(o.replyToId ? { replyToId: o.replyToId } : {}),
      ...((o.expectReplies ?? Boolean(options.appId)) ? { deliveryMode: 'expectReplies' } : {}),
    };
  };

  const post: TeamsHarness['post'] = async (body, o = {}) => {
    const before = connector.calls.length;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (o.authorization === undefined && options.appId) {
      headers.authorization = `Bearer ${connector.signToken({ appId: options.appId, serviceUrl: String(body.serviceUrl) })}`;
    } else if (typeof o.authorization === 'string') headers.authorization = o.authorization;
    const response = await fetch(`${running.url}/api/messages`, { method: 'POST', headers, body: JSON.stringify(body) });
    const raw = await response.text();
    const parsed = raw ? (JSON.parse(raw) as { activities?: SentActivity[] }) : {};
    const calls = connector.since(before);
    const sent = calls.filter((c) => c.kind === 'send' || c.kind === 'reply');
    const replies = [...sent.map((c) => c.body), ...(parsed.activities ?? [])];
    const conversationId = (body.conversation as { id?: string } | undefined)?.id;
    const here = [...sent.filter((c) => c.conversationId === conversationId).map((c) => c.body), ...(parsed.activities ?? [])];
    const elsewhere = sent.filter((c) => c.conversationId !== conversationId);
    return {
      status: response.status,
      replies,
      here,
      hereText: textOfActivities(here),
      elsewhere,
      elsewhereText: textOfActivities(elsewhere.map((c) => c.body)),
      created: calls.filter((c) => c.kind === 'createConversation'),
      updates: calls.filter((c) => c.kind === 'update'),
      text: textOfActivities(replies),
      activity: body,
    };
  };

  return {
    running,
    connector,
    clock,
    identityKey: (user) => `teams:${teamsTenant}:aad-${user}`,
    activity,
    post,
    message: (text, o = {}) => post(activity('message', { ...o, text }), o),
    async click(exchange, label, o = {}) {
      for (const reply of exchange.replies) {
        const submit = findSubmit(reply, label);
        if (submit) return post(activity('message', { ...o, text: '', value: submit.data, replyToId: reply.id }), o);
      }
      throw new Error(`no button labelled "${label}" in:\n${exchange.text}`);
    },
    invoke: (name, value, o = {}) => post({ ...activity('invoke', { ...o, value }), name }, o),
    async fileConsent(exchange, action, o = {}) {
      // The person's own chat: notifications delivered meanwhile to others are among the exchange's calls too.
      const chat = (activity('invoke', o).conversation as { id: string }).id;
      const offer = exchange.replies.find(
        (r) =>
          (r.conversation as { id?: string } | undefined)?.id === chat &&
          r.attachments?.some((a) => a.contentType === fileConsentContentType && (o.filename === undefined || a.name === o.filename)),
      );
      const card = offer?.attachments?.find((a) => a.contentType === fileConsentContentType);
      if (!offer || !card) throw new Error(`no file consent card in:\n${exchange.text}`);
      const content = card.content as { acceptContext: unknown; declineContext: unknown };
      const session = randomUUID();
      const value =
        action === 'accept'
          ? {
              type: 'fileUpload',
              action,
              context: content.acceptContext,
              uploadInfo: {
                name: card.name,
                uploadUrl: o.uploadUrl ?? connector.uploadUrl(session),
                contentUrl: `https://contoso-my.sharepoint.com/personal/${session}/${card.name}`,
                uniqueId: session,
                fileType: card.name?.split('.').pop() ?? '',
              },
            }
          : { type: 'fileUpload', action, context: content.declineContext };
      return post({ ...activity('invoke', { ...o, value, replyToId: offer.id }), name: 'fileConsent/invoke' }, o);
    },
    conversationUpdate: (added, o = {}) =>
      post({ ...activity('conversationUpdate', o), membersAdded: added.map((name) => (name === 'bot' ? teamsBot : account(name))) }, o),
    logs: () => logLines.join(''),
    async stop() {
      await running.stop();
      await connector.close();
      temp.cleanup();
    },
  };
}

function findSubmit(reply: SentActivity, label: string): { title: string; data: unknown } | undefined {
  let found: { title: string; data: unknown } | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    const element = node as Record<string, unknown>;
    if (element.type === 'Action.Submit' && typeof element.title === 'string' && element.title.includes(label)) {
      found = { title: element.title, data: element.data };
      return;
    }
    for (const value of Object.values(element)) walk(value);
  };
  walk(reply.attachments);
  return found;
}
