/**
 * How the bot reaches a Slack user outside a conversation: their team and user id, stored as the
 * identity's address. The DM channel is opened (conversations.open) when a message is sent, so the
 * address stays valid even if the person first used a slash command in a channel.
 */
import { z } from 'zod';

const addressSchema = z.object({ team: z.string(), user: z.string().min(1) });
export type SlackAddress = z.infer<typeof addressSchema>;

export function encodeSlackAddress(address: SlackAddress): string {
  return JSON.stringify({ team: address.team, user: address.user });
}

/** The address, or undefined when the stored text is not one of ours. */
export function decodeSlackAddress(raw: string): SlackAddress | undefined {
  try {
    const parsed = addressSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
