/**
 * How the bot reaches a person in Teams outside a conversation they are in: the reference of their
 * personal chat with the bot, or, for someone who has only used the bot in a channel, their Teams user
 * id so that a personal chat can be opened. Stored as JSON with PeopleRepository.saveAddress.
 */
import { z } from 'zod';
import type { ChannelAccount, TeamsActivity } from './activity-schema.ts';
import { tenantOf } from './inbound-from-activity.ts';

const accountSchema = z.looseObject({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() });

const conversationAddressSchema = z.object({
  v: z.literal(1),
  kind: z.literal('conversation'),
  locale: z.string().optional(),
  reference: z.looseObject({
    channelId: z.string().min(1),
    serviceUrl: z.string().min(1),
    conversation: z.looseObject({ id: z.string().min(1) }),
    bot: accountSchema,
    user: accountSchema.optional(),
  }),
});

const memberAddressSchema = z.object({
  v: z.literal(1),
  kind: z.literal('member'),
  locale: z.string().optional(),
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  tenantId: z.string().min(1),
  bot: accountSchema,
  user: accountSchema,
});

export const teamsAddressSchema = z.discriminatedUnion('kind', [conversationAddressSchema, memberAddressSchema]);
export type TeamsAddress = z.infer<typeof teamsAddressSchema>;

const account = (a: ChannelAccount) => ({
  id: a.id,
  ...(a.name ? { name: a.name } : {}),
  ...(a.aadObjectId ? { aadObjectId: a.aadObjectId } : {}),
});

/** The personal chat the activity came from. No activity id: proactive messages start new posts, not replies. */
export function conversationAddress(activity: TeamsActivity, user: ChannelAccount = activity.from): TeamsAddress {
  const { id, conversationType, tenantId } = activity.conversation;
  return {
    v: 1,
    kind: 'conversation',
    locale: activity.locale,
    reference: {
      channelId: activity.channelId,
      serviceUrl: activity.serviceUrl,
      conversation: { id, ...(conversationType ? { conversationType } : {}), ...(tenantId ? { tenantId } : {}) },
      bot: account(activity.recipient),
      user: account(user),
    },
  };
}

/** The sender of a channel message, to whom the bot can open a personal chat. */
export function memberAddress(activity: TeamsActivity): TeamsAddress {
  return {
    v: 1,
    kind: 'member',
    locale: activity.locale,
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    tenantId: tenantOf(activity),
    bot: account(activity.recipient),
    user: account(activity.from),
  };
}

export function parseTeamsAddress(raw: string): TeamsAddress | undefined {
  try {
    const parsed = teamsAddressSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
