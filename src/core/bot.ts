/**
 * The conversation engine's entry point: one neutral message in, neutral replies out. Adapters call
 * `handle`; everything platform-specific stays on their side.
 */
import { randomUUID } from 'node:crypto';
import { translator, pickLocale } from '../i18n/translate.ts';
import { decodeAction, type ActionValue } from './action-value.ts';
import { helpCommand, languageCommand } from './builtin-commands.ts';
import { confirmationFlow } from './confirmation.ts';
import type { ActionHandler, Command, Feature } from './feature.ts';
import { flowControlHandler } from './flow.ts';
import { FlowEngine, type ActiveFlow, type PendingRequest } from './flow-engine.ts';
import { flowKeyword } from './flow-keywords.ts';
import { inboundSchema, maxInboundText, type Inbound, type InboundInput } from './inbound.ts';
import { error, text, type Reply } from './reply.ts';
import type { Services } from './services.ts';
import { normalizeText, splitCommand } from './text-normalize.ts';
import { isGreeting } from './typed-text.ts';
import type { Turn } from './turn.ts';
import { isTransientStorageError } from './transient-error.ts';

export interface HandleResult {
  replies: Reply[];
  /** True when this request was handled before (a platform retry or a repeated delivery). */
  duplicate: boolean;
  /**
   * A duplicate whose first handling has not finished (or crashed half-way and is not stale yet): no replies
   * are known. An adapter replaying a stored request leaves it for later instead of counting it as answered.
   */
  inProgress?: boolean;
}

/** The turn in the person's language as stored now (after `language en` in the middle of a flow). */
async function relocalized(turn: Turn): Promise<Turn> {
  const { identity, platform, locale: platformLocale } = turn.inbound;
  const person = await turn.services.people.resolve({ key: identity.key, platform, tenant: identity.tenant, userId: identity.userId, displayName: identity.displayName });
  const locale = pickLocale(person.locale, platformLocale);
  return { ...turn, person, locale, t: translator(locale) };
}

/** Typed text as shown back in a reply: at most 60 characters. */
const shorten = (typed: string) => (typed.length > 60 ? `${typed.slice(0, 60)}…` : typed);

export class Bot {
  private readonly commands: Command[];
  private readonly actions = new Map<string, ActionHandler>();
  private readonly flows: FlowEngine;

  constructor(
    private readonly services: Services,
    private readonly features: Feature[],
  ) {
    this.commands = [helpCommand(() => this.commands), languageCommand, ...features.flatMap((f) => f.commands ?? [])];
    for (const a of features.flatMap((f) => f.actions ?? [])) this.actions.set(a.id, a);
    // A confirmed action runs its own handler (never a flow's): see confirmation.ts.
    const runConfirmed = (turn: Turn, action: ActionValue) => this.actions.get(action.h)?.run(turn, action) ?? Promise.resolve([error('bad_button', turn.t('core.error.badButton'))]);
    this.flows = new FlowEngine([confirmationFlow(runConfirmed), ...features.flatMap((f) => f.flows ?? [])]);
  }

  /** All commands, for adapters that list them (Slack manifest checks, Teams command lists). */
  listCommands(): readonly Command[] {
    return this.commands;
  }

  /**
   * The person's dashboard: each feature's section for their roles. Read-only, so it needs no idempotency
   * key; `input.idempotencyKey` is ignored.
   */
  async home(input: InboundInput): Promise<Reply[]> {
    const inbound = inboundSchema.parse(input);
    const turn = await this.turnFor(inbound);
    const sections = await Promise.all(this.features.map((f) => f.home?.(turn) ?? Promise.resolve([])));
    return sections.flat();
  }

