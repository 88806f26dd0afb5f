/**
 * What the bot does with one authenticated Teams activity: a message or a card button goes to the core
 * and its replies come back as cards; a bot installation gets a welcome; an answer to a file consent card
 * delivers (or drops) the file. Everything else is ignored.
 */
import type { TurnContext } from 'botbuilder';
import type { Bot } from '../../src/core/bot.ts';
import type { Logger } from '../../src/core/ports.ts';
import type { Program } from '../../src/program/program-schema.ts';
import { teamsTranslator as translator } from './i18n/translate.ts';
import type { SubmitValue, TeamsActivity } from './activity-schema.ts';
import { fileConsentInvokeName } from './file-cards.ts';
import { handleFileConsent, type FileConsentDeps } from './file-consent.ts';
import { fitKey, inboundFromActivity, isPersonalChat } from './inbound-from-activity.ts';
import { text } from '../../src/core/reply.ts';
import { answeredCard, cardMessage, renderReplies, type OutgoingMessage } from './render-card.ts';
import { conversationAddress, memberAddress } from './teams-address.ts';
import type { PersonalChatDelivery } from './teams-sender.ts';
import { welcome } from './welcome.ts';

export interface TurnDeps extends FileConsentDeps {
  bot: Bot;
  program: Program;
  log: Logger;
  /** Requests carry a checked Bot Framework token (else: the explicit local opt-in). */
  authenticated: boolean;
  /** Private answers to something asked in a channel go to the person's personal chat (see teams-sender.ts). */
  personalChat: PersonalChatDelivery;
}

export type TurnHandler = (context: TurnContext, activity: TeamsActivity) => Promise<void>;

export function createTurnHandler(deps: TurnDeps): TurnHandler {
  return async (context, activity) => {
    if (activity.type === 'message') return handleMessage(deps, context, activity);
    if (activity.type === 'conversationUpdate') return handleConversationUpdate(deps, context, activity);
    if (activity.type === 'invoke' && activity.name === fileConsentInvokeName) return handleFileConsent(deps, context, activity);
    // Typing, reactions, installation updates and other invokes need nothing from this bot.
  };
}

async function handleMessage(deps: TurnDeps, context: TurnContext, activity: TeamsActivity): Promise<void> {
  const { inbound: base, submitted, actsIn } = inboundFromActivity(activity, deps.authenticated);
  const inbound = { ...base, address: addressOf(activity) };
  const result = await deps.bot.handle(inbound);
  const personal = isPersonalChat(activity);

  // A repeated delivery (Bot Framework retries what it got no answer for) changed nothing again and gets the
  // first answer again: the first delivery's replies may not have gone out.
  // In a channel anyone can click a card; only the person it asked may close it.
  const askedThem = !submitted?.for || submitted.for === inbound.identity.userId;
  if (submitted && askedThem && activity.replyToId && !result.duplicate)
    await closeAnsweredCard(deps.log, context, activity.replyToId, submitted);
  const t = translator(result.locale);
  const recipient = inbound.identity.userId;
  // Teams cannot show a message to one person in a channel: private replies go to their personal chat.
  const here = personal ? result.replies : result.replies.filter((r) => !r.private);
  const elsewhere = personal ? [] : result.replies.filter((r) => r.private);
  // Cards in the personal chat that answer for a channel keep acting there (see SubmitValue.in).
  const actsElsewhere = actsIn !== activity.conversation.id ? actsIn : undefined;
  if (here.length > 0) await send(context, renderReplies(here, t, recipient, { actsIn: actsElsewhere, personal }));
  if (elsewhere.length === 0) return;
  const delivered = await sendToPersonalChat(deps, activity, renderReplies(elsewhere, t, recipient, { actsIn }));
  await send(context, renderReplies([text(t(delivered ? 'teams.private.sent' : 'teams.private.unreachable'))], t, undefined, { personal }));
}

// Outgoing messages are plain activity JSON; botbuilder's Activity type wants every addressing field.
const send = (context: TurnContext, messages: OutgoingMessage[]) =>
  context.sendActivities(messages as Parameters<TurnContext['sendActivities']>[0]);

/**
 * Sends private replies to the asker's personal chat with the bot (Teams opens it, or returns the one there
 * is). False when Teams refuses (4xx: the app is not installed for them, the tenant does not allow it): the
 * channel is told to ask in a personal chat, and nothing private is ever posted in the channel instead. Any
 * other failure throws, so the activity fails and Bot Framework delivers it again: the core answers the
 * repeated delivery with the same (private) replies.
 */
async function sendToPersonalChat(deps: TurnDeps, activity: TeamsActivity, messages: OutgoingMessage[]): Promise<boolean> {
  try {
    await deps.personalChat(memberAddress(activity), messages);
    return true;
  } catch (e) {
    const status = statusOf(e);
    if (status === undefined || status < 400 || status >= 500) throw e;
    deps.log.warn({ err: e, status }, 'Teams: could not open a personal chat for a private answer');
    return false;
  }
}

function statusOf(e: unknown): number | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const { statusCode, status } = e as { statusCode?: unknown; status?: unknown };
  return typeof statusCode === 'number' ? statusCode : typeof status === 'number' ? status : undefined;
}

/**
 * Replaces the card whose button was clicked with the question and the chosen answer, without buttons,
 * so it cannot be answered twice. A failure here (the card was deleted) must not lose the answer.
 */
async function closeAnsweredCard(log: Logger, context: TurnContext, cardActivityId: string, submitted: SubmitValue): Promise<void> {
  try {
    await context.updateActivity({ ...cardMessage(answeredCard(submitted)), id: cardActivityId } as Parameters<
      TurnContext['updateActivity']
    >[0]);
  } catch (e) {
    log.warn({ err: e }, 'Teams: could not update the answered card');
  }
}

/**
 * Personal chats are where notifications go: their reference is kept up to date. From a channel the
 * bot only learns who the person is, so that it can open a personal chat, unless it already has one.
 */
function addressOf(activity: TeamsActivity): { value: string; onlyIfNone: boolean } {
  return isPersonalChat(activity)
    ? { value: JSON.stringify(conversationAddress(activity)), onlyIfNone: false }
    : { value: JSON.stringify(memberAddress(activity)), onlyIfNone: true };
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

  const key = fitKey(`teams:welcome:${activity.conversation.id}`);
  if (await deps.bot.handledBefore(key)) return;
  const { replies, locale, userId } = await welcome(deps, activity, personal);
  const messages = renderReplies(replies, translator(locale), userId, { personal });
  await context.sendActivities(messages as Parameters<TurnContext['sendActivities']>[0]);
  // Recorded once delivered: a failure above lets Teams' retry of this event welcome again.
  await deps.bot.recordHandled(key, replies);
}
