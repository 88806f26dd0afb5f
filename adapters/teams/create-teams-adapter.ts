/**
 * The Microsoft Teams adapter: a botbuilder CloudAdapter at `POST /api/messages` on the shared server,
 * replies as Adaptive Cards, and proactive messages for the outbox. Everything botbuilder-specific stays
 * in this folder, so that moving to the Microsoft 365 Agents SDK touches nothing else.
 */
import type { AdapterContext, ChannelAdapter } from '../../src/app/channel-adapter.ts';
import { messagesRoute } from './messages-route.ts';
import type { TeamsRuntime } from './teams-runtime.ts';
import { createTeamsSender } from './teams-sender.ts';
import { teamsSettings } from './teams-settings.ts';
import { createTurnHandler } from './turn-handler.ts';

export function createTeamsAdapter(ctx: AdapterContext): ChannelAdapter {
  // Configuration mistakes stop the start here, before botbuilder is even loaded.
  const settings = teamsSettings(ctx.config);
  if (!settings.appId) {
    ctx.log.warn('Teams: MICROSOFT_APP_ID is not set, so /api/messages accepts unauthenticated requests (Bot Framework Emulator, local use only)');
  }
  let loading: Promise<TeamsRuntime> | undefined;
  const runtime = () => (loading ??= import('./teams-runtime.ts').then((m) => m.createTeamsRuntime(settings)));
  const handleTurn = createTurnHandler({ bot: ctx.bot, program: ctx.program, log: ctx.log });
  return {
    name: 'teams',
    routes: [messagesRoute({ runtime, handleTurn, log: ctx.log })],
    sender: createTeamsSender({ runtime, appId: settings.appId }),
    // Loaded once the server listens, so /healthz answers meanwhile and the first activity does not wait.
    start: async () => {
      await runtime();
    },
  };
}
