/**
 * Runs step-by-step flows. The state (current step, the steps before it for `back`, the answers, the
 * misses) is stored per person and conversation, so a flow survives a restart and continues on whichever
 * instance receives the next message.
 *
 * A typed message in a flow is read in this order: a flow word (back, cancel, restart, help); the answer to a
 * pending "leave this?" question; a greeting (the flow is shown again); the step's own reading when it reads
 * text first; one of the choices shown for sure (label, words, yes/no, number: see choice-matcher.ts); a
 * command (run by the bot, the flow stays open); a choice probably meant (part of a label, a typo); the step's
 * own reading of the text.
 */
import { z } from 'zod';
import type { ActionValue } from './action-value.ts';
import { decodeAction, encodeAction } from './action-value.ts';
import { matchChoice, matchChoiceLoosely } from './choice-matcher.ts';
import { flowControlHandler, stepFor, type FlowDefinition, type FlowInput, type StepOutcome } from './flow.ts';
import { flowKeyword, type FlowKeyword } from './flow-keywords.ts';
import { isRestrictedFlow } from './privacy.ts';
import { choices, error, text, type Choice, type Reply } from './reply.ts';
import type { Turn } from './turn.ts';
import { isGreeting } from './typed-text.ts';

const maxMisses = 3;

/** A command (or a click) that would end the flow, kept until the person says whether to leave. */
const pendingSchema = z.object({ text: z.string().optional(), action: z.string().optional(), isCommand: z.boolean() });
export type PendingRequest = z.infer<typeof pendingSchema>;

const storedStateSchema = z.object({
  step: z.string(),
  history: z.array(z.string()),
  data: z.unknown(),
  misses: z.number().int().nonnegative(),
  pending: pendingSchema.optional(),
});

interface FlowState<D> {
  step: string;
  history: string[];
  data: D;
  misses: number;
  pending?: PendingRequest;
}

// Flows have different data types; each one validates its own with `dataSchema` when loaded. Their ports are
// not the engine's business: the bot (`Bot<P>`) hands it only turns whose services hold every feature's ports.
// biome-ignore lint/suspicious/noExplicitAny: the flows' ports, checked where the bot is built (see above)
type AnyFlow = FlowDefinition<unknown, any>;

export interface ActiveFlow {
  def: AnyFlow;
  state: FlowState<unknown>;
}

/** What the bot does for the engine while a typed message is read (commands and other buttons are the bot's). */
export interface TypedHooks {
  /** Runs the typed text as a command, or returns undefined when it is none. `freeText`: the step takes any text. */
  command(options: { freeText: boolean }): Promise<Reply[] | undefined>;
  /** Runs a choice that belongs to no flow step (a feature's own button shown inside a flow question). */
  action(value: string): Promise<Reply[]>;
  /** The person confirmed leaving: end the flow and run what they asked for. */
  leave(): Promise<Reply[]>;
}

export class FlowEngine {
  private readonly flows = new Map<string, AnyFlow>();

  constructor(flows: AnyFlow[]) {
    for (const f of flows) {
      if (this.flows.has(f.id)) throw new Error(`duplicate flow id ${f.id}`);
      this.flows.set(f.id, f);
    }
  }

  has(flowId: string): boolean {
    return this.flows.has(flowId);
  }

  /** Whether the flow's answers are for the person alone in a shared conversation (see privacy.ts); unknown flows are. */
  isRestricted(flowId: string): boolean {
    const def = this.flows.get(flowId);
    return def ? isRestrictedFlow(def) : true;
  }

