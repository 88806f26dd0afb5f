/**
 * The Slack adapter: a Bolt app on the shared HTTP server (POST /slack/events), or over Socket Mode when
 * an app-level token is configured. Each request is handled before Slack is acknowledged (slack-desk.ts);
 * Bolt acknowledges events before its listeners run, so the app holds that acknowledgement back until the
 * event was handled (DeskApp below).
 *
 * Web API client: SLACK_API_URL replaces Slack's base URL (tests, enterprise proxies), for the bot token's
 * client and for Socket Mode's `apps.connections.open` alike. In production the
 * client retries server errors and waits out rate limits (Retry-After); with NODE_ENV=test it fails at
 * once, so tests see failures instead of waiting half an hour. Notifications use a short retry policy
 * that stays within the outbox lease, because the outbox itself retries with backoff.
 */
import { App, webApi, type AppOptions, type AuthorizeResult, type ReceiverEvent } from '@slack/bolt';
import type { AdapterContext, ChannelAdapter } from '../../src/core/channel.ts';
import { boltLogger } from './bolt-logger.ts';
import { InFlight } from './in-flight.ts';
import { actionIdPrefix } from './render-blocks.ts';
import { ReplyDelivery } from './reply-delivery.ts';
import { postToResponseUrl, type PostToResponseUrl } from './response-url.ts';
import { SharedServerReceiver } from './shared-server-receiver.ts';
import { ackWithinMs, SlackDesk } from './slack-desk.ts';
import { createSlackSender } from './slack-sender.ts';
import { profileOfUser, SlackProfiles } from './slack-profiles.ts';
import { slashCommands } from './slash-commands.ts';

export interface SlackAdapter extends ChannelAdapter {
  /** Resolves when all work started by requests so far is done (tests; shutdown waits for it too). */
  idle(): Promise<void>;
}

export interface SlackAdapterOptions {
  /** Posts to response_url; defaults to fetch. */
  postResponse?: PostToResponseUrl;
  /** How long a request may take before Slack is acknowledged anyway (tests shorten it). */
  ackWithinMs?: number;
  /** How long a message waits for Slack's users.info (default 0.8 s; see slack-profiles.ts). */
  profileWaitMs?: number;
}

/** Notifications: two quick retries at most, well within the outbox's 60-second lease. */
const notificationRetries: webApi.RetryOptions = { retries: 2, factor: 2, minTimeout: 1_000, maxTimeout: 5_000 };

/**
 * A Bolt app that acknowledges an Events API event only once its listeners are done (or the deadline has
 * passed): Slack delivers an unacknowledged event again, so an event is never acknowledged before what it
 * asked for was committed. Commands and clicks are acknowledged by their listeners (slack-desk.ts).
 */
class DeskApp extends App {
  constructor(
    options: AppOptions,
    private readonly work: InFlight,
    private readonly ackWithin: number,
  ) {
    super(options);
  }

  override async processEvent(event: ReceiverEvent): Promise<void> {
    await this.work.run('slack request', async () => {
      if (event.body.type !== 'event_callback') return super.processEvent(event);
      let acked = false;
      const ackOnce = async () => {
        if (acked) return;
        acked = true;
        await event.ack();
      };
      const timer = setTimeout(() => void ackOnce(), this.ackWithin);
      try {
        await super.processEvent({ ...event, ack: async () => {} });
      } finally {
        clearTimeout(timer);
        await ackOnce();
      }
    });
  }
}

