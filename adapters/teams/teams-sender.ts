/**
 * Messages to people in their personal chat with the bot, outside the turn they asked in: notifications and
 * reminders for the outbox dispatcher, and private answers to something asked in a channel. Any failure
 * throws: the outbox keeps the message and tries again later, a turn says so (see turn-handler.ts).
 */
import type { TurnContext } from 'botbuilder';
import type { ProactiveSender } from '../../src/core/outbox-dispatcher.ts';
import type { Reply } from '../../src/core/reply.ts';
import { pickLocale } from '../../src/i18n/translate.ts';
import { teamsTranslator as translator } from './i18n/translate.ts';
import type { DeskCloudAdapter } from './cloud-adapter.ts';
import { renderReplies, type OutgoingMessage } from './render-card.ts';
import { parseTeamsAddress, type TeamsAddress } from './teams-address.ts';
import type { ServiceUrlPolicy } from './service-url-policy.ts';
import type { TeamsRuntime } from './teams-runtime.ts';

interface PersonalChatDeps {
  runtime: () => Promise<TeamsRuntime>;
  appId: string | undefined;
  serviceUrls: ServiceUrlPolicy;
}

/** Sends rendered messages to a person's personal chat: the stored one, or one opened (or found) with them. */
export type PersonalChatDelivery = (address: TeamsAddress, messages: OutgoingMessage[]) => Promise<void>;

export function createPersonalChatDelivery(deps: PersonalChatDeps): PersonalChatDelivery {
  // Without an app id (local use) botbuilder sends unauthenticated, which only the Emulator accepts.
  const appId = deps.appId ?? '';
  return async (address, rendered) => {
    // Checked before any outbound call: an address stored earlier (or under another policy) may not be trusted now.
    const serviceUrl = address.kind === 'conversation' ? address.reference.serviceUrl : address.serviceUrl;
    if (!deps.serviceUrls.allows(serviceUrl)) throw new Error(`Teams service URL not allowed (${deps.serviceUrls.describe()})`);
    const { adapter, connectorScope } = await deps.runtime();
    const messages = rendered as Parameters<TurnContext['sendActivities']>[0];
    const deliver = async (context: TurnContext) => {
      await context.sendActivities(messages);
    };
    if (address.kind === 'conversation') {
      // The stored reference was validated with zod; botbuilder's type wants its own enum for conversationType.
      await adapter.continueConversationAsync(
        appId,
        address.reference as unknown as Parameters<DeskCloudAdapter['continueConversationAsync']>[1],
        deliver,
      );
      return;
    }
    // Someone known only from a channel: open their personal chat with the bot (Teams returns the existing one).
    await adapter.createConversationAsync(
      appId,
      address.channelId,
      address.serviceUrl,
      connectorScope,
      {
        isGroup: false,
        bot: address.bot,
        members: [address.user],
        tenantId: address.tenantId,
        channelData: { tenant: { id: address.tenantId } },
      } as Parameters<DeskCloudAdapter['createConversationAsync']>[4],
      deliver,
    );
  };
}

export function createTeamsSender(deps: PersonalChatDeps & { personalChat?: PersonalChatDelivery }): ProactiveSender {
  const personalChat = deps.personalChat ?? createPersonalChatDelivery(deps);
  return {
    platform: 'teams',
    async send(raw: string, replies: Reply[]) {
      const address = parseTeamsAddress(raw);
      if (!address) throw new Error('unreadable Teams address');
      await personalChat(address, renderReplies(replies, translator(pickLocale(undefined, address.locale))));
    },
  };
}
