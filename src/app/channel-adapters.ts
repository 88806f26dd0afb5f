/**
 * The platform adapters mounted on the server. Each adapter adds one line. Slack's is imported only when
 * Slack is configured: Bolt and its Web API client are a large part of the process's memory and start-up.
 */
import type { AdapterContext, ChannelAdapter } from '../core/channel.ts';
import { createTeamsAdapter } from '../../adapters/teams/create-teams-adapter.ts';

export async function createChannelAdapters(ctx: AdapterContext): Promise<ChannelAdapter[]> {
  const adapters: ChannelAdapter[] = [];
  const { SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_APP_TOKEN } = ctx.config;
  if ((SLACK_SIGNING_SECRET && SLACK_BOT_TOKEN) || SLACK_APP_TOKEN) {
    const { createSlackAdapter } = await import('../../adapters/slack/create-slack-adapter.ts');
    adapters.push(createSlackAdapter(ctx));
  } else
    ctx.log.info(
      'Slack is off: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (or SLACK_APP_TOKEN for Socket Mode) to enable it, see README "Slack"',
    );
  // Fails closed: without an app id /api/messages is not served at all (and botbuilder never loaded), unless
  // the operator opted in to unauthenticated local use (refused in production, see src/config.ts).
  const { MICROSOFT_APP_ID, TEAMS_ALLOW_UNAUTHENTICATED } = ctx.config;
  if (MICROSOFT_APP_ID || TEAMS_ALLOW_UNAUTHENTICATED) adapters.push(createTeamsAdapter(ctx));
  else
    ctx.log.info(
      'Teams is off: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to serve /api/messages, see README "Microsoft Teams" (TEAMS_ALLOW_UNAUTHENTICATED=1 serves it without authentication, for local use only)',
    );
  return adapters;
}
