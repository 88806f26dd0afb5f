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
import { holdFiles } from './held-files.ts';
import { inboundSchema, maxInboundText, type Inbound, type InboundInput } from './inbound.ts';
import { isRestrictedAction, isRestrictedCommand, TurnAudience, withVisibility } from './privacy.ts';
import { error, text, type Reply } from './reply.ts';
import type { Locale } from '../i18n/catalog.ts';
import { DuplicateRequestError, type Logger, type TurnStart } from './ports.ts';
import type { PersonView } from './roles.ts';
import type { CoreServices } from './services.ts';
import { normalizeText, splitCommand } from './text-normalize.ts';
import { isGreeting } from './typed-text.ts';
import type { Turn } from './turn.ts';
import { isTransientStorageError } from './transient-error.ts';
import type { UnitOfWork } from './unit-of-work.ts';

/** A short, growing, jittered pause, so turns that collided do not collide again in lockstep. */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, attempt * 10 + Math.floor(Math.random() * 20)));

export interface HandleResult {
  replies: Reply[];
  /** True when this request was handled before (a platform retry or a repeated delivery): `replies` are the first answer. */
  duplicate: boolean;
  /** The reader's language, for words the adapter adds itself. */
  locale: Locale;
}

export interface HomeResult {
  /** Each feature's section of the dashboard, for the person's roles (empty when none has one). */
  replies: Reply[];
  person: PersonView;
  locale: Locale;
}

/** What the bot needs besides its features: `P` are the ports the features need (see `Feature<P>`). */
export interface BotDeps<P> {
  /** Runs a turn in one database transaction, with the core's repositories and the features' ports bound to it. */
  uow: UnitOfWork<CoreServices & P>;
  log: Logger;
}

/** The turn in the person's language as stored now (after `language en` in the middle of a flow). */
async function relocalized<P>(turn: Turn<P>): Promise<Turn<P>> {
  const platformLocale = turn.inbound.locale;
  const person = (await turn.services.people.findById(turn.person.id)) ?? turn.person;
  const locale = pickLocale(person.locale, platformLocale ?? person.platformLocale);
  return { ...turn, person, locale, t: translator(locale) };
}

/** Typed text as shown back in a reply: at most 60 characters. */
const shorten = (typed: string) => (typed.length > 60 ? `${typed.slice(0, 60)}…` : typed);

/**
 * A turn that fails quickly for a transient reason (a concurrent change, a write conflict between two
 * processes) is run again, up to `maxAttempts` times in all and while `retryForMs` have not passed since
 * the message arrived. One that failed after waiting out a lock (SQLite's busy timeout is 5 s) is not:
 * the person hears at once that the bot is busy. Real time: these bound the person's wait.
 */
const maxAttempts = 10;
const retryForMs = 5_000;
/** An attempt that failed within this time of its transaction's start failed quickly (a conflict, not a lock wait). */
const quickFailureMs = 2_000;

export class Bot<P = unknown> {
  private readonly commands: Command<P>[];
  private readonly actions = new Map<string, ActionHandler<P>>();
  private readonly flows: FlowEngine;

  constructor(
    private readonly deps: BotDeps<P>,
    private readonly features: Feature<P>[],
  ) {
    this.commands = [helpCommand(() => this.commands), languageCommand, ...features.flatMap((f) => f.commands ?? [])];
    for (const a of features.flatMap((f) => f.actions ?? [])) this.actions.set(a.id, a);
    // A confirmed action runs its own handler (never a flow's): see confirmation.ts.
    const runConfirmed = (turn: Turn<P>, action: ActionValue) =>
      this.actions.get(action.h)?.run(turn, action) ?? Promise.resolve([error('bad_button', turn.t('core.error.badButton'))]);
    this.flows = new FlowEngine([confirmationFlow(runConfirmed), ...features.flatMap((f) => f.flows ?? [])]);
  }

  /** All commands, for adapters that list them (Slack manifest checks, Teams command lists). */
  listCommands(): readonly Command<P>[] {
    return this.commands;
  }

