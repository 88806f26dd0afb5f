/**
 * Notifications from the outbox to Slack users: opens the person's DM with the bot and posts there.
 * Any failure (Slack 5xx, rate limit, network) throws, so the outbox keeps the message and retries later.
 */
import type { webApi } from '@slack/bolt';
import type { ProactiveSender } from '../../src/core/outbox-dispatcher.ts';
import { renderReplies } from './render-blocks.ts';
import type { ReplyDelivery } from './reply-delivery.ts';
import { decodeSlackAddress } from './slack-address.ts';

export function createSlackSender(deps: { web: webApi.WebClient; delivery: ReplyDelivery }): ProactiveSender {
  return {
    platform: 'slack',
    canReach: (address) => decodeSlackAddress(address) !== undefined,
    async send(address, replies) {
      const to = decodeSlackAddress(address);
      if (!to) throw new Error('not a Slack address');
      const channel = await deps.delivery.openDm(to.user);
      // Nobody else is in the DM, so "ephemeral" replies are posted as ordinary messages.
      await deps.delivery.inChannel(channel, renderReplies(replies), { user: to.user, direct: true });
    },
  };
}
