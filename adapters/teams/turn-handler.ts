/**
 * What the bot does with one authenticated Teams activity: a message or a card button goes to the core
 * and its replies come back as cards; a bot installation gets a welcome. Everything else is ignored.
 */
import type { TurnContext } from 'botbuilder';
import type { Bot } from '../../src/core/bot.ts';
import type { Logger } from '../../src/core/ports.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { Services } from '../../src/core/services.ts';
import { pickLocale, translator, type Translate } from '../../src/i18n/translate.ts';
import type { SubmitValue, TeamsActivity } from './activity-schema.ts';
import { fitKey, identityOf, inboundFromActivity, isPersonalChat } from './inbound-from-activity.ts';
import { answeredCard, cardMessage, renderReplies } from './render-card.ts';
import { conversationAddress, memberAddress } from './teams-address.ts';
import { installingUser, welcome } from './welcome.ts';

export interface TurnDeps {
  bot: Bot;
  services: Services;
  log: Logger;
  /** Requests carry a checked Bot Framework token (else: the explicit local opt-in). */
  authenticated: boolean;
}

export type TurnHandler = (context: TurnContext, activity: TeamsActivity) => Promise<void>;

export function createTurnHandler(deps: TurnDeps): TurnHandler {
  return async (context, activity) => {
    if (activity.type === 'message') return handleMessage(deps, context, activity);
    if (activity.type === 'conversationUpdate') return handleConversationUpdate(deps, context, activity);
    // Typing, reactions, installation updates and invokes need nothing from this bot.
  };
}

async function handleMessage(deps: TurnDeps, context: TurnContext, activity: TeamsActivity): Promise<void> {
  const { inbound, submitted } = inboundFromActivity(activity, deps.authenticated);
  const result = await deps.bot.handle(inbound);
  await rememberAddress(deps.services, activity, inbound.identity.key);

  // A repeated delivery: its replies went out the first time. Only a caller that collects the replies
  // in the response (expectReplies) gets them again, from the stored result.
  if (result.duplicate && activity.deliveryMode !== 'expectReplies') return;
  // In a channel anyone can click a card; only the person it asked may close it.
  const askedThem = !submitted?.for || submitted.for === inbound.identity.userId;
  if (submitted && askedThem && activity.replyToId && !result.duplicate) await closeAnsweredCard(deps.log, context, activity.replyToId, submitted);
  if (result.replies.length === 0) return;
  const t = await wordsFor(deps.services, inbound.identity.key, activity.locale, result.replies);
  const messages = renderReplies(result.replies, t, inbound.identity.userId);
  // Outgoing messages are plain activity JSON; botbuilder's Activity type wants every addressing field.
  await context.sendActivities(messages as Parameters<TurnContext['sendActivities']>[0]);
}

/**
 * Replaces the card whose button was clicked with the question and the chosen answer, without buttons,
 * so it cannot be answered twice. A failure here (the card was deleted) must not lose the answer.
 */
async function closeAnsweredCard(log: Logger, context: TurnContext, cardActivityId: string, submitted: SubmitValue): Promise<void> {
  try {
    await context.updateActivity({ ...cardMessage(answeredCard(submitted)), id: cardActivityId } as Parameters<TurnContext['updateActivity']>[0]);
  } catch (e) {
    log.warn({ err: e }, 'Teams: could not update the answered card');
  }
}

/**
 * Personal chats are where notifications go: their reference is kept up to date. From a channel the
 * bot only learns who the person is, so that it can open a personal chat, unless it already has one.
 */
async function rememberAddress(services: Services, activity: TeamsActivity, identityKey: string): Promise<void> {
  if (isPersonalChat(activity)) {
    await services.people.saveAddress(identityKey, JSON.stringify(conversationAddress(activity)));
    return;
  }
  const person = await services.people.findByIdentityKey(identityKey);
  if (!person) return;
  const known = (await services.people.addressesOf(person.id)).some((a) => a.key === identityKey);
  if (!known) await services.people.saveAddress(identityKey, JSON.stringify(memberAddress(activity)));
}

/** The reader's language for the adapter's own words, looked up only when a reply needs them (files). */
async function wordsFor(services: Services, identityKey: string, platformLocale: string | undefined, replies: Reply[]): Promise<Translate> {
  if (!replies.some((r) => r.kind === 'file')) return translator(pickLocale(undefined, platformLocale));
  const person = await services.people.findByIdentityKey(identityKey);
  return translator(pickLocale(person?.locale, platformLocale));
}

/**
 * The bot was installed in a personal chat, or added to a team or group chat: one welcome per
 * conversation, however often Teams repeats the event. People joining a team get no channel post.
 */
async function handleConversationUpdate(deps: TurnDeps, context: TurnContext, activity: TeamsActivity): Promise<void> {
  const added = activity.membersAdded ?? [];
  const personal = isPersonalChat(activity);
  const botAdded = added.some((m) => m.id === activity.recipient.id);
  if (added.length === 0 || (!personal && !botAdded)) return;

  const { requests } = deps.services;
  const key = fitKey(`teams:welcome:${activity.conversation.id}`);
  const claim = await requests.claim(key);
  if (!claim.claimed) return;
  try {
    const { replies, locale } = await welcome(deps, activity, personal);
    const user = personal ? installingUser(activity) : undefined;
    const identity = user ? identityOf(activity, user, deps.authenticated) : undefined;
    if (user && identity) await deps.services.people.saveAddress(identity.key, JSON.stringify(conversationAddress(activity, user)));
    const messages = renderReplies(replies, translator(locale), identity?.userId);
    await context.sendActivities(messages as Parameters<TurnContext['sendActivities']>[0]);
    await requests.complete(key, replies);
  } catch (e) {
    // Let Teams' retry of this event try again.
    await requests.release(key).catch(() => undefined);
    throw e;
  }
}
