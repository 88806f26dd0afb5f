/** The neutral incoming message every adapter builds from its platform payload. */
import { z } from 'zod';

export const platformSchema = z.enum(['slack', 'teams', 'console']);
export type Platform = z.infer<typeof platformSchema>;

/** The longest text the core accepts; longer messages get a clear error. */
export const maxInboundText = 4000;

/** A platform identity as the adapters pass it. */
const identitySchema = z.object({
  key: z.string().min(3).max(300),
  tenant: z.string().max(200).default(''),
  userId: z.string().min(1).max(200),
  displayName: z.string().max(200).optional(),
});

/**
 * A person named in the message the way the platform names people (a Slack `<@U…>`, a Teams mention
 * entity). The adapter resolves it to an identity and leaves `text` in the message where the mention was:
 * one word (`@sato`), so commands read it like any other argument. The core never parses platform syntax.
 */
export const mentionSchema = z.object({
  text: z.string().min(1).max(200).regex(/^\S+$/, 'one word'),
  identity: identitySchema.extend({
    /**
     * True when the platform itself told the adapter this person's name (Slack's users.info): it is stored
     * like the person's own. Otherwise (a mention's label) it only names someone who has no name yet.
     */
    displayNameVerified: z.boolean().default(false),
  }),
});
export type Mention = z.infer<typeof mentionSchema>;
/** A mention as adapters and tests may write it (`displayNameVerified` defaults to false). */
export type MentionInput = z.input<typeof mentionSchema>;

export const inboundSchema = z.object({
  platform: platformSchema,
  /** Who: `slack:<team>:<user>`, `teams:<tenant>:<aadObjectId>`, `console:<name>`. */
  identity: identitySchema.extend({
    /**
     * False when the platform did not vouch for the name (unauthenticated local Teams use): it may name a
     * new person, never rename a known one.
     */
    displayNameVerified: z.boolean().default(true),
  }),
  /**
   * Where: the conversation or channel, `slack:<team>:<channel>`; flows are kept per identity and conversation.
   * `isDirect`: only the person and the bot are in it (a DM, a personal chat); anything else is shared, and
   * restricted answers are given privately there (see privacy.ts). `channelKey`: the channel a thread belongs to,
   * where the platform keys threads apart (Teams' `;messageid=`): STAFF_CHANNELS names channels.
   */
  conversation: z.object({
    key: z.string().min(1).max(300),
    isDirect: z.boolean(),
    channelKey: z.string().min(1).max(300).optional(),
  }),
  /** A typed message or a slash command's text, with the command name first (`hours 2 review NDA`). */
  text: z.string().optional(),
  /**
   * The people the text names by platform mention, in the order they appear (the Slack adapter also passes
   * a typed Slack id, `slack:T1:U123` or `U123`, whose name Slack gave it).
   */
  mentions: z.array(mentionSchema).max(50).default([]),
  /** True for a platform slash command: it runs as a command even in the middle of a flow. */
  isCommand: z.boolean().default(false),
  /** The value of a clicked button (see action-value.ts), validated by the core. */
  action: z.string().max(2000).optional(),
  /**
   * How to reach this identity outside the conversation (platform-specific JSON the adapter's proactive
   * sender reads), stored with the turn when it changed; `onlyIfNone` keeps an address already stored (a
   * channel tells who the person is, but their personal chat is where notifications go).
   */
  address: z.object({ value: z.string().min(1).max(8000), onlyIfNone: z.boolean().default(false) }).optional(),
  /**
   * Platform locale such as `ja-JP` or `en-US`: the person's language until they choose one, stored on the
   * person when it changed (notifications follow it too). Absent when the platform did not say this time.
   */
  locale: z.string().max(35).optional(),
  /** The same key for a retry of the same request, a different one for a new request. */
  idempotencyKey: z.string().min(1).max(300),
});

export type Inbound = z.infer<typeof inboundSchema>;
export type InboundInput = z.input<typeof inboundSchema>;
