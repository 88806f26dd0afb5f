/** Turns a Teams activity into the core's neutral Inbound: who, where, what they typed or clicked. */
import { createHash, randomUUID } from 'node:crypto';
import type { InboundInput, Mention } from '../../src/core/inbound.ts';
import {
  mentionsOf,
  peopleMentioned,
  submitValueSchema,
  type ChannelAccount,
  type SubmitValue,
  type TeamsActivity,
} from './activity-schema.ts';

/** The core's keys are at most 300 characters; Teams ids usually fit, a longer one is hashed. */
export function fitKey(key: string): string {
  return key.length <= 300 ? key : `teams:sha256:${createHash('sha256').update(key).digest('hex')}`;
}

/** The Entra tenant; the Emulator has none, so its channel id stands in (`teams:emulator:<user>`). */
export function tenantOf(activity: TeamsActivity): string {
  return activity.channelData?.tenant?.id ?? activity.conversation.tenantId ?? activity.channelId;
}

/**
 * `teams:<tenant>:<aadObjectId>`, falling back to the channel account id where there is no Entra id. The
 * name is the person's own only when the request was authenticated (`nameVerified`); otherwise it may name a
 * new person but never rename a known one.
 */
export function identityOf(activity: TeamsActivity, account: ChannelAccount, nameVerified: boolean): InboundInput['identity'] {
  const tenant = tenantOf(activity);
  const userId = account.aadObjectId ?? account.id;
  return { key: fitKey(`teams:${tenant}:${userId}`), tenant, userId, displayName: account.name, displayNameVerified: nameVerified };
}

const aadObjectIdShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * People named with Teams mentions, as the core's neutral mentions: `<at>Yamada Taro</at>` becomes the one
 * word `@YamadaTaro` in the text and the identity `teams:<tenant>:<aadObjectId>` (the mention entity's AAD
 * object id, or its id when that is one). A mention without one is left as it is (the core then says it
 * cannot tell who that is).
 */
function withPeopleMentioned(activity: TeamsActivity, text: string): { text: string; mentions: Mention[] } {
  const tenant = tenantOf(activity);
  const mentions: Mention[] = [];
  let result = text;
  for (const entity of peopleMentioned(activity)) {
    const { mentioned } = entity;
    const aad = mentioned.aadObjectId ?? (aadObjectIdShape.test(mentioned.id) ? mentioned.id : undefined);
    if (!aad || !entity.text || !result.includes(entity.text)) continue;
    const name = (mentioned.name ?? entity.text.replace(/<\/?at>/g, '')).replace(/[\s,、<>]+/g, '');
    const word = `@${name || aad}`;
    result = result.split(entity.text).join(word);
    mentions.push({
      text: word,
      identity: {
        key: fitKey(`teams:${tenant}:${aad}`),
        tenant,
        userId: aad,
        ...(mentioned.name ? { displayName: mentioned.name.slice(0, 200) } : {}),
        // A mention's label: it names someone without a name yet, never renames a known person.
        displayNameVerified: false,
      },
    });
  }
  return { text: result, mentions };
}

/** True for the one-to-one chat between a person and the bot (the Emulator's conversations are one-to-one too). */
export function isPersonalChat(activity: TeamsActivity): boolean {
  const type = activity.conversation.conversationType;
  return type ? type === 'personal' : activity.conversation.isGroup !== true;
}

/** The text without the bot's @mention, which Teams includes in channel messages (`<at>Desk</at> help`). */
export function textWithoutBotMention(activity: TeamsActivity): string {
  let text = activity.text ?? '';
  for (const mention of mentionsOf(activity, activity.recipient.id)) text = text.split(mention).join(' ');
  // Teams sends a non-breaking space after a mention; the core trims ordinary whitespace only.
  return text.replace(/\u00a0/g, ' ').trim();
}

/**
 * The core's conversation: `teams:<tenant>:<conversation id>`. A reply in a channel thread has its own id
 * (`19:…@thread.tacv2;messageid=…`); its channel's key is what STAFF_CHANNELS names.
 */
function conversationOf(tenant: string, id: string, isDirect: boolean): InboundInput['conversation'] {
  const channel = id.split(';')[0]!;
  return {
    key: fitKey(`teams:${tenant}:${id}`),
    isDirect,
    ...(channel !== id && channel !== '' ? { channelKey: fitKey(`teams:${tenant}:${channel}`) } : {}),
  };
}

export interface TeamsInbound {
  inbound: InboundInput;
  /** Set when the message is a click on one of our card buttons. */
  submitted?: SubmitValue;
  /** The Teams conversation id the turn acts in: the activity's, or the channel a personal chat's card answers for. */
  actsIn: string;
}

/** `authenticated`: the request carried a valid Bot Framework token (see create-teams-adapter.ts). */
export function inboundFromActivity(activity: TeamsActivity, authenticated: boolean): TeamsInbound {
  const tenant = tenantOf(activity);
  // A retry of the same activity carries the same id; without one (never seen from Teams) nothing can be matched.
  const idempotencyKey = fitKey(activity.id ? `teams:${activity.conversation.id}:${activity.id}` : `teams:unmatched:${randomUUID()}`);
  const base = {
    platform: 'teams' as const,
    identity: identityOf(activity, activity.from, authenticated),
    conversation: conversationOf(tenant, activity.conversation.id, isPersonalChat(activity)),
    locale: activity.locale,
    idempotencyKey,
  };

  if (activity.value !== undefined && textWithoutBotMention(activity) === '') {
    const submitted = submitValueSchema.safeParse(activity.value);
    // A value that is not from our buttons (another app's card, a forged request) reaches the core as an
    // unreadable action, which answers with "this button can no longer be used".
    if (!submitted.success) return { inbound: { ...base, action: '' }, actsIn: activity.conversation.id };
    // A card sent privately for a channel acts in that channel, as its question was asked there. Only the
    // conversation is taken from the button (in the person's own tenant); who clicked is the activity's sender,
    // and whatever the answer, it goes to the personal chat the click came from.
    const actsIn = submitted.data.in && isPersonalChat(activity) ? submitted.data.in : activity.conversation.id;
    const conversation = actsIn === activity.conversation.id ? base.conversation : conversationOf(tenant, actsIn, false);
    return { inbound: { ...base, conversation, action: submitted.data.deskAction }, submitted: submitted.data, actsIn };
  }

  const { text, mentions } = withPeopleMentioned(activity, textWithoutBotMention(activity));
  const isCommand = text.startsWith('/');
  return {
    inbound: { ...base, text: isCommand ? text.slice(1).trimStart() : text, mentions, isCommand },
    actsIn: activity.conversation.id,
  };
}
