/** botbuilder's CloudAdapter, run on a request the route has already authenticated. */
import {
  CloudAdapter,
  type Activity,
  type ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';

export type AuthenticatedRequest = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

export class DeskCloudAdapter extends CloudAdapter {
  /**
   * Runs `logic` for an activity whose request passed `authenticateRequest`. The route authenticates
   * first so that any authentication failure is a 401 and nothing else runs (CloudAdapter.process
   * answers some of them, a token signed with the wrong key for one, with a 500).
   */
  runAuthenticated(
    request: AuthenticatedRequest,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(request, activity, logic);
  }
}