  /** The flow this person is in here, 'expired' when it timed out (and was removed), or null. */
  async load(turn: Turn): Promise<ActiveFlow | 'expired' | null> {
    const { conversations } = turn.services;
    const keys = [turn.inbound.identity.key, turn.inbound.conversation.key] as const;
    const stored = await conversations.get(...keys);
    if (!stored) return null;
    if (stored.expiresAt.getTime() <= turn.now.getTime()) {
      await conversations.delete(...keys);
      return 'expired';
    }
    const def = this.flows.get(stored.flow);
    const parsed = safeJson(stored.state, storedStateSchema);
    const data = def && parsed ? def.dataSchema.safeParse(parsed.data) : undefined;
    if (!def || !parsed || !data?.success || !stepFor(def, parsed.step)) {
      // A flow removed or changed by an upgrade: start clean rather than fail on every message.
      await conversations.delete(...keys);
      return null;
    }
    return { def, state: { ...parsed, data: data.data } };
  }

  async start(turn: Turn, flowId: string, initial?: unknown): Promise<Reply[]> {
    const def = this.flows.get(flowId);
    if (!def) throw new Error(`unknown flow ${flowId}`);
    const active = await this.load(turn);
    if (active && active !== 'expired' && active.def.id === flowId && initial === undefined) {
      return [text(turn.t('core.flow.resumed')), ...(await this.ask(turn, active))];
    }
    const data = await def.start(turn, initial);
    const fresh: ActiveFlow = { def, state: { step: def.firstStep(turn, data), history: [], data, misses: 0 } };
    await this.save(turn, fresh);
    return this.ask(turn, fresh);
  }

  async handleText(turn: Turn, active: ActiveFlow, typed: string, hooks: TypedHooks): Promise<Reply[]> {
    const keyword = flowKeyword(typed);
    if (keyword) return this.control(turn, active, keyword);

    if (active.state.pending) {
      const picked = matchChoice(typed, this.leaveChoices(turn), { numbers: true });
      if (picked) return this.pickControl(turn, active, picked.value, hooks);
      // Not an answer to "leave?": the person went on with the question itself.
      active = { ...active, state: { ...active.state, pending: undefined } };
      await this.save(turn, active);
    }
    if (isGreeting(typed)) return [text(turn.t('core.flow.resumed')), ...(await this.ask(turn, active))];

    const step = stepFor(active.def, active.state.step)!;
    const input: FlowInput = { text: typed.normalize('NFKC').trim() };
    let earlyMiss: StepOutcome<unknown> | undefined;
    if (step.readsTextFirst) {
      const outcome = await step.answer(turn, input, active.state.data, active.state.step);
      if (outcome.ok) return this.accept(turn, active, outcome);
      earlyMiss = outcome;
    }

    const shown = choicesOf(await this.ask(turn, active));
    const picked = matchChoice(typed, shown, { numbers: !step.readsNumbers });
    if (picked) return this.pick(turn, active, picked.value, hooks);

    const command = await hooks.command({ freeText: step.freeText === true });
    if (command) return command;

    // Where any text is an answer (a company name), a part of a label is not a choice.
    const probable = step.freeText ? undefined : matchChoiceLoosely(typed, shown);
    if (probable) return this.pick(turn, active, probable.value, hooks);

    if (earlyMiss && !earlyMiss.ok) return this.miss(turn, active, earlyMiss.replies, shown, step.readsNumbers === true);
    return this.answer(turn, active, input, shown);
  }

  async handleAction(turn: Turn, action: ActionValue): Promise<Reply[]> {
    const active = await this.load(turn);
    const current = active && active !== 'expired' ? active : null;
    if (action.h === flowControlHandler) {
      if (!current) return [error('bad_button', turn.t('core.error.badButton'))];
      if (action.v === 'continue' || action.v === 'stay') return this.stay(turn, current);
      const keyword = flowKeyword(action.v);
      return keyword ? this.control(turn, current, keyword) : this.ask(turn, current);
    }
    if (!current || current.def.id !== action.h || current.state.step !== action.s) {
      // A button from an earlier question, or clicked twice: never answer the wrong question with it.
      // An error, not a plain text: adapters must not mark the old question as answered with this click.
      return current
        ? [error('stale_button', turn.t('core.flow.stale')), ...(await this.ask(turn, current))]
        : [error('bad_button', turn.t('core.error.badButton'))];
    }
    return this.answer(turn, current, { value: action.v });
  }

