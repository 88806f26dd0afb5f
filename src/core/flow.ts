/** Step-by-step flows: one question at a time, answers kept in the database between messages. */
import type { z } from 'zod';
import { encodeAction } from './action-value.ts';
import type { Choice, Reply } from './reply.ts';
import type { Turn } from './turn.ts';

/** A typed answer (normalized: NFKC, trimmed) or the value of a clicked button. */
export interface FlowInput {
  text?: string;
  value?: string;
}

export type StepOutcome<D> =
  /** Accepted: the new data, and optionally the step to go to instead of `next()`. */
  | { ok: true; data: D; goTo?: string; replies?: Reply[] }
  /** Not understood: the engine counts a miss and asks again, after these replies if given. */
  | { ok: false; replies?: Reply[] };

export interface FlowStep<D, P = unknown> {
  /** The question, usually one `choices` reply made with `flowChoice`. `stepId` is the full id (`priorUse:th`, see `steps`). */
  ask(turn: Turn<P>, data: D, stepId: string): Reply[] | Promise<Reply[]>;
  /**
   * Reads a click (`input.value`) or a typed answer (`input.text`). Typed text reaches it only when the engine's
   * matcher found no choice shown and no command in it (see FlowEngine), unless `readsTextFirst` is set.
   */
  answer(turn: Turn<P>, input: FlowInput, data: D, stepId: string): StepOutcome<D> | Promise<StepOutcome<D>>;
  /** Bare numbers typed are this step's own (hours, topic numbers), not the number of a choice shown. */
  readsNumbers?: boolean;
  /**
   * Typed text goes to `answer` before the choices shown are matched (a typed list of countries is a whole answer,
   * while the same names on buttons only tick one). `answer` must then have no side effects on a miss.
   */
  readsTextFirst?: boolean;
  /** Any text is an answer (a company name, a reason): only exact labels pick a choice, and a command must be a single word or slashed. */
  freeText?: boolean;
}

/** `P`: the ports of the feature the flow belongs to (see `Feature<P>`). */
export interface FlowDefinition<D, P = unknown> {
  id: string;
  /**
   * Its questions and answers are public information (the eligibility check): they stay in a shared
   * conversation. By default a flow answers the person alone there (see privacy.ts).
   */
  public?: boolean;
  /** Validates the data read back from the database. */
  dataSchema: z.ZodType<D>;
  start(turn: Turn<P>, initial: unknown): D | Promise<D>;
  firstStep(turn: Turn<P>, data: D): string;
  /**
   * The steps by id. A step id may carry a parameter after a colon (`priorUse:th`, one question per
   * country): when there is no step with the full id, the step named before the colon answers it.
   */
  steps: Record<string, FlowStep<D, P>>;
  /** The step after `stepId`, or null when the flow is complete. */
  next(turn: Turn<P>, stepId: string, data: D): string | null;
  /** Called once when `next` returns null; the flow's state is removed afterwards. */
  finish(turn: Turn<P>, data: D): Promise<Reply[]>;
  /** Explanation shown for `help` at a step; the question is asked again after it. */
  help?(turn: Turn<P>, stepId: string, data: D): Reply[];
  /** What the person is doing, for "leave the eligibility check?": 「応募資格の確認」. */
  title?(turn: Turn<P>, data: D): string;
  /**
   * True when leaving now loses something typed (answers, an entry waiting for its engagement). Defaults to
   * "at least one question answered".
   */
  holdsWork?(data: D, stepId: string, answered: number): boolean;
}

/** A button that answers `stepId` of `flowId` with `value`. */
export function flowChoice(flowId: string, stepId: string, value: string, label: string, style?: Choice['style']): Choice {
  return { label, value: encodeAction({ h: flowId, s: stepId, v: value }), style };
}

/** The handler id of the engine's own buttons (help, cancel, back). */
export const flowControlHandler = '_flow';

/** The step that handles `stepId`: the exact id, else the part before a colon (`priorUse:th` -> `priorUse`). */
export function stepFor<D, P>(def: FlowDefinition<D, P>, stepId: string): FlowStep<D, P> | undefined {
  if (Object.hasOwn(def.steps, stepId)) return def.steps[stepId];
  const base = stepId.split(':')[0]!;
  return base !== stepId && Object.hasOwn(def.steps, base) ? def.steps[base] : undefined;
}
