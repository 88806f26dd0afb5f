/** Small helpers the eligibility flow's steps share: buttons, outcomes, reading a click or a typed answer. */
import { flowChoice, type FlowInput, type StepOutcome } from '../core/flow.ts';
import type { Choice, Reply } from '../core/reply.ts';
import type { EligibilityData } from './eligibility-data.ts';

export const eligibilityFlowId = 'eligibility';

/** A button of the eligibility flow; `typed` adds the words (or the yes/no meaning) that pick it when typed. */
export const choice = (
  step: string,
  value: string,
  label: string,
  style?: Choice['style'],
  typed: Pick<Choice, 'words' | 'means'> = {},
): Choice => ({
  ...flowChoice(eligibilityFlowId, step, value, label, style),
  ...typed,
});
export const ok = (
  data: EligibilityData,
  extra: Omit<Extract<StepOutcome<EligibilityData>, { ok: true }>, 'ok' | 'data'> = {},
): StepOutcome<EligibilityData> => ({ ok: true, data, ...extra });
export const miss = (replies?: Reply[]): StepOutcome<EligibilityData> => ({ ok: false, replies });

/** A button's value, or the typed answer read by `parse`. */
export function read<T>(input: FlowInput, fromValue: (v: string) => T | undefined, parse: (typed: string) => T | undefined): T | undefined {
  if (input.value !== undefined) return fromValue(input.value);
  return input.text !== undefined ? parse(input.text) : undefined;
}

export const yesNoValue = (v: string) => (v === 'yes' ? true : v === 'no' ? false : undefined);