  /** A flow word: back, cancel, restart or help. */
  async control(turn: Turn, active: ActiveFlow, keyword: FlowKeyword): Promise<Reply[]> {
    const { def, state } = active;
    switch (keyword) {
      case 'cancel':
        await this.clear(turn);
        return [text(turn.t('core.flow.cancelled'))];
      case 'restart':
        await this.clear(turn);
        return this.start(turn, def.id);
      case 'help': {
        const help = def.help?.(turn, state.step, state.data) ?? [];
        return [...help, text(turn.t('core.flow.keywords')), ...(await this.ask(turn, active))];
      }
      case 'back': {
        const previous = state.history.at(-1);
        if (!previous) return [text(turn.t('core.flow.noBack')), ...(await this.ask(turn, active))];
        const moved: ActiveFlow = { def, state: { ...state, step: previous, history: state.history.slice(0, -1), misses: 0 } };
        await this.save(turn, moved);
        return this.ask(turn, moved);
      }
    }
  }

  /** The current question again. */
  async ask(turn: Turn, active: ActiveFlow): Promise<Reply[]> {
    return stepFor(active.def, active.state.step)!.ask(turn, active.state.data, active.state.step);
  }

  /** What the person is doing, in words (「応募資格の確認」). */
  title(turn: Turn, active: ActiveFlow): string {
    return active.def.title?.(turn, active.state.data) ?? turn.t('core.flow.defaultTitle');
  }

  /** True when leaving the flow now would lose something the person typed. */
  holdsWork(active: ActiveFlow): boolean {
    const { def, state } = active;
    return def.holdsWork?.(state.data, state.step, state.history.length) ?? state.history.length > 0;
  }

  /** Keeps `pending` and asks whether to leave the flow for it. */
  async askToLeave(turn: Turn, active: ActiveFlow, pending: PendingRequest, what: string): Promise<Reply[]> {
    await this.save(turn, { ...active, state: { ...active.state, pending } });
    return [choices(turn.t('core.flow.leave.question', { flow: this.title(turn, active), what }), this.leaveChoices(turn))];
  }

  /** Ends the flow the person agreed to leave and returns what they had asked for, if anything was pending. */
  async takePending(turn: Turn): Promise<PendingRequest | undefined> {
    const active = await this.load(turn);
    if (!active || active === 'expired' || !active.state.pending) return undefined;
    await this.clear(turn);
    return active.state.pending;
  }

  private leaveChoices(turn: Turn): Choice[] {
    const offer = (v: string, label: string, means: 'yes' | 'no', style?: Choice['style']): Choice => ({
      label,
      value: encodeAction({ h: flowControlHandler, v }),
      means,
      style,
    });
    return [offer('leave', turn.t('core.flow.leave.yes'), 'yes', 'danger'), offer('stay', turn.t('core.flow.leave.no'), 'no', 'primary')];
  }

  private async stay(turn: Turn, active: ActiveFlow): Promise<Reply[]> {
    if (active.state.pending) await this.save(turn, { ...active, state: { ...active.state, pending: undefined } });
    return this.ask(turn, active);
  }

  /** A choice picked by typing: the step's answer, a flow button, or a feature's own button. */
  private async pick(turn: Turn, active: ActiveFlow, value: string, hooks: TypedHooks): Promise<Reply[]> {
    const action = decodeAction(value);
    if (action?.h === flowControlHandler) return this.pickControl(turn, active, value, hooks);
    if (action && action.h === active.def.id && action.s === active.state.step) return this.answer(turn, active, { value: action.v });
    return hooks.action(value);
  }

  private async pickControl(turn: Turn, active: ActiveFlow, value: string, hooks: TypedHooks): Promise<Reply[]> {
    const action = decodeAction(value);
    if (action?.v === 'leave') return hooks.leave();
    if (action?.v === 'continue' || action?.v === 'stay') return this.stay(turn, active);
    const keyword = action ? flowKeyword(action.v) : undefined;
    return keyword ? this.control(turn, active, keyword) : this.ask(turn, active);
  }

