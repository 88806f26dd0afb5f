/**
 * Slack payloads as the core's neutral Inbound. Identities are `slack:<team>:<user>`, conversations
 * `slack:<team>:<channel>`. Idempotency keys are what stays the same when Slack delivers a request again:
 * the event id for events, the trigger id for commands and clicks (a hash of the payload when absent).
 */
import { createHash } from 'node:crypto';
import type { InboundInput } from '../../src/core/inbound.ts';
import { plainTextFromSlack } from './escape-mrkdwn.ts';
import { encodeSlackAddress } from './slack-address.ts';
import { slackMentions } from './slack-mentions.ts';
import { commandText, type SlashCommandSpec } from './slash-commands.ts';
import type {
  BlockActionsPayload,
  DirectMessagePayload,
  HomeOpenedPayload,
  MentionPayload,
  SlashCommandPayload,
} from './slack-payloads.ts';

export const identityKey = (team: string, user: string) => `slack:${team}:${user}`;
export const conversationKey = (team: string, channel: string) => `slack:${team}:${channel}`;

/**
 * `handle` is the user name a payload carries (a slash command's `user_name`, a click's `username`): Slack's
 * handle, not the name people know: it names a person who has none yet, never renames one. The name Slack
 * gives in users.info replaces it (slack-profiles.ts).
 */
function who(team: string, user: string, handle?: string): Pick<InboundInput, 'identity' | 'address'> {
  return {
    identity: {
      key: identityKey(team, user),
      tenant: team,
      userId: user,
      ...(handle ? { displayName: handle, displayNameVerified: false } : {}),
    },
    // Notifications reach the person in their DM with the bot, opened when one is sent.
    address: { value: encodeSlackAddress({ team, user }) },
  };
}

/** Slack text as the core reads it: people mentioned become neutral mentions (of the sender's workspace), the rest plain text. */
function readText(text: string, team: string): Pick<InboundInput, 'text' | 'mentions'> {
  const named = slackMentions(text, team, identityKey);
  return { text: plainTextFromSlack(named.text), mentions: named.mentions };
}

function payloadHash(payload: unknown): string {
  return createHash('sha256').update(JSON.stringify(payload)).digest('hex').slice(0, 32);
}

/** The idempotency key of a slash command. */
export const commandKey = (cmd: SlashCommandPayload) => `slack:command:${cmd.team_id}:${cmd.trigger_id ?? payloadHash(cmd)}`;
/** The idempotency key of a click. */
export const actionKey = (body: BlockActionsPayload) => `slack:action:${teamOfAction(body)}:${body.trigger_id ?? payloadHash(body)}`;
/** The idempotency key of an event (message, mention, App Home opened). */
export const eventKey = (body: { event_id: string }) => `slack:event:${body.event_id}`;

export function inboundFromCommand(cmd: SlashCommandPayload, spec: SlashCommandSpec): InboundInput {
  const read = readText(cmd.text, cmd.team_id);
  return {
    platform: 'slack',
    ...who(cmd.team_id, cmd.user_id, cmd.user_name),
    conversation: {
      key: conversationKey(cmd.team_id, cmd.channel_id),
      isDirect: cmd.channel_name === 'directmessage' || cmd.channel_id.startsWith('D'),
    },
    text: commandText(spec, read.text ?? ''),
    mentions: read.mentions,
    isCommand: true,
    idempotencyKey: commandKey(cmd),
  };
}

export function inboundFromDirectMessage(body: DirectMessagePayload, user: string): InboundInput {
  return {
    platform: 'slack',
    ...who(body.team_id, user),
    conversation: { key: conversationKey(body.team_id, body.event.channel), isDirect: true },
    ...readText(body.event.text ?? '', body.team_id),
    isCommand: false,
    idempotencyKey: eventKey(body),
  };
}

export function inboundFromMention(body: MentionPayload): InboundInput {
  return {
    platform: 'slack',
    ...who(body.team_id, body.event.user),
    conversation: { key: conversationKey(body.team_id, body.event.channel), isDirect: false },
    ...readText(withoutBotMention(body.event.text, body.authorizations?.[0]?.user_id), body.team_id),
    isCommand: false,
    idempotencyKey: eventKey(body),
  };
}

/** `<@UBOT> hours 2 review` → `hours 2 review`: the bot's own mention, wherever it is; else a leading one. */
export function withoutBotMention(text: string, botUserId: string | undefined): string {
  const stripped = botUserId
    ? text.replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), '')
    : text.replace(/^\s*<@[A-Z0-9]+(\|[^>]*)?>/, '');
  return stripped.replace(/\s+/g, ' ').trim();
}

export function teamOfAction(body: BlockActionsPayload): string {
  return body.team?.id ?? body.user.team_id ?? '';
}

/** A click; `channel` is where it happened (for App Home clicks: the person's DM with the bot). */
export function inboundFromAction(body: BlockActionsPayload, channel: string): InboundInput {
  const team = teamOfAction(body);
  const action = body.actions[0]!;
  return {
    platform: 'slack',
    ...who(team, body.user.id, body.user.username ?? body.user.name),
    conversation: { key: conversationKey(team, channel), isDirect: channel.startsWith('D') },
    action: action.value ?? '',
    isCommand: false,
    idempotencyKey: actionKey(body),
  };
}

export function inboundForHome(body: HomeOpenedPayload): InboundInput {
  return {
    platform: 'slack',
    ...who(body.team_id, body.event.user),
    conversation: { key: conversationKey(body.team_id, body.event.channel ?? body.event.user), isDirect: true },
    idempotencyKey: eventKey(body),
  };
}
