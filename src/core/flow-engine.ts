/**
 * Runs step-by-step flows. The state (current step, the steps before it for `back`, the answers, the
 * misses) is stored per person and conversation, so a flow survives a restart and continues on whichever
 * instance receives the next message.
 */
import { z } from 'zod';
import type { ActionValue } from './action-value.ts';
import { encodeAction } from './action-value.ts';
import { flowControlHandler, stepFor, type FlowDefinition, type FlowInput } from './flow.ts';
import { flowKeyword, type FlowKeyword } from './flow-keywords.ts';
import { choices, error, text, type Reply } from './reply.ts';
import type { Turn } from './turn.ts';

const maxMisses = 3;

const storedStateSchema = z.object({
  step: z.string(),
  history: z.array(z.string()),
  data: z.unknown(),
  misses: z.number().int().nonnegative(),
});

interface FlowState<D> {
  step: string;
  history: string[];
  data: D;
  misses: number;
}

// Flows have different data types; each one validates its own with `dataSchema` when loaded.
type AnyFlow = FlowDefinition<unknown>;

export interface ActiveFlow {
  def: AnyFlow;
  state: FlowState<unknown>;
}

export class FlowEngine {
  private readonly flows = new Map<string, AnyFlow>();

  constructor(flows: FlowDefinition<unknown>[]) {
    for (const f of flows) {
      if (this.flows.has(f.id)) throw new Error(`duplicate flow id ${f.id}`);
      this.flows.set(f.id, f);
    }
  }

  has(flowId: string): boolean {
    return this.flows.has(flowId);
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

  async handleText(turn: Turn, active: ActiveFlow, typed: string): Promise<Reply[]> {
    const keyword = flowKeyword(typed);
    if (keyword) return this.control(turn, active, keyword);
    return this.answer(turn, active, { text: typed.normalize('NFKC').trim() });
  }

  async handleAction(turn: Turn, action: ActionValue): Promise<Reply[]> {
    const active = await this.load(turn);
    const current = active && active !== 'expired' ? active : null;
    if (action.h === flowControlHandler) {
      if (!current) return [error('bad_button', turn.t('core.error.badButton'))];
      if (action.v === 'continue') return this.ask(turn, current);
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

  private async control(turn: Turn, active: ActiveFlow, keyword: FlowKeyword): Promise<Reply[]> {
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

  private async answer(turn: Turn, active: ActiveFlow, input: FlowInput): Promise<Reply[]> {
    const { def, state } = active;
    const step = stepFor(def, state.step)!;
    const outcome = await step.answer(turn, input, state.data, state.step);
    if (!outcome.ok) return this.miss(turn, active, outcome.replies);

    const before = outcome.replies ?? [];
    const nextStep = outcome.goTo ?? def.next(turn, state.step, outcome.data);
    if (nextStep === null) {
      await this.clear(turn);
      return [...before, ...(await def.finish(turn, outcome.data))];
    }
    const moved: ActiveFlow = {
      def,
      // Staying on the same step (toggling one of several choices, paging) is not a step `back` should undo.
      state: { step: nextStep, history: nextStep === state.step ? state.history : [...state.history, state.step], data: outcome.data, misses: 0 },
    };
    await this.save(turn, moved);
    return [...before, ...(await this.ask(turn, moved))];
  }

  private async miss(turn: Turn, active: ActiveFlow, replies: Reply[] | undefined): Promise<Reply[]> {
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
    const labels = question.flatMap((r) => (r.kind === 'choices' ? r.choices.map((c) => c.label) : []));
    const explanation = replies ?? (labels.length ? [text(turn.t('core.flow.invalid', { choices: labels.join(' / ') }))] : []);
    return [...explanation, ...question];
  }

  private async ask(turn: Turn, active: ActiveFlow): Promise<Reply[]> {
    return stepFor(active.def, active.state.step)!.ask(turn, active.state.data, active.state.step);
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

function safeJson<T>(raw: string, schema: z.ZodType<T>): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