  /**
   * The person's dashboard: each feature's section for their roles. It changes nothing but the person's
   * record (created on first contact, address kept), so it needs no idempotency key: `input.idempotencyKey`
   * is ignored.
   */
  async home(input: InboundInput): Promise<HomeResult> {
    const inbound = inboundSchema.parse(input);
    return this.deps.uow.run(async (services) => {
      const turn = await this.turnFor(services, inbound, await services.requests.begin(this.keysOf(inbound, null)));
      const sections = await Promise.all(this.features.map((f) => f.home?.(turn) ?? Promise.resolve([])));
      return { replies: sections.flat(), person: turn.person, locale: turn.locale };
    });
  }

  /** Whether a request (or an event an adapter answers once, such as a welcome) was recorded as handled. */
  async handledBefore(key: string): Promise<boolean> {
    return (await this.deps.uow.run((services) => services.requests.repliesOf(key))) !== null;
  }

  /** Records an event an adapter answered by itself (a welcome) as handled, once it was delivered. */
  async recordHandled(key: string, replies: Reply[]): Promise<void> {
    await this.deps.uow.run(async (services) => {
      try {
        await services.requests.record(key, replies, services.clock.now());
      } catch (e) {
        // Delivered twice (two deliveries of the event at once): recorded by the other one.
        if (!(e instanceof DuplicateRequestError)) throw e;
      }
    });
  }

  /**
   * Handles one message in one transaction (see UnitOfWork): the replies are returned once everything the
   * turn changed is committed, so an adapter sends them after the commit. A request handled before (same
   * idempotency key) changes nothing again and gets the first answer back.
   */
  async handle(input: InboundInput): Promise<HandleResult> {
    const parsed = inboundSchema.safeParse(input);
    if (!parsed.success) {
      this.deps.log.warn({ issues: parsed.error.issues }, 'invalid inbound message');
      const locale = pickLocale(undefined, input.locale);
      return { replies: [error('bad_request', translator(locale)('core.error.badButton'))], duplicate: false, locale };
    }
    const inbound = parsed.data;
    const { uow, log } = this.deps;
    const arrived = Date.now();
    for (let attempt = 1; ; attempt++) {
      // When the turn's transaction began (real time): waiting for it to begin (other turns first) is not failing slowly.
      let began = Date.now();
      try {
        return await uow.run((services) => {
          began = Date.now();
          return this.turn(services, inbound);
        });
      } catch (e) {
        const locale = pickLocale(undefined, inbound.locale);
        if (e instanceof DuplicateRequestError) return { replies: (await this.firstAnswer(inbound)) ?? [], duplicate: true, locale };
        const t = translator(locale);
        if (isTransientStorageError(e)) {
          // Nothing of the turn was kept (its transaction rolled back), so running it again is safe; worth it
          // after a quick failure (a concurrent change), not after waiting out a lock.
          const now = Date.now();
          if (attempt < maxAttempts && now - began < quickFailureMs && now - arrived < retryForMs) {
            await pause(attempt);
            continue;
          }
          log.warn({ err: e, attempts: attempt }, 'storage busy');
          return { replies: [error('busy', t('core.error.busy'))], duplicate: false, locale };
        }
        const ref = randomUUID().slice(0, 8);
        log.error({ err: e, ref, identity: inbound.identity.key }, 'unexpected error while handling a message');
        return { replies: [error('unexpected', t('core.error.unexpected', { ref }))], duplicate: false, locale };
      }
    }
  }

  private async turn(services: CoreServices & P, inbound: Inbound): Promise<HandleResult> {
    const start = await services.requests.begin(this.keysOf(inbound, inbound.idempotencyKey));
    if (start.replayed)
      return {
        replies: start.replayed,
        duplicate: true,
        locale: pickLocale(start.person?.locale, inbound.locale ?? start.person?.platformLocale),
      };
    // Who may see the answer is decided here, for every command, button and flow, and recorded with the
    // replies: a repeated delivery is answered as privately as the first one.
    const audience = new TurnAudience();
    const turn = await this.turnFor(services, inbound, start, audience);
    const routed = await this.route(turn, audience);
    // Files are held for the person in this transaction: an adapter offers them and hands them out later.
    const replies = await holdFiles(
      services.heldFiles,
      turn.person.id,
      withVisibility(routed, inbound, services.settings.staffChannels, audience),
      turn.now,
    );
    await services.requests.record(inbound.idempotencyKey, replies, turn.now);
    return { replies, duplicate: false, locale: turn.locale };
  }