export function createSlackAdapter(ctx: AdapterContext, options: SlackAdapterOptions = {}): SlackAdapter {
  const { config, log } = ctx;
  const botToken = config.SLACK_BOT_TOKEN;
  if (!botToken)
    throw new Error("SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-…) from the Slack app's OAuth & Permissions page");
  const socketMode = config.SLACK_APP_TOKEN !== undefined;
  if (!socketMode && !config.SLACK_SIGNING_SECRET) {
    throw new Error(
      "SLACK_SIGNING_SECRET is not set: copy it from the Slack app's Basic Information page (or set SLACK_APP_TOKEN for Socket Mode)",
    );
  }

  const testing = config.NODE_ENV === 'test';
  const logger = boltLogger(log);
  const clientOptions: webApi.WebClientOptions = {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    retryConfig: testing ? { retries: 0 } : webApi.retryPolicies.fiveRetriesInFiveMinutes,
    logger,
  };
  const web = new webApi.WebClient(botToken, clientOptions);
  const notificationWeb = new webApi.WebClient(botToken, {
    ...clientOptions,
    retryConfig: testing ? { retries: 0 } : notificationRetries,
    timeout: 10_000,
  });

  // users.info: one try, no waiting out rate limits, a short timeout; a message never waits longer than
  // profileWaitMs for it anyway, and a failure is asked again after a few minutes (slack-profiles.ts).
  const profileWeb = new webApi.WebClient(botToken, {
    ...clientOptions,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 5_000,
  });
  const profiles = new SlackProfiles({
    log,
    waitMs: options.profileWaitMs,
    lookup: async (user) => {
      try {
        return profileOfUser((await profileWeb.users.info({ user, include_locale: true })).user);
      } catch (e) {
        // A user Slack does not know (deleted, another workspace): nothing to learn, for the whole window.
        if ((e as { data?: { error?: string } }).data?.error === 'user_not_found') return undefined;
        throw e;
      }
    },
  });

  const work = new InFlight(log);
  const ackWithin = options.ackWithinMs ?? ackWithinMs;
  const receiver = socketMode ? undefined : new SharedServerReceiver({ signingSecret: config.SLACK_SIGNING_SECRET!, log, work });
  // One workspace, one bot token: no OAuth, and no auth.test call at start (the bot's user id comes with each event).
  const authorize = async (): Promise<AuthorizeResult> => ({ botToken });
  const delivery = new ReplyDelivery({ web, postResponse: options.postResponse ?? postToResponseUrl });
  const desk = new SlackDesk({ bot: ctx.bot, program: ctx.program, log, delivery, work, ackWithinMs: ackWithin, profiles });

  // Bolt hands the Socket Mode client `installerOptions.clientOptions` only (by default the same object as
  // `clientOptions`, which the Socket Mode client then changes): give it its own, with the same base URL. In
  // production it keeps its own retry policy for apps.connections.open (quick retries while reconnecting).
  const socketClientOptions: webApi.WebClientOptions = {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    ...(testing ? { retryConfig: { retries: 0 } } : {}),
    logger,
  };
  const app = new DeskApp(
    {
      ...(receiver
        ? { receiver }
        : { socketMode: true, appToken: config.SLACK_APP_TOKEN, installerOptions: { clientOptions: socketClientOptions } }),
      authorize,
      clientOptions,
      logger,
      convoStore: false,
    },
    work,
    ackWithin,
  );

  // One listener per kind of request: Bolt runs the middleware of every listener for every request, so each
  // listener more is work (and garbage) on every command, click and event.
  const commandSpecs = new Map(slashCommands.map((spec) => [spec.command, spec]));
  app.command(/^\//, async ({ ack, body }) => {
    const spec = commandSpecs.get(body.command);
    // A command the manifest does not declare: acknowledged, as Slack requires, and nothing else.
    if (spec) await desk.command(spec, body, ack);
    else await ack();
  });
  app.action(new RegExp(`^${actionIdPrefix}`), ({ ack, body }) => desk.click(body, () => ack()));
  app.event(/^(message|app_mention|app_home_opened)$/, async ({ body, event }) => {
    if (event.type === 'message') await desk.directMessage(body);
    else if (event.type === 'app_mention') await desk.mention(body);
    else await desk.homeOpened(body);
  });
  app.error(async (e) => log.error({ err: e }, 'slack: listener failed'));

  let connecting: Promise<void> | undefined;
  return {
    name: 'slack',
    routes: receiver ? [receiver.route] : [],
    sender: createSlackSender({
      web: notificationWeb,
      delivery: new ReplyDelivery({ web: notificationWeb, postResponse: postToResponseUrl }),
    }),
    async start() {
      if (socketMode) {
        // Connecting may take long (or wait for Slack to come back): the rest of the bot starts meanwhile.
        connecting = app.start().then(
          () => log.info({ mode: 'socket' }, 'slack: connected (Socket Mode)'),
          (e: unknown) => log.error({ err: e }, 'slack: Socket Mode connection failed; check SLACK_APP_TOKEN'),
        );
      } else {
        log.info({ mode: 'http', path: receiver?.route.path }, 'slack: ready');
      }
    },
    async stop() {
      if (connecting) await app.stop().catch((e: unknown) => log.warn({ err: e }, 'slack: Socket Mode stop failed'));
      await work.idle();
    },
    idle: () => work.idle(),
  };
}
