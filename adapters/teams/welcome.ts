/** The welcome when the bot is installed: a greeting, and in a personal chat the person's dashboard. */
import type { Locale } from '../../src/i18n/catalog.ts';
import type { Bot } from '../../src/core/bot.ts';
import { text, type Reply } from '../../src/core/reply.ts';
import type { Program } from '../../src/program/program-schema.ts';
import { pickLocale } from '../../src/i18n/translate.ts';
import { teamsTranslator as translator } from './i18n/translate.ts';
import type { ChannelAccount, TeamsActivity } from './activity-schema.ts';
import { fitKey, identityOf, tenantOf } from './inbound-from-activity.ts';
import { conversationAddress } from './teams-address.ts';

/** In a personal chat, the person who installed the bot (Teams sends the event from them, or lists them as added). */
export function installingUser(activity: TeamsActivity): ChannelAccount | undefined {
  if (activity.from.id !== activity.recipient.id) return activity.from;
  return (activity.membersAdded ?? []).find((m) => m.id !== activity.recipient.id);
}

/** The welcome's replies, in the reader's language; `userId` is the installing user in a personal chat. */
export async function welcome(
  deps: { bot: Bot; program: Program; authenticated: boolean },
  activity: TeamsActivity,
  personal: boolean,
): Promise<{ replies: Reply[]; locale: Locale; userId?: string }> {
  const { program } = deps;
  if (!personal) {
    const locale = pickLocale(undefined, activity.locale);
    const words = { program: program.title[locale], bot: activity.recipient.name ?? '' };
    return { replies: [text(translator(locale)('teams.welcome.channel', words))], locale };
  }
  const user = installingUser(activity);
  if (!user) {
    const locale = pickLocale(undefined, activity.locale);
    return { replies: [text(translator(locale)('teams.welcome.personal', { program: program.title[locale] }))], locale };
  }
  const identity = identityOf(activity, user, deps.authenticated);
  // The dashboard also creates the person on first contact and stores their address right away.
  const dashboard = await deps.bot.home({
    platform: 'teams',
    identity,
    conversation: { key: fitKey(`teams:${tenantOf(activity)}:${activity.conversation.id}`), isDirect: true },
    address: { value: JSON.stringify(conversationAddress(activity, user)) },
    locale: activity.locale,
    idempotencyKey: fitKey(`teams:welcome:${activity.conversation.id}`),
  });
  const { locale } = dashboard;
  return {
    replies: [text(translator(locale)('teams.welcome.personal', { program: program.title[locale] })), ...dashboard.replies],
    locale,
    userId: identity.userId,
  };
}