  /** The answer recorded by the delivery of this request that committed first. */
  private async firstAnswer(inbound: Inbound): Promise<Reply[] | null> {
    try {
      return await this.deps.uow.run((services) => services.requests.repliesOf(inbound.idempotencyKey));
    } catch (e) {
      this.deps.log.warn({ err: e }, 'could not read the replies of a repeated request');
      return null;
    }
  }

  private keysOf(inbound: Inbound, requestKey: string | null) {
    return { requestKey, identityKey: inbound.identity.key, conversationKey: inbound.conversation.key };
  }

  /** The turn's view of the person (created on first contact), with the platform's name and address kept up to date. */
  private async turnFor(services: CoreServices & P, inbound: Inbound, start: TurnStart, audience = new TurnAudience()): Promise<Turn<P>> {
    const { identity, address } = inbound;
    let person =
      start.person ??
      (await services.people.create({
        key: identity.key,
        platform: inbound.platform,
        tenant: identity.tenant,
        userId: identity.userId,
        displayName: identity.displayName,
        platformLocale: inbound.locale,
      }));
    // A name the platform did not vouch for (unauthenticated local use) may name a new person, never rename one.
    const mayRename = identity.displayNameVerified || person.displayName === '';
    if (start.person && identity.displayName && identity.displayName !== person.displayName && mayRename) {
      await services.people.rename(person.id, identity.displayName);
      person = { ...person, displayName: identity.displayName };
    }
    // Written only when it changed (most messages repeat it), so notifications follow the platform's language too.
    if (start.person && inbound.locale && inbound.locale !== person.platformLocale) {
      await services.people.setPlatformLocale(person.id, inbound.locale);
      person = { ...person, platformLocale: inbound.locale };
    }
    // Written only when it changed: most messages repeat it.
    if (address && address.value !== start.address && !(address.onlyIfNone && start.address !== null))
      await services.people.saveAddress(identity.key, address.value);
    const locale = pickLocale(person.locale, inbound.locale ?? person.platformLocale);
    const turn: Turn<P> = {
      inbound,
      person,
      locale,
      t: translator(locale),
      now: services.clock.now(),
      services,
      startFlow: (flowId, initial) => {
        // A flow started by a command for everyone is still as private as the flow.
        audience.restrict(this.flows.isRestricted(flowId));
        return this.flows.start(turn, flowId, initial);
      },
    };
    return turn;
  }

  /** `audience` learns what ran, for who may see the answer (see privacy.ts). */
  private async route(turn: Turn<P>, audience: TurnAudience): Promise<Reply[]> {
    const { inbound } = turn;
    if (inbound.action !== undefined) return this.routeAction(turn, inbound.action, audience);

    const typed = inbound.text ?? '';
    if (typed.length > maxInboundText) return [error('too_long', turn.t('core.error.tooLong', { max: maxInboundText }))];

    const active = await this.flows.load(turn);
    if (active === 'expired') return [text(turn.t('core.flow.expired')), ...(await this.routeCommand(turn, typed, audience))];
    if (!active) return this.routeCommand(turn, typed, audience);
    if (inbound.isCommand) {
      // A slash command in a flow: `/desk cancel` is the flow word; anything else runs as a command and the flow stays.
      const keyword = flowKeyword(typed);
      if (keyword) {
        audience.restrict(this.flows.isRestricted(active.def.id));
        return this.flows.control(turn, active, keyword);
      }
      return (await this.commandDuringFlow(turn, active, typed, false, audience)) ?? this.routeCommand(turn, typed, audience);
    }
    // The flow reads the text (or asks again): its answer is as private as the flow.
    audience.restrict(this.flows.isRestricted(active.def.id));
    return this.flows.handleText(turn, active, typed, {
      command: ({ freeText }) => this.commandDuringFlow(turn, active, typed, freeText, audience),
      action: (value) => this.routeAction(turn, value, audience),
      leave: () => this.leaveFlow(turn, audience),
    });
  }

