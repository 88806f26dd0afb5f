/**
 * Irreversible steps ask first. `askToConfirm` puts a question that says what will happen and who will be
 * told, with a button that carries exactly the action it confirms (an action value whose handler re-checks
 * everything, the version seen included) and one that leaves things as they are. Typing a clear yes also
 * confirms (the question is a one-step flow); anything else typed leaves things as they are. A second click,
 * or a click after the question was answered, finds no question waiting and changes nothing.
 */
import { z } from 'zod';
import { decodeAction, encodeAction, type ActionValue } from './action-value.ts';
import { flowChoice, type FlowDefinition } from './flow.ts';
import { choices, error, text, type Reply } from './reply.ts';
import { normalizeText } from './text-normalize.ts';
import type { Turn } from './turn.ts';

const confirmFlowId = 'confirm';
const step = 'confirm';

const dataSchema = z.object({
  /** The encoded action the question confirms. */
  action: z.string().min(1).max(1000),
  question: z.string().max(3000),
  yes: z.string().max(100),
  no: z.string().max(100),
  /** Set once answered: the action to run, 'keep', or 'unanswered' (something else was typed). */
  chosen: z.string().max(1000).optional(),
});
type ConfirmData = z.infer<typeof dataSchema>;

const yesWords = ['yes', 'y', 'ok', 'confirm', 'はい', 'する', '実行', '実行する', '確定', '確定する', 'お願いします', 'ok です'];
const noWords = ['no', 'n', 'keep', 'いいえ', 'しない', 'やめておく', 'そのまま'];

export interface Confirmation {
  /** What the confirm button does: a handler id and its value (the thing confirmed and the version seen). */
  action: ActionValue;
  /** What will happen and who will be told, in the reader's language. */
  question: string;
  /** The confirm button's label ("Close the support"), and the other one's ("Keep it open"). */
  yes: string;
  no: string;
}

/** Asks before an irreversible step; nothing changes until the person confirms. */
export function askToConfirm(turn: Turn, confirmation: Confirmation): Promise<Reply[]> {
  const data: ConfirmData = {
    action: encodeAction(confirmation.action),
    question: confirmation.question,
    yes: confirmation.yes,
    no: confirmation.no,
  };
  return turn.startFlow(confirmFlowId, data);
}

/**
 * The confirmation as a flow. `run` hands a confirmed action to its handler (the Bot's action table): it
 * runs after the question is removed, so an action that starts a flow of its own keeps it.
 */
export function confirmationFlow<P>(run: (turn: Turn<P>, action: ActionValue) => Promise<Reply[]>): FlowDefinition<ConfirmData, P> {
  return {
    id: confirmFlowId,
    dataSchema,
    start: (_turn, initial) => dataSchema.parse(initial),
    firstStep: () => step,
    steps: {
      [step]: {
        ask: (_turn, data) => [
          choices(data.question, [
            flowChoice(confirmFlowId, step, data.action, data.yes, 'danger'),
            flowChoice(confirmFlowId, step, 'keep', data.no),
          ]),
        ],
        answer(_turn, input, data) {
          // A button carries the action it confirms (it may be an earlier question's: that is what was clicked).
          if (input.value !== undefined)
            return input.value === 'keep' || decodeAction(input.value)
              ? { ok: true, data: { ...data, chosen: input.value } }
              : { ok: false };
          const typed = normalizeText(input.text ?? '').replace(/[。.!！]+$/, '');
          if (yesWords.includes(typed) || typed === normalizeText(data.yes)) return { ok: true, data: { ...data, chosen: data.action } };
          if (noWords.includes(typed) || typed === normalizeText(data.no)) return { ok: true, data: { ...data, chosen: 'keep' } };
          // Anything else is not a yes: the question ends with nothing changed, so it never traps the person
          // (a command typed here is not run: they are told to type it again).
          return { ok: true, data: { ...data, chosen: 'unanswered' } };
        },
      },
    },
    next: () => null,
    async finish(turn, data) {
      if (data.chosen === 'unanswered') return [text(turn.t('core.confirm.notConfirmed'))];
      if (!data.chosen || data.chosen === 'keep') return [text(turn.t('core.confirm.kept'))];
      const action = decodeAction(data.chosen);
      return action ? run(turn, action) : [error('bad_button', turn.t('core.error.badButton'))];
    },
  };
}
