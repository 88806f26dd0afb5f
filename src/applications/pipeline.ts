/**
 * The application pipeline as a pure state machine: applied → received → screening → adopted or rejected
 * (or withdrawn by the applicant); an adopted engagement is closed after its follow-up. No I/O here, so the
 * rules can be tested and shown (buttons for the next valid steps) without a database.
 */
import type { ApplicationStatus } from './application.ts';

export type PipelineEvent = 'receive' | 'screen' | 'adopt' | 'reject' | 'withdraw' | 'close';
export type PipelineActor = 'staff' | 'applicant';

interface TransitionRule {
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  by: PipelineActor;
}

const rules: Record<PipelineEvent, TransitionRule> = {
  receive: { from: ['applied'], to: 'received', by: 'staff' },
  screen: { from: ['received'], to: 'screening', by: 'staff' },
  adopt: { from: ['screening'], to: 'adopted', by: 'staff' },
  // JETRO confirms receipt before it can turn an application down.
  reject: { from: ['received', 'screening'], to: 'rejected', by: 'staff' },
  withdraw: { from: ['applied', 'received', 'screening'], to: 'withdrawn', by: 'applicant' },
  close: { from: ['adopted'], to: 'closed', by: 'staff' },
};

export const pipelineEvents = Object.keys(rules) as PipelineEvent[];

/** Statuses of applications still waiting for a decision, oldest first in every list. */
export const waitingStatuses: readonly ApplicationStatus[] = ['applied', 'received', 'screening'];
/** Statuses of applications that were adopted (they count against the adoption target). */
export const adoptedStatuses: readonly ApplicationStatus[] = ['adopted', 'closed'];
export type TransitionCheck =
  | { ok: true; to: ApplicationStatus }
  | { ok: false; code: 'invalid_transition'; from: ApplicationStatus; event: PipelineEvent };

/** Whether `event` may happen to an application in `status`, and the status it leads to. */
export function checkTransition(status: ApplicationStatus, event: PipelineEvent): TransitionCheck {
  const rule = rules[event];
  return rule.from.includes(status) ? { ok: true, to: rule.to } : { ok: false, code: 'invalid_transition', from: status, event };
}

/** The events `actor` may trigger next on an application in `status`, in pipeline order. */
export function nextEvents(status: ApplicationStatus, actor: PipelineActor): PipelineEvent[] {
  return pipelineEvents.filter((e) => rules[e].by === actor && rules[e].from.includes(status));
}

/** The timestamps an event records (adoption also fixes the cap and starts the support period). */
export function stampsOf(
  event: PipelineEvent,
  at: Date,
): { receivedAt?: Date; screeningAt?: Date; decidedAt?: Date; adoptedAt?: Date; closedAt?: Date } {
  switch (event) {
    case 'receive':
      return { receivedAt: at };
    case 'screen':
      return { screeningAt: at };
    case 'adopt':
      return { decidedAt: at, adoptedAt: at };
    case 'reject':
    case 'withdraw':
      return { decidedAt: at };
    case 'close':
      return { closedAt: at };
  }
}
