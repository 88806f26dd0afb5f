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
import { FlowEngine } from './flow-engine.ts';
import { inboundSchema, maxInboundText, type Inbound, type InboundInput } from './inbound.ts';
import { error, text, type Reply } from './reply.ts';
import type { Services } from './services.ts';
import { normalizeText, splitCommand } from './text-normalize.ts';
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

const greetings = ['hello', 'hi', 'hey', 'こんにちは', 'こんばんは', 'おはよう', 'おはようございます', 'はじめまして', 'よろしく', 'よろしくお願いします'];

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

    const notices: Reply[] = [];
    if (!inbound.isCommand) {
      const active = await this.flows.load(turn);
      if (active === 'expired') notices.push(text(turn.t('core.flow.expired')));
      else if (active && !this.isCommandWord(typed, active.def.id)) return this.flows.handleText(turn, active, typed);
    }
    return [...notices, ...(await this.routeCommand(turn, typed))];
  }

  /** In a flow, typed text is an answer, unless it switches the language or is exactly the command that started this flow (resume). */
  private isCommandWord(typed: string, flowId: string): boolean {
    const cmd = this.findCommand(splitCommand(typed).word);
    if (cmd?.name === 'language') return true;
    return cmd !== undefined && cmd.name === flowId && splitCommand(typed).rest === '';
  }

  private async routeCommand(turn: Turn, typed: string): Promise<Reply[]> {
    const { word, rest } = splitCommand(typed);
    const command = this.findCommand(word);
    if (command) return command.run(turn, rest);

    if (word === '' || greetings.includes(normalizeText(typed).replace(/[!！。.]+$/, ''))) {
      for (const f of this.features) {
        const replies = await f.onGreeting?.(turn);
        if (replies) return replies;
      }
      return this.findCommand('help')!.run(turn, '');
    }
    const shown = typed.length > 60 ? `${typed.slice(0, 60)}…` : typed;
    return [text(turn.t('core.unknown', { text: shown }), true)];
  }

  private findCommand(word: string): Command | undefined {
    const w = normalizeText(word);
    return this.commands.find((c) => c.name === w || c.aliases?.some((a) => normalizeText(a) === w));
  }

  private async routeAction(turn: Turn, raw: string): Promise<Reply[]> {
    const action = decodeAction(raw);
    if (!action) return [error('bad_button', turn.t('core.error.badButton'))];
    if (this.flows.has(action.h) || action.h === '_flow') return this.flows.handleAction(turn, action);
    const handler = this.actions.get(action.h);
    if (!handler) return [error('bad_button', turn.t('core.error.badButton'))];
    return handler.run(turn, action);
  }
}
