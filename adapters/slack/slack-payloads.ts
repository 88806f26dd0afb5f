/**
 * The parts of Slack's payloads the adapter uses, validated with zod: a payload that does not match is
 * logged and dropped instead of reaching the core half-understood.
 */
import { z } from 'zod';

export const slashCommandSchema = z.object({
  team_id: z.string().min(1),
  user_id: z.string().min(1),
  user_name: z.string().optional(),
  channel_id: z.string().min(1),
  channel_name: z.string().optional(),
  command: z.string().min(1),
  text: z.string().default(''),
  response_url: z.string().url(),
  trigger_id: z.string().optional(),
});
export type SlashCommandPayload = z.infer<typeof slashCommandSchema>;

const envelope = {
  team_id: z.string().min(1),
  event_id: z.string().min(1),
  /** The installation the event is for; `user_id` is our bot user (used to strip its mention). */
  authorizations: z.array(z.object({ user_id: z.string().optional() })).optional(),
};

export const directMessageSchema = z.object({
  ...envelope,
  event: z.object({
    type: z.literal('message'),
    channel: z.string().min(1),
    channel_type: z.string().optional(),
    user: z.string().optional(),
    text: z.string().optional(),
    subtype: z.string().optional(),
    bot_id: z.string().optional(),
    ts: z.string(),
  }),
});
export type DirectMessagePayload = z.infer<typeof directMessageSchema>;

export const mentionSchema = z.object({
  ...envelope,
  event: z.object({
    type: z.literal('app_mention'),
    channel: z.string().min(1),
    user: z.string().min(1),
    text: z.string().default(''),
    bot_id: z.string().optional(),
    ts: z.string(),
    thread_ts: z.string().optional(),
  }),
});
export type MentionPayload = z.infer<typeof mentionSchema>;

export const homeOpenedSchema = z.object({
  ...envelope,
  event: z.object({
    type: z.literal('app_home_opened'),
    user: z.string().min(1),
    channel: z.string().optional(),
    tab: z.string().optional(),
  }),
});
export type HomeOpenedPayload = z.infer<typeof homeOpenedSchema>;

export const blockActionsSchema = z.object({
  type: z.literal('block_actions'),
  team: z
    .object({ id: z.string().min(1) })
    .nullable()
    .optional(),
  user: z.object({ id: z.string().min(1), username: z.string().optional(), name: z.string().optional(), team_id: z.string().optional() }),
  channel: z.object({ id: z.string().min(1) }).optional(),
  container: z.object({
    type: z.string(),
    message_ts: z.string().optional(),
    channel_id: z.string().optional(),
    is_ephemeral: z.boolean().optional(),
    view_id: z.string().optional(),
  }),
  message: z.object({ ts: z.string().optional(), text: z.string().optional(), blocks: z.array(z.unknown()).optional() }).optional(),
  response_url: z.string().url().optional(),
  trigger_id: z.string().optional(),
  actions: z
    .array(
      z.object({
        action_id: z.string(),
        block_id: z.string().optional(),
        value: z.string().optional(),
        text: z.object({ text: z.string() }).optional(),
        action_ts: z.string().optional(),
      }),
    )
    .min(1),
});
export type BlockActionsPayload = z.infer<typeof blockActionsSchema>;
