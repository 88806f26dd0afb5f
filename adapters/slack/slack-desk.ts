/**
 * What the Slack adapter does with each kind of request, after it was acknowledged: build the neutral
 * Inbound, let the core handle it, and send the replies back the way Slack expects for that request.
 * A request the core has seen before (a Slack retry) gets no second reply, except when it is replayed from
 * the inbox after a crash: then the replies stored the first time are sent (they may not have reached Slack).
 */
import type { webApi } from '@slack/bolt';
import type { z } from 'zod';
import type { Bot } from '../../src/core/bot.ts';
import type { InboundInput } from '../../src/core/inbound.ts';
import type { Logger } from '../../src/core/ports.ts';
import { text, type Reply } from '../../src/core/reply.ts';
import type { Services } from '../../src/core/services.ts';
import { pickLocale, translator, type Translate } from '../../src/i18n/translate.ts';
import { homeView, welcomeReplies } from './home-view.ts';
import {
  identityKey,
  inboundForHome,
  inboundFromAction,
  inboundFromCommand,
  inboundFromDirectMessage,
  inboundFromMention,
  teamOfAction,
} from './inbound-from-slack.ts';
import { markChosen } from './mark-chosen.ts';
import { renderReplies } from './render-blocks.ts';
import type { HandlingLimit } from './handling-limit.ts';
import { ReplyDelivery } from './reply-delivery.ts';
import { encodeSlackAddress } from './slack-address.ts';
import { blockActionsSchema, directMessageSchema, homeOpenedSchema, mentionSchema, slashCommandSchema, type DirectMessagePayload } from './slack-payloads.ts';
import type { SlashCommandSpec } from './slash-commands.ts';

export interface SlackDeskDeps {
  bot: Bot;
  services: Services;
  log: Logger;
  web: webApi.WebClient;
  delivery: ReplyDelivery;
  /** Limits how many requests the core handles at once (see handling-limit.ts); none when absent. */
  limit?: HandlingLimit;
}

/** 'later': not handled yet (a replay found another handling of it under way); keep the request in the inbox. */
export type Handled = 'done' | 'later';

export interface HowHandled {
  /** Replayed from the inbox (after a crash), rather than fresh from Slack. */
  replay: boolean;
}

const fresh: HowHandled = { replay: false };

/** Only people's own messages in the bot's DM: not edits, joins, bots (including ourselves). */
export function isPersonsDirectMessage(dm: DirectMessagePayload): boolean {
  return dm.event.channel_type === 'im' && !dm.event.subtype && !dm.event.bot_id && !!dm.event.user;
}

export class SlackDesk {
  constructor(private readonly deps: SlackDeskDeps) {}

  async command(spec: SlashCommandSpec, body: unknown, how: HowHandled = fresh): Promise<Handled> {
    const cmd = this.parse(slashCommandSchema, body, 'slash command');
    if (!cmd) return 'done';
    const inbound = inboundFromCommand(cmd, spec);
    const replies = await this.handle(inbound, cmd.team_id, cmd.user_id, how);
    if (!Array.isArray(replies)) return replies;
    const rendered = renderReplies(replies);
    const dm = await this.deps.delivery.viaResponseUrl(cmd.response_url, rendered, cmd.user_id);
    if (dm && dm !== cmd.channel_id) await this.tellFilesWentToDm(cmd.response_url, inbound);
    return 'done';
  }

  async directMessage(body: unknown, how: HowHandled = fresh): Promise<Handled> {
    const dm = this.parse(directMessageSchema, body, 'message event');
    const user = dm?.event.user;
    if (!dm || !user || !isPersonsDirectMessage(dm)) return 'done';
    const replies = await this.handle(inboundFromDirectMessage(dm, user), dm.team_id, user, how);
    if (!Array.isArray(replies)) return replies;
    await this.deps.delivery.inChannel(dm.event.channel, renderReplies(replies), { user, direct: true });
    return 'done';
  }

  async mention(body: unknown, how: HowHandled = fresh): Promise<Handled> {
    const m = this.parse(mentionSchema, body, 'app_mention event');
    if (!m || m.event.bot_id) return 'done';
    const replies = await this.handle(inboundFromMention(m), m.team_id, m.event.user, how);
    if (!Array.isArray(replies)) return replies;
    await this.deps.delivery.inChannel(m.event.channel, renderReplies(replies), {
      user: m.event.user,
      direct: false,
      threadTs: m.event.thread_ts ?? m.event.ts,
    });
    return 'done';
  }

