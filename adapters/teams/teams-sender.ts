/**
 * Proactive messages (notifications, reminders) to people in Teams, for the outbox dispatcher. Any
 * failure throws, so the message stays in the outbox and is tried again later.
 */
import type { TurnContext } from 'botbuilder';
import type { ProactiveSender } from '../../src/core/outbox-dispatcher.ts';
import type { Reply } from '../../src/core/reply.ts';
import { pickLocale, translator } from '../../src/i18n/translate.ts';
import type { DeskCloudAdapter } from './cloud-adapter.ts';
import { renderReplies } from './render-card.ts';
import { parseTeamsAddress } from './teams-address.ts';
import type { ServiceUrlPolicy } from './service-url-policy.ts';
import type { TeamsRuntime } from './teams-runtime.ts';

export function createTeamsSender(deps: {
  runtime: () => Promise<TeamsRuntime>;
  appId: string | undefined;
  serviceUrls: ServiceUrlPolicy;
}): ProactiveSender {
  // Without an app id (local use) botbuilder sends unauthenticated, which only the Emulator accepts.
  const appId = deps.appId ?? '';
  return {
    platform: 'teams',
    async send(raw: string, replies: Reply[]) {
      const address = parseTeamsAddress(raw);
      if (!address) throw new Error('unreadable Teams address');
      // Checked before any outbound call: an address stored earlier (or under another policy) may not be trusted now.
      const serviceUrl = address.kind === 'conversation' ? address.reference.serviceUrl : address.serviceUrl;
      if (!deps.serviceUrls.allows(serviceUrl)) throw new Error(`Teams service URL not allowed (${deps.serviceUrls.describe()})`);
      const { adapter, connectorScope } = await deps.runtime();
      const messages = renderReplies(replies, translator(pickLocale(undefined, address.locale))) as Parameters<
        TurnContext['sendActivities']
      >[0];
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
      // Someone known only from a channel: open (or find) their personal chat with the bot.
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
    },
  };
}