  private async answer(turn: Turn, active: ActiveFlow, input: FlowInput, shown?: Choice[]): Promise<Reply[]> {
    const { def, state } = active;
    const step = stepFor(def, state.step)!;
    const outcome = await step.answer(turn, input, state.data, state.step);
    if (!outcome.ok) return this.miss(turn, active, outcome.replies, shown, step.readsNumbers === true);
    return this.accept(turn, active, outcome);
  }

  private async accept(turn: Turn, active: ActiveFlow, outcome: Extract<StepOutcome<unknown>, { ok: true }>): Promise<Reply[]> {
    const { def, state } = active;
    const before = outcome.replies ?? [];
    const nextStep = outcome.goTo ?? def.next(turn, state.step, outcome.data);
    if (nextStep === null) {
      await this.clear(turn);
      return [...before, ...(await def.finish(turn, outcome.data))];
    }
    const moved: ActiveFlow = {
      def,
      // Staying on the same step (toggling one of several choices, paging) is not a step `back` should undo.
      state: {
        step: nextStep,
        history: nextStep === state.step ? state.history : [...state.history, state.step],
        data: outcome.data,
        misses: 0,
      },
    };
    await this.save(turn, moved);
    return [...before, ...(await this.ask(turn, moved))];
  }

  private async miss(
    turn: Turn,
    active: ActiveFlow,
    replies: Reply[] | undefined,
    shown: Choice[] | undefined,
    readsNumbers: boolean,
  ): Promise<Reply[]> {
    const misses = active.state.misses + 1;
    const question = await this.ask(turn, active);
    if (misses >= maxMisses) {
      await this.save(turn, { ...active, state: { ...active.state, misses: 0 } });
      const offer = (v: string, label: string) => ({ label, value: encodeAction({ h: flowControlHandler, v }) });
      return [
        ...(replies ?? []),
        choices(turn.t('core.flow.tooManyMisses'), [
          offer('help', turn.t('core.flow.choice.help')),
          offer('continue', turn.t('core.flow.choice.continue')),
          { ...offer('cancel', turn.t('core.flow.choice.cancel')), style: 'danger' },
        ]),
      ];
    }
    await this.save(turn, { ...active, state: { ...active.state, misses } });
    const listed = shown ?? choicesOf(question);
    return [...(replies ?? (listed.length ? [text(invalidText(turn, listed, readsNumbers))] : [])), ...question];
  }

  private async save(turn: Turn, active: ActiveFlow): Promise<void> {
    const ttlMs = turn.services.settings.flowTtlHours * 3_600_000;
    await turn.services.conversations.save(turn.inbound.identity.key, turn.inbound.conversation.key, {
      flow: active.def.id,
      state: JSON.stringify(active.state),
      expiresAt: new Date(turn.now.getTime() + ttlMs),
    });
  }

  private async clear(turn: Turn): Promise<void> {
    await turn.services.conversations.delete(turn.inbound.identity.key, turn.inbound.conversation.key);
  }
}

/** The choices a question shows, in order. */
function choicesOf(replies: Reply[]): Choice[] {
  return replies.flatMap((r) => (r.kind === 'choices' ? r.choices : []));
}

/** "I could not read that": the choices, and how else they can be typed, with an example. */
function invalidText(turn: Turn, shown: Choice[], readsNumbers: boolean): string {
  const labels = shown.map((c) => c.label).join(' / ');
  const example = shown[0]!.label.replace(/^[\s✓✔☐☑]+/u, '').replace(/\s*[（(][^）)]*[）)]\s*$/u, '');
  return turn.t(readsNumbers ? 'core.flow.invalidWords' : 'core.flow.invalid', { choices: labels, example });
}

function safeJson<T>(raw: string, schema: z.ZodType<T>): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
