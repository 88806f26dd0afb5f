/**
 * `POST /api/messages`: reads and checks the activity, authenticates the request (401 before anything
 * else runs), checks that its service URL is one the bot may call (else refused: nothing is stored and no
 * request goes out), then runs the turn. Replies go to the Bot Connector, or in the response for expectReplies.
 */
import type { Activity } from 'botbuilder';
import type { Logger } from '../../src/core/ports.ts';
import type { HttpRoute } from '../../src/http/route.ts';
import { BodyTooLargeError, readBody } from '../../src/http/read-body.ts';
import { json } from '../../src/http/server.ts';
import { activitySchema } from './activity-schema.ts';
import type { AuthenticatedRequest } from './cloud-adapter.ts';
import type { ServiceUrlPolicy } from './service-url-policy.ts';
import type { TeamsRuntime } from './teams-runtime.ts';
import type { TurnHandler } from './turn-handler.ts';

export function messagesRoute(deps: {
  runtime: () => Promise<TeamsRuntime>;
  handleTurn: TurnHandler;
  log: Logger;
  serviceUrls: ServiceUrlPolicy;
  authenticated: boolean;
}): HttpRoute {
  const { handleTurn, log } = deps;
  return {
    method: 'POST',
    path: '/api/messages',
    async handle(req, res) {
      let raw: Buffer;
      try {
        raw = await readBody(req);
      } catch (e) {
        if (e instanceof BodyTooLargeError) return json(res, 413, { error: 'activity too large' });
        throw e;
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return json(res, 400, { error: 'body is not JSON' });
      }
      const parsed = activitySchema.safeParse(body);
      if (!parsed.success) {
        log.warn(
          { issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`) },
          'Teams: malformed activity refused',
        );
        return json(res, 400, { error: 'not a Bot Framework activity' });
      }
      const activity = parsed.data;
      // The loosely validated activity goes to botbuilder as is; its Activity type is stricter (dates, enums).
      const sdkActivity = activity as unknown as Activity;

      const { auth, adapter } = await deps.runtime();
      let authenticated: AuthenticatedRequest;
      try {
        authenticated = await auth.authenticateRequest(sdkActivity, req.headers.authorization ?? '');
      } catch (e) {
        // Never log the token; the reason is enough (missing header, unknown key, wrong audience…).
        log.warn(
          { reason: e instanceof Error ? e.message : String(e), channelId: activity.channelId },
          'Teams: request refused, not authenticated',
        );
        return json(res, 401, { error: 'unauthorized' });
      }

      // Replies go to the activity's service URL: one the bot may not call is refused before anything runs.
      if (!deps.serviceUrls.allows(activity.serviceUrl)) {
        log.warn(
          { serviceUrl: activity.serviceUrl.slice(0, 200), allowed: deps.serviceUrls.describe(), channelId: activity.channelId },
          'Teams: request refused, service URL not allowed',
        );
        return deps.authenticated ? json(res, 403, { error: 'service URL not allowed' }) : json(res, 401, { error: 'unauthorized' });
      }

      const response = await adapter.runAuthenticated(authenticated, sdkActivity, (context) => handleTurn(context, activity));
      if (response?.body !== undefined) return json(res, response.status, response.body);
      res.writeHead(response?.status ?? 200);
      res.end();
    },
  };
}
