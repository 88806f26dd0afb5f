/**
 * Moves an application through the pipeline: checks the transition, writes it with optimistic concurrency
 * (two staff clicking at once produce one change) and records it in the audit log. Expected failures come
 * back as values with codes; the staff feature words them.
 */
import type { AuditLog } from '../core/ports.ts';
import type { Program } from '../program/program-schema.ts';
import type { ApplicationView } from './application.ts';
import type { ApplicationChange, ApplicationRepository } from './ports.ts';
import { checkTransition, stampsOf, type PipelineEvent } from './pipeline.ts';

export interface PipelineDeps {
  applications: ApplicationRepository;
  audit: AuditLog;
  program: Program;
}

export interface TransitionInput {
  id: number;
  event: PipelineEvent;
  actorId: number;
  at: Date;
  /** The version the actor saw (from a button); a newer one means someone changed it meanwhile. */
  expectedVersion?: number;
  /** Why an application is rejected. */
  reason?: string;
  /** Adopt even though the adoption target is reached (the staff member confirmed it). */
  pastTarget?: boolean;
}

export type TransitionOutcome =
  | { ok: true; application: ApplicationView; previous: ApplicationView }
  | { ok: false; code: 'not_found' }
  | { ok: false; code: 'invalid_transition'; application: ApplicationView }
  /** Changed by someone else since the actor saw it (or at the same moment). */
  | { ok: false; code: 'stale'; application: ApplicationView }
  | { ok: false; code: 'target_reached'; application: ApplicationView; adopted: number; target: number }
  | { ok: false; code: 'unknown_country'; application: ApplicationView };

export async function applyPipelineEvent(deps: PipelineDeps, input: TransitionInput): Promise<TransitionOutcome> {
  const current = await deps.applications.get(input.id);
  if (!current) return { ok: false, code: 'not_found' };
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version)
    return { ok: false, code: 'stale', application: current };
  const check = checkTransition(current.status, input.event);
  if (!check.ok) return { ok: false, code: 'invalid_transition', application: current };

  const change: ApplicationChange = { status: check.to, ...stampsOf(input.event, input.at) };
  if (input.event === 'adopt') {
    const country = deps.program.countries.find((c) => c.code === current.country);
    if (!country) return { ok: false, code: 'unknown_country', application: current };
    change.capMinutes = Math.round(country.capHours * 60);
  }
  const target = deps.program.adoptionTarget;
  const guard = input.event === 'adopt' && !input.pastTarget ? { adoptedBelow: target } : undefined;
  const result = await deps.applications.change(current.id, current.version, change, guard);
  if (!result.ok) {
    if (result.code === 'not_found') return result;
    if (result.code === 'target_reached')
      return { ok: false, code: 'target_reached', application: result.current, adopted: result.adopted, target };
    return { ok: false, code: 'stale', application: result.current };
  }
  await deps.audit.record({
    actorId: input.actorId,
    action: `application.${input.event}`,
    subjectType: 'application',
    subjectId: current.id,
    details: {
      from: current.status,
      to: check.to,
      version: result.application.version,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(change.capMinutes !== undefined ? { capMinutes: change.capMinutes } : {}),
      ...(input.pastTarget ? { pastTarget: true } : {}),
    },
  });
  return { ok: true, application: result.application, previous: current };
}