  async handle(input: InboundInput): Promise<HandleResult> {
    const parsed = inboundSchema.safeParse(input);
    if (!parsed.success) {
      this.services.log.warn({ issues: parsed.error.issues }, 'invalid inbound message');
      return { replies: [error('bad_request', translator(pickLocale(undefined, input.locale))('core.error.badButton'))], duplicate: false };
    }
    const inbound = parsed.data;
    const { requests, log } = this.services;

    // The claim is inside the handler too: a locked database must get the "busy" answer, not silence.
    let claimed = false;
    try {
      const claim = await requests.claim(inbound.idempotencyKey);
      if (!claim.claimed) return claim.replies ? { replies: claim.replies, duplicate: true } : { replies: [], duplicate: true, inProgress: true };
      claimed = true;
      const turn = await this.turnFor(inbound);
      const replies = await this.route(turn);
      await requests.complete(inbound.idempotencyKey, replies);
      return { replies, duplicate: false };
    } catch (e) {
      // Only our own claim is released: a failed claim may be another delivery's.
      if (claimed) await requests.release(inbound.idempotencyKey).catch(() => undefined);
      const t = translator(pickLocale(undefined, inbound.locale));
      if (isTransientStorageError(e)) {
        log.warn({ err: e }, 'storage busy');
        return { replies: [error('busy', t('core.error.busy'))], duplicate: false };
      }
      const ref = randomUUID().slice(0, 8);
      log.error({ err: e, ref, identity: inbound.identity.key }, 'unexpected error while handling a message');
      return { replies: [error('unexpected', t('core.error.unexpected', { ref }))], duplicate: false };
    }
  }

  private async turnFor(inbound: Inbound): Promise<Turn> {
    const person = await this.services.people.resolve({
      key: inbound.identity.key,
      platform: inbound.platform,
      tenant: inbound.identity.tenant,
      userId: inbound.identity.userId,
      displayName: inbound.identity.displayName,
      displayNameIsHint: !inbound.identity.displayNameVerified,
    });
    const locale = pickLocale(person.locale, inbound.locale);
    const turn: Turn = {
      inbound,
      person,
      locale,
      t: translator(locale),
      now: this.services.clock.now(),
      services: this.services,
      startFlow: (flowId, initial) => this.flows.start(turn, flowId, initial),
    };
    return turn;
  }

  private async route(turn: Turn): Promise<Reply[]> {
    const { inbound } = turn;
    if (inbound.action !== undefined) return this.routeAction(turn, inbound.action);

    const typed = inbound.text ?? '';
    if (typed.length > maxInboundText) return [error('too_long', turn.t('core.error.tooLong', { max: maxInboundText }))];

    const active = await this.flows.load(turn);
    if (active === 'expired') return [text(turn.t('core.flow.expired')), ...(await this.routeCommand(turn, typed))];
    if (!active) return this.routeCommand(turn, typed);
    if (inbound.isCommand) {
      // A slash command in a flow: `/desk cancel` is the flow word; anything else runs as a command and the flow stays.
      const keyword = flowKeyword(typed);
      if (keyword) return this.flows.control(turn, active, keyword);
      return (await this.commandDuringFlow(turn, active, typed, false)) ?? this.routeCommand(turn, typed);
    }
    return this.flows.handleText(turn, active, typed, {
      command: ({ freeText }) => this.commandDuringFlow(turn, active, typed, freeText),
      action: (value) => this.routeAction(turn, value),
      leave: () => this.leaveFlow(turn),
    });
  }