  /**
   * A command typed (or slashed) while a flow is open: it runs, and the flow stays open and is asked again.
   * Undefined when the text is no command: the flow reads it as an answer.
   */
  private async commandDuringFlow(
    turn: Turn<P>,
    active: ActiveFlow,
    typed: string,
    freeText: boolean,
    audience: TurnAudience,
  ): Promise<Reply[] | undefined> {
    const { word, rest } = splitCommand(typed);
    const command = this.findCommand(word);
    if (!command) return undefined;
    // Where any text is an answer (a company name), "Book Off Corp." is a name: only a bare or slashed command word counts.
    if (freeText && !turn.inbound.isCommand && rest !== '' && !/^\s*\//.test(typed)) return undefined;

    audience.restrict(isRestrictedCommand(command));
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
  private guardFlow(turn: Turn<P>, active: ActiveFlow, pending: PendingRequest) {
    let outcome: 'stayed' | 'resumed' | 'replaced' | 'asked' = 'stayed';
    let question: Reply[] | undefined;
    const guarded: Turn<P> = {
      ...turn,
      startFlow: async (flowId, initial) => {
        if (flowId === active.def.id && initial === undefined) {
          outcome = 'resumed';
          return turn.startFlow(flowId);
        }
        if (this.flows.holdsWork(active)) {
          outcome = 'asked';
          question = await this.flows.askToLeave(turn, active, pending, shorten(pending.text ?? turn.t('core.flow.leave.button')));
          return question;
        }
        outcome = 'replaced';
        return turn.startFlow(flowId, initial);
      },
    };
    // Only the question: what the command said before starting its flow is said again once the person agrees.
    return { turn: guarded, outcome: () => outcome, replies: () => question };
  }

  /** The person agreed to leave the flow: it ends, and the command (or click) they asked for runs. */
  private async leaveFlow(turn: Turn<P>, audience: TurnAudience): Promise<Reply[]> {
    const pending = await this.flows.takePending(turn);
    if (!pending) return [text(turn.t('core.flow.cancelled'))];
    const inbound: Inbound = { ...turn.inbound, text: pending.text, action: pending.action, isCommand: pending.isCommand };
    return this.route({ ...turn, inbound }, audience);
  }

  private async routeCommand(turn: Turn<P>, typed: string, audience: TurnAudience): Promise<Reply[]> {
    const { word, rest } = splitCommand(typed);
    const command = this.findCommand(word);
    if (command) {
      audience.restrict(isRestrictedCommand(command));
      return command.run(turn, rest);
    }

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

  private findCommand(word: string): Command<P> | undefined {
    const w = normalizeText(word);
    return this.commands.find((c) => c.name === w || c.aliases?.some((a) => normalizeText(a) === w));
  }

  private async routeAction(turn: Turn<P>, raw: string, audience: TurnAudience): Promise<Reply[]> {
    const action = decodeAction(raw);
    if (!action) return [error('bad_button', turn.t('core.error.badButton'))];
    if (action.h === flowControlHandler && action.v === 'leave') return this.leaveFlow(turn, audience);
    if (this.flows.has(action.h)) {
      audience.restrict(this.flows.isRestricted(action.h));
      return this.flows.handleAction(turn, action);
    }
    if (action.h === flowControlHandler) {
      // The engine's own buttons (help, back, cancel) act on the open flow: as private as it is.
      const open = await this.flows.load(turn);
      audience.restrict(open !== null && open !== 'expired' && this.flows.isRestricted(open.def.id));
      return this.flows.handleAction(turn, action);
    }
    const handler = this.actions.get(action.h);
    if (!handler) return [error('bad_button', turn.t('core.error.badButton'))];
    audience.restrict(isRestrictedAction(handler));
    // A feature's button clicked while a flow is open must not silently end the flow either.
    const active = await this.flows.load(turn);
    if (!active || active === 'expired') return handler.run(turn, action);
    const guard = this.guardFlow(turn, active, { action: raw, isCommand: false });
    const replies = await handler.run(guard.turn, action);
    return guard.replies() ?? replies;
  }
}
