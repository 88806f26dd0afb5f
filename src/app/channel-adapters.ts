/**
 * The platform adapters mounted on the server. Each adapter adds one line. Slack's is imported only when
 * Slack is configured: Bolt and its Web API client are a large part of the process's memory and start-up.
 */
import type { AdapterContext, ChannelAdapter } from './channel-adapter.ts';
import { createTeamsAdapter } from '../../adapters/teams/create-teams-adapter.ts';

export async function createChannelAdapters(ctx: AdapterContext): Promise<ChannelAdapter[]> {
  const adapters: ChannelAdapter[] = [];
  void ctx;
  const { SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_APP_TOKEN } = ctx.config;
  if ((SLACK_SIGNING_SECRET && SLACK_BOT_TOKEN) || SLACK_APP_TOKEN) {
    const { createSlackAdapter } = await import('../../adapters/slack/create-slack-adapter.ts');
    adapters.push(createSlackAdapter(ctx));
  }
  else ctx.log.info('Slack is off: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (or SLACK_APP_TOKEN for Socket Mode) to enable it, see README "Slack"');
  adapters.push(createTeamsAdapter(ctx)); // always mounted: unauthenticated only outside production (see adapters/teams/teams-settings.ts)
  return adapters;
}
