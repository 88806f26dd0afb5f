/**
 * The parts of a Bot Framework activity the adapter reads, validated with zod: the request is
 * authenticated before this, but its content (the value of a clicked button above all) is still untrusted.
 * Unknown fields are kept, so the activity can be handed on to botbuilder unchanged.
 */
import { z } from 'zod';

const channelAccountSchema = z.looseObject({
  id: z.string().min(1).max(500),
  name: z.string().max(500).optional(),
  /** The Microsoft Entra object id of a Teams user (absent for the bot and in the Emulator). */
  aadObjectId: z.string().max(100).optional(),
});

const mentionSchema = z.looseObject({
  type: z.literal('mention'),
  mentioned: z.looseObject({
    id: z.string(),
    name: z.string().max(500).optional(),
    /** The mentioned user's Microsoft Entra object id: what their identity key is made of. */
    aadObjectId: z.string().max(100).optional(),
  }),
  /** How the mention appears in the text, e.g. `<at>Desk</at>`. */
  text: z.string().optional(),
});
type MentionEntity = z.infer<typeof mentionSchema>;

export const activitySchema = z.looseObject({
  type: z.string().min(1).max(100),
  /** The kind of an invoke activity (`fileConsent/invoke`, …). */
  name: z.string().max(200).optional(),
  id: z.string().max(500).optional(),
  channelId: z.string().min(1).max(100),
  serviceUrl: z.string().min(1).max(2000),
  from: channelAccountSchema,
  recipient: channelAccountSchema,
  conversation: z.looseObject({
    id: z.string().min(1).max(1000),
    /** `personal`, `channel` or `groupChat` in Teams; absent in the Emulator. */
    conversationType: z.string().max(50).optional(),
    isGroup: z.boolean().optional(),
    tenantId: z.string().max(100).optional(),
  }),
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string().max(100) }).optional() }).optional(),
  text: z.string().optional(),
  value: z.unknown().optional(),
  locale: z.string().max(35).optional(),
  replyToId: z.string().max(500).optional(),
  deliveryMode: z.string().optional(),
  // Entities of other types (clientInfo, …) are kept but not read.
  entities: z.array(z.looseObject({ type: z.string() })).optional(),
  membersAdded: z.array(channelAccountSchema).optional(),
});

export type TeamsActivity = z.infer<typeof activitySchema>;
export type ChannelAccount = z.infer<typeof channelAccountSchema>;

/** The mentions of `accountId` in the activity (Teams puts the bot's @mention in the text of channel messages). */
export function mentionsOf(activity: TeamsActivity, accountId: string): string[] {
  return (activity.entities ?? []).flatMap((e) => {
    const mention = mentionSchema.safeParse(e);
    return mention.success && mention.data.mentioned.id === accountId && mention.data.text ? [mention.data.text] : [];
  });
}

/** The mention entities of the activity other than the bot's own (people named in the message). */
export function peopleMentioned(activity: TeamsActivity): MentionEntity[] {
  return (activity.entities ?? []).flatMap((e) => {
    const mention = mentionSchema.safeParse(e);
    return mention.success && mention.data.mentioned.id !== activity.recipient.id && mention.data.text ? [mention.data] : [];
  });
}

/** What an Action.Submit button of our cards carries (render-card.ts), as it comes back in `activity.value`. */
export const submitValueSchema = z.object({
  /** The core's encoded action (src/core/action-value.ts); the core validates it again. */
  deskAction: z.string().min(1).max(2000),
  /** The button's label and the question it answered, shown on the card once it is answered. */
  label: z.string().max(200),
  question: z.string().max(300).optional(),
  /** Who the question was for (their user id): only their click closes the card, someone else's in a channel does not. */
  for: z.string().max(200).optional(),
  /**
   * On a card sent to the personal chat in answer to something asked in a channel: that channel's conversation
   * id. A click in the personal chat then acts where the question was asked (its open confirmation or flow),
   * and its answer stays in the personal chat. Ignored on a click anywhere but a personal chat.
   */
  in: z.string().min(1).max(300).optional(),
});

export type SubmitValue = z.infer<typeof submitValueSchema>;