  /**
   * A command typed (or slashed) while a flow is open: it runs, and the flow stays open and is asked again.
   * Undefined when the text is no command: the flow reads it as an answer.
   */
  private async commandDuringFlow(turn: Turn, active: ActiveFlow, typed: string, freeText: boolean): Promise<Reply[] | undefined> {
    const { word, rest } = splitCommand(typed);
    const command = this.findCommand(word);
    if (!command) return undefined;
    // Where any text is an answer (a company name), "Book Off Corp." is a name: only a bare or slashed command word counts.
    if (freeText && !turn.inbound.isCommand && rest !== '' && !/^\s*\//.test(typed)) return undefined;

    const guard = this.guardFlow(turn, active, { text: typed, isCommand: turn.inbound.isCommand });
    const replies = await command.run(guard.turn, rest);
    if (guard.outcome() !== 'stayed') return guard.replies() ?? replies;
    // `language` changed the language: the reminder speaks the new one.
    const now = command.name === 'language' ? await relocalized(turn) : turn;
    const still = await this.flows.load(now);
    if (!still || still === 'expired') return replies;
    return [...replies, text(now.t('core.flow.stillOpen', { flow: this.flows.title(now, still) })), ...(await this.flows.ask(now, still))];
  }

  /**
   * A turn whose `startFlow` protects the open flow: its own command resumes it; another flow replaces it only
   * when nothing typed would be lost, else the person is asked first whether to leave (and `pending` is kept
   * to run once they agree).
   */
  private guardFlow(turn: Turn, active: ActiveFlow, pending: PendingRequest) {
    let outcome: 'stayed' | 'resumed' | 'replaced' | 'asked' = 'stayed';
    let question: Reply[] | undefined;
    const guarded: Turn = {
      ...turn,
      startFlow: async (flowId, initial) => {
        if (flowId === active.def.id && initial === undefined) {
          outcome = 'resumed';
          return this.flows.start(turn, flowId);
        }
        if (this.flows.holdsWork(active)) {
          outcome = 'asked';
          question = await this.flows.askToLeave(turn, active, pending, shorten(pending.text ?? turn.t('core.flow.leave.button')));
          return question;
        }
        outcome = 'replaced';
        return this.flows.start(turn, flowId, initial);
      },
    };
    // Only the question: what the command said before starting its flow is said again once the person agrees.
    return { turn: guarded, outcome: () => outcome, replies: () => question };
  }

  /** The person agreed to leave the flow: it ends, and the command (or click) they asked for runs. */
  private async leaveFlow(turn: Turn): Promise<Reply[]> {
    const pending = await this.flows.takePending(turn);
    if (!pending) return [text(turn.t('core.flow.cancelled'))];
    const inbound: Inbound = { ...turn.inbound, text: pending.text, action: pending.action, isCommand: pending.isCommand };
    return this.route({ ...turn, inbound });
  }

  private async routeCommand(turn: Turn, typed: string): Promise<Reply[]> {
    const { word, rest } = splitCommand(typed);
    const command = this.findCommand(word);
    if (command) return command.run(turn, rest);

    if (word === '' || isGreeting(typed)) {
      for (const f of this.features) {
        const replies = await f.onGreeting?.(turn);
        if (replies) return replies;
      }
      return this.findCommand('help')!.run(turn, '');
    }
    const shown = shorten(typed);
    return [text(turn.t('core.unknown', { text: shown }), true)];
  }

  private findCommand(word: string): Command | undefined {
    const w = normalizeText(word);
    return this.commands.find((c) => c.name === w || c.aliases?.some((a) => normalizeText(a) === w));
  }

  private async routeAction(turn: Turn, raw: string): Promise<Reply[]> {
    const action = decodeAction(raw);
    if (!action) return [error('bad_button', turn.t('core.error.badButton'))];
    if (action.h === flowControlHandler && action.v === 'leave') return this.leaveFlow(turn);
    if (this.flows.has(action.h) || action.h === flowControlHandler) return this.flows.handleAction(turn, action);
    const handler = this.actions.get(action.h);
    if (!handler) return [error('bad_button', turn.t('core.error.badButton'))];
    // A feature's button clicked while a flow is open must not silently end the flow either.
    const active = await this.flows.load(turn);
    if (!active || active === 'expired') return handler.run(turn, action);
    const guard = this.guardFlow(turn, active, { action: raw, isCommand: false });
    const replies = await handler.run(guard.turn, action);
    return guard.replies() ?? replies;
  }
}
