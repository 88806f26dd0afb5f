/**
 * What the Slack adapter does with each kind of request: build the neutral Inbound, let the core handle it
 * (one transaction: see src/core/unit-of-work.ts) and send the replies back the way Slack expects for that
 * request. Requests are handled before Slack is acknowledged, so that what Slack was told matches what was
 * committed (README "Exactly once"):
 *
 * - a slash command's first reply message is the body of its acknowledgement (no extra call);
 * - a click is acknowledged once handled, then answered through its response_url;
 * - an event (direct message, mention) is answered with the Web API, then acknowledged: Slack delivers an
 *   event again when it got no acknowledgement, and the core answers a repeated request with its first
 *   replies, without doing it again.
 *
 * Slack waits three seconds for an acknowledgement: past `ackWithinMs` a request is acknowledged empty and
 * its replies follow when its turn is done. Before the turn (and its transaction), the message gets the names
 * and locale Slack gives for the people in it (users.info, cached, waited for at most 0.8 s: slack-profiles.ts);
 * that wait counts against the same deadline.
 */
import type { Bot, HandleResult } from '../../src/core/bot.ts';
import type { InboundInput } from '../../src/core/inbound.ts';
import type { Logger } from '../../src/core/ports.ts';
import { text } from '../../src/core/reply.ts';
import type { Program } from '../../src/program/program-schema.ts';
import { slackTranslator as translator } from './i18n/translate.ts';
import type { z } from 'zod';
import { homeView, welcomeReplies } from './home-view.ts';
import type { InFlight } from './in-flight.ts';
import {
  inboundForHome,
  inboundFromAction,
  inboundFromCommand,
  inboundFromDirectMessage,
  inboundFromMention,
  teamOfAction,
} from './inbound-from-slack.ts';
import { markChosen } from './mark-chosen.ts';
import { renderReplies, type RenderedReplies, type SlackMessage } from './render-blocks.ts';
import type { ReplyDelivery } from './reply-delivery.ts';
import { withProfiles, type SlackProfiles } from './slack-profiles.ts';
import {
  blockActionsSchema,
  directMessageSchema,
  homeOpenedSchema,
  mentionSchema,
  slashCommandSchema,
  type DirectMessagePayload,
} from './slack-payloads.ts';
import type { SlashCommandSpec } from './slash-commands.ts';

/** Bolt's acknowledgement: an optional response body. */
export type Ack = (response?: Record<string, unknown>) => Promise<void>;

/** How long a request may take before Slack is acknowledged anyway (Slack gives up after 3 s). */
export const ackWithinMs = 2_500;

export interface SlackDeskDeps {
  bot: Bot;
  program: Program;
  log: Logger;
  delivery: ReplyDelivery;
  /** Tracks what continues after an acknowledgement, so shutdown and the tests can wait for it. */
  work: InFlight;
  /** See `ackWithinMs` (tests shorten it). */
  ackWithinMs?: number;
  /** Who the people in a message are (users.info), asked before each turn within a bounded wait. */
  profiles: SlackProfiles;
}

/** Only people's own messages in the bot's DM: not edits, joins, bots (including ourselves). */
export function isPersonsDirectMessage(dm: DirectMessagePayload): boolean {
  return dm.event.channel_type === 'im' && !dm.event.subtype && !dm.event.bot_id && !!dm.event.user;
}

export class SlackDesk {
  constructor(private readonly deps: SlackDeskDeps) {}

  async command(spec: SlashCommandSpec, body: unknown, ack: Ack): Promise<void> {
    const cmd = this.parse(slashCommandSchema, body, 'slash command');
    if (!cmd) return ack();
    const inbound = this.named(inboundFromCommand(cmd, spec));
    const answer = (rendered: RenderedReplies) => this.deps.delivery.viaResponseUrl(cmd.response_url, rendered, cmd.user_id);
    await this.handleBeforeAck(inbound, ack, async (result, acked) => {
      const rendered = renderReplies(result.replies);
      // The first message rides on the acknowledgement, when it is still ours to give.
      const first = acked ? undefined : rendered.messages.shift();
      if (!acked) await ack(first ? commandResponse(first) : undefined);
      const dm = await answer(rendered);
      if (dm && dm !== cmd.channel_id) await answer(renderReplies([text(translator(result.locale)('slack.file.sentToDm'), true)]));
    });
  }