  async click(body: unknown, how: HowHandled = fresh): Promise<Handled> {
    const click = this.parse(blockActionsSchema, body, 'block_actions');
    if (!click) return 'done';
    const { delivery } = this.deps;
    const user = click.user.id;
    const fromHome = click.container.type === 'view';
    // App Home clicks have no channel: the conversation continues in the person's DM with the bot.
    const channel = fromHome ? await delivery.openDm(user) : (click.channel?.id ?? click.container.channel_id);
    if (!channel) {
      this.deps.log.warn('slack: click without a channel');
      return 'done';
    }
    const team = teamOfAction(click);
    const replies = await this.handle(inboundFromAction(click, channel), team, user, how);
    if (!Array.isArray(replies)) return replies;

    const action = click.actions[0]!;
    const refused = replies.some((r) => r.kind === 'error');
    if (click.response_url && !fromHome && !refused) {
      // The buttons go; what was chosen stays. A refused click (not this person's, a stale button, busy)
      // leaves the message as it was, so whoever it was meant for can still answer.
      const label = action.text?.text ?? '';
      await delivery.replaceOriginal(click.response_url, markChosen(click.message?.blocks, action.block_id, label), click.message?.text ?? label);
    }
    const rendered = renderReplies(replies);
    if (click.response_url) await delivery.viaResponseUrl(click.response_url, rendered, user);
    else await delivery.inChannel(channel, rendered, { user, direct: true });
    if (fromHome) await this.publishHome(team, user, `click:${click.trigger_id ?? action.action_ts ?? ''}`);
    return 'done';
  }

  async homeOpened(body: unknown): Promise<void> {
    const home = this.parse(homeOpenedSchema, body, 'app_home_opened event');
    if (!home || (home.event.tab !== undefined && home.event.tab !== 'home')) return;
    await this.publishHome(home.team_id, home.event.user, home.event_id, home.event.channel);
  }

  private async publishHome(team: string, user: string, eventId: string, channel?: string): Promise<void> {
    const { bot, services, web } = this.deps;
    const inbound = inboundForHome({ team_id: team, event_id: eventId, event: { type: 'app_home_opened', user, channel } });
    let replies = await this.limited(() => bot.home(inbound));
    await this.saveAddress(team, user);
    if (replies.length === 0) {
      const person = await services.people.findByIdentityKey(identityKey(team, user));
      const locale = pickLocale(person?.locale, undefined);
      replies = welcomeReplies(translator(locale), services.program.title[locale], person, bot.listCommands());
    }
    await web.views.publish({ user_id: user, view: homeView(replies) });
  }

  /**
   * Runs the core; the replies to send, or what is left to do when there are none: 'done' for a request
   * handled before (a repeated delivery), 'later' when a replay finds its first handling unfinished.
   */
  private async handle(inbound: InboundInput, team: string, user: string, how: HowHandled): Promise<Reply[] | Handled> {
    const result = await this.limited(() => this.deps.bot.handle(inbound));
    if (result.duplicate) {
      if (how.replay && result.inProgress) return 'later';
      // A replay sends again what the first handling answered: its delivery may have been cut off.
      if (how.replay) return result.replies;
      this.deps.log.info({ key: inbound.idempotencyKey }, 'slack: repeated delivery, already handled');
      return 'done';
    }
    await this.saveAddress(team, user);
    return result.replies;
  }

  private limited<T>(work: () => Promise<T>): Promise<T> {
    return this.deps.limit ? this.deps.limit.run(work) : work();
  }

  /** Remembers how to reach the person for notifications (after the core created their identity). */
  private async saveAddress(team: string, user: string): Promise<void> {
    try {
      await this.deps.services.people.saveAddress(identityKey(team, user), encodeSlackAddress({ team, user }));
    } catch (e) {
      // Best effort (the next request saves it again): a locked database must not cost the person the reply.
      this.deps.log.warn({ err: e }, 'slack: could not save the address');
    }
  }

  private async tellFilesWentToDm(responseUrl: string, inbound: InboundInput): Promise<void> {
    const t = await this.translatorFor(inbound);
    await this.deps.delivery.viaResponseUrl(responseUrl, renderReplies([text(t('slack.file.sentToDm'), true)]), inbound.identity.userId);
  }

  private async translatorFor(inbound: InboundInput): Promise<Translate> {
    const person = await this.deps.services.people.findByIdentityKey(inbound.identity.key);
    return translator(pickLocale(person?.locale, inbound.locale));
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
