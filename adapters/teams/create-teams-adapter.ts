/**
 * The Microsoft Teams adapter: a botbuilder CloudAdapter at `POST /api/messages` on the shared server,
 * replies as Adaptive Cards, and proactive messages for the outbox. Everything botbuilder-specific stays
 * in this folder, so that moving to the Microsoft 365 Agents SDK touches nothing else.
 *
 * It fails closed: the composition root mounts it only with MICROSOFT_APP_ID (every request's token is
 * checked) or with the explicit local opt-in TEAMS_ALLOW_UNAUTHENTICATED=1 (refused in production), and
 * anything it sends goes only to service URLs its policy allows (service-url-policy.ts).
 *
 * One request, one turn, nothing in between: unlike Slack (whose 3-second acknowledgement window makes its
 * adapter hold acknowledgements and finish slow turns after them, slack-desk.ts and in-flight.ts), Bot
 * Framework waits for the HTTP answer of each activity. The turn runs inside the request (turn-handler.ts),
 * its replies are sent (or returned, with expectReplies) before the 200, and a request that fails or times
 * out is delivered again, where the core's request log answers it with the first replies (README "Exactly
 * once"). So Teams needs no inbox, no acknowledgement handling and no work tracked after the response.
 */
import type { AdapterContext, ChannelAdapter } from '../../src/core/channel.ts';
import { messagesRoute } from './messages-route.ts';
import { allowList, defaultFileUploadAllowList, defaultServiceUrlAllowList, loopbackOnly } from './service-url-policy.ts';
import type { TeamsRuntime } from './teams-runtime.ts';
import { createPersonalChatDelivery, createTeamsSender } from './teams-sender.ts';
import { teamsSettings } from './teams-settings.ts';
import { createTurnHandler } from './turn-handler.ts';

export function createTeamsAdapter(ctx: AdapterContext): ChannelAdapter {
  // Configuration mistakes stop the start here, before botbuilder is even loaded.
  const settings = teamsSettings(ctx.config);
  const authenticated = settings.appId !== undefined;
  const serviceUrls = authenticated ? allowList(ctx.config.TEAMS_SERVICE_URL_ALLOWLIST ?? defaultServiceUrlAllowList) : loopbackOnly;
  if (!authenticated) {
    ctx.log.warn(
      { TEAMS_ALLOW_UNAUTHENTICATED: true },
      'Teams: /api/messages accepts UNAUTHENTICATED requests (TEAMS_ALLOW_UNAUTHENTICATED=1): anyone who reaches it can act as any Teams user. For local use with the Bot Framework Emulator only; only loopback service URLs are accepted. Set MICROSOFT_APP_ID for anything else.',
    );
  } else {
    ctx.log.info(
      { serviceUrls: serviceUrls.describe() },
      'Teams: requests authenticated; replies and notifications go only to these service URLs',
    );
  }
  let loading: Promise<TeamsRuntime> | undefined;
  const runtime = () => (loading ??= import('./teams-runtime.ts').then((m) => m.createTeamsRuntime(settings)));
  const personalChat = createPersonalChatDelivery({ runtime, appId: settings.appId, serviceUrls });
  // Files the person allowed go only to these hosts (their OneDrive), whatever an invoke names.
  const uploadHosts = allowList(ctx.config.TEAMS_FILE_UPLOAD_ALLOWLIST ?? defaultFileUploadAllowList);
  const handleTurn = createTurnHandler({
    bot: ctx.bot,
    program: ctx.program,
    log: ctx.log,
    authenticated,
    personalChat,
    heldFiles: ctx.heldFiles,
    uploadHosts,
  });
  return {
    name: 'teams',
    routes: [messagesRoute({ runtime, handleTurn, log: ctx.log, serviceUrls, authenticated })],
    sender: createTeamsSender({ runtime, appId: settings.appId, serviceUrls, personalChat }),
    // With an app registration Teams is in use: botbuilder is loaded once the server listens, so /healthz
    // answers meanwhile and the first activity does not wait. Without one (local Emulator use) it is loaded
    // by the first request, and a server that never sees Teams does without its memory (about 30 MiB).
    start: async () => {
      if (settings.appId) await runtime();
    },
  };
}