  async click(body: unknown, ack: Ack): Promise<void> {
    const click = this.parse(blockActionsSchema, body, 'block_actions');
    if (!click) return ack();
    const { delivery } = this.deps;
    const user = click.user.id;
    const fromHome = click.container.type === 'view';
    // App Home clicks have no channel: the conversation continues in the person's DM with the bot.
    const channel = fromHome ? await delivery.openDm(user) : (click.channel?.id ?? click.container.channel_id);
    if (!channel) {
      this.deps.log.warn('slack: click without a channel');
      return ack();
    }
    const team = teamOfAction(click);
    await this.handleBeforeAck(this.named(inboundFromAction(click, channel)), ack, async ({ replies }, acked) => {
      if (!acked) await ack();
      const action = click.actions[0]!;
      const refused = replies.some((r) => r.kind === 'error');
      if (click.response_url && !fromHome && !refused) {
        // The buttons go; what was chosen stays. A refused click (not this person's, a stale button, busy)
        // leaves the message as it was, so whoever it was meant for can still answer.
        const label = action.text?.text ?? '';
        await delivery.replaceOriginal(
          click.response_url,
          markChosen(click.message?.blocks, action.block_id, label),
          click.message?.text ?? label,
        );
      }
      const rendered = renderReplies(replies);
      if (click.response_url) await delivery.viaResponseUrl(click.response_url, rendered, user);
      else await delivery.inChannel(channel, rendered, { user, direct: true });
      if (fromHome) await this.publishHome(team, user, `click:${click.trigger_id ?? action.action_ts ?? ''}`);
    });
  }

  /** A direct message: answered before its acknowledgement (which Bolt's app defers until then, see create-slack-adapter.ts). */
  async directMessage(body: unknown): Promise<void> {
    const dm = this.parse(directMessageSchema, body, 'message event');
    const user = dm?.event.user;
    if (!dm || !user || !isPersonsDirectMessage(dm)) return;
    const { replies } = await this.deps.bot.handle(await this.named(inboundFromDirectMessage(dm, user)));
    await this.deps.delivery.inChannel(dm.event.channel, renderReplies(replies), { user, direct: true });
  }

  async mention(body: unknown): Promise<void> {
    const m = this.parse(mentionSchema, body, 'app_mention event');
    if (!m || m.event.bot_id) return;
    const { replies } = await this.deps.bot.handle(await this.named(inboundFromMention(m)));
    await this.deps.delivery.inChannel(m.event.channel, renderReplies(replies), {
      user: m.event.user,
      direct: false,
      threadTs: m.event.thread_ts ?? m.event.ts,
    });
  }

  async homeOpened(body: unknown): Promise<void> {
    const home = this.parse(homeOpenedSchema, body, 'app_home_opened event');
    if (!home || (home.event.tab !== undefined && home.event.tab !== 'home')) return;
    await this.publishHome(home.team_id, home.event.user, home.event_id, home.event.channel);
  }

  private async publishHome(team: string, user: string, eventId: string, channel?: string): Promise<void> {
    const { bot, program, delivery } = this.deps;
    const home = await bot.home(
      await this.named(inboundForHome({ team_id: team, event_id: eventId, event: { type: 'app_home_opened', user, channel } })),
    );
    const replies =
      home.replies.length > 0
        ? home.replies
        : welcomeReplies(translator(home.locale), program.title[home.locale], home.person, bot.listCommands());
    await delivery.publishHome(user, homeView(replies, translator(home.locale)));
  }

  /**
   * Handles a request whose acknowledgement waits for its turn: `answer` runs once the turn is done, told
   * whether Slack was already acknowledged (the turn took longer than `ackWithinMs`).
   */
  private async handleBeforeAck(
    named: Promise<InboundInput>,
    ack: Ack,
    answer: (result: HandleResult, acked: boolean) => Promise<void>,
  ): Promise<void> {
    // The lookup of names counts against Slack's deadline too: the timer starts before it.
    const handling = named.then((inbound) => this.deps.bot.handle(inbound));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), this.deps.ackWithinMs ?? ackWithinMs);
    });
    const first = await Promise.race([handling, late]);
    clearTimeout(timer);
    if (first !== 'late') return answer(first, false);
    await ack();
    this.deps.log.warn(
      { key: (await named).idempotencyKey },
      'slack: acknowledged before the request was handled (slow turn); the replies follow',
    );
    // Answered when its turn is done; tracked, so shutdown waits for it.
    void this.deps.work.run('late reply', async () => answer(await handling, true));
  }

  /** The message with the names and locale Slack gives (bounded wait; never fails: see slack-profiles.ts). */
  private named(inbound: InboundInput): Promise<InboundInput> {
    return withProfiles(inbound, this.deps.profiles).catch((e: unknown) => {
      this.deps.log.warn({ err: e }, 'slack: could not add the names Slack gives; going on without them');
      return inbound;
    });
  }

  private parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T | undefined {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      this.deps.log.warn({ issues: parsed.error.issues, what }, 'slack: payload not understood, ignored');
      return undefined;
    }
    return parsed.data;
  }
}

/** A message as the body of a slash command's acknowledgement. */
function commandResponse(m: SlackMessage): Record<string, unknown> {
  return { response_type: m.ephemeral ? 'ephemeral' : 'in_channel', text: m.text, blocks: m.blocks };
}
