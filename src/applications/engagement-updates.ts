/**
 * What staff record on an adopted engagement besides its status: Forms 1 and 2 received, the experts
 * assigned, the chat channel bound to it, the follow-up meeting. Each change is version-checked like a
 * status change and lands in the audit log; expected failures come back as values with codes.
 */
import { TZDate } from '@date-fns/tz';
import type { AuditLog, PeopleRepository } from '../core/ports.ts';
import { isoDateIn } from '../i18n/format.ts';
import type { Program } from '../program/program-schema.ts';
import type { ApplicationView } from './application.ts';
import type { ApplicationChange, ApplicationRepository } from './ports.ts';

export interface EngagementDeps {
  applications: ApplicationRepository;
  audit: AuditLog;
  program: Program;
}

export type FormNumber = 1 | 2;

type Failure =
  | { ok: false; code: 'not_found' }
  /** Only an adopted (open) engagement takes these updates. */
  | { ok: false; code: 'not_adopted'; application: ApplicationView }
  | { ok: false; code: 'stale'; application: ApplicationView };

async function loadAdopted(deps: EngagementDeps, id: number): Promise<{ ok: true; application: ApplicationView } | Failure> {
  const application = await deps.applications.get(id);
  if (!application) return { ok: false, code: 'not_found' };
  if (application.status !== 'adopted') return { ok: false, code: 'not_adopted', application };
  return { ok: true, application };
}

async function save(
  deps: EngagementDeps,
  current: ApplicationView,
  change: ApplicationChange,
): Promise<{ ok: true; application: ApplicationView } | Failure> {
  const result = await deps.applications.change(current.id, current.version, change);
  if (result.ok) return result;
  if (result.code === 'not_found') return result;
  return { ok: false, code: 'stale', application: 'current' in result ? result.current : current };
}

export type FormsOutcome = { ok: true; application: ApplicationView; recorded: FormNumber[]; already: FormNumber[] } | Failure;

/** Marks Forms 1 and/or 2 received today; a form already marked keeps its first date. */
export async function recordFormsReceived(
  deps: EngagementDeps,
  input: { id: number; forms: FormNumber[]; actorId: number; at: Date },
): Promise<FormsOutcome> {
  const loaded = await loadAdopted(deps, input.id);
  if (!loaded.ok) return loaded;
  const current = loaded.application;
  const receivedAt = (n: FormNumber) => (n === 1 ? current.form1ReceivedAt : current.form2ReceivedAt);
  const already = input.forms.filter((n) => receivedAt(n) !== null);
  const recorded = input.forms.filter((n) => receivedAt(n) === null);
  if (recorded.length === 0) return { ok: true, application: current, recorded, already };
  const change: ApplicationChange = {};
  if (recorded.includes(1)) change.form1ReceivedAt = input.at;
  if (recorded.includes(2)) change.form2ReceivedAt = input.at;
  const saved = await save(deps, current, change);
  if (!saved.ok) return saved;
  await deps.audit.record({
    actorId: input.actorId,
    action: 'application.forms',
    subjectType: 'application',
    subjectId: current.id,
    details: { forms: recorded },
  });
  return { ok: true, application: saved.application, recorded, already };
}

export type FollowUpOutcome =
  | { ok: true; application: ApplicationView }
  | Failure
  | { ok: false; code: 'before_adoption'; application: ApplicationView; adoptedOn: string }
  | { ok: false; code: 'after_period'; application: ApplicationView; supportEnds: string };

/** Records the follow-up meeting's date (`YYYY-MM-DD` in the engagement's country). */
export async function recordFollowUp(deps: EngagementDeps, input: { id: number; date: string; actorId: number }): Promise<FollowUpOutcome> {
  const loaded = await loadAdopted(deps, input.id);
  if (!loaded.ok) return loaded;
  const current = loaded.application;
  const timeZone = deps.program.countries.find((c) => c.code === current.country)?.timeZone ?? deps.program.homeTimeZone;
  const adoptedOn = current.adoptedAt ? isoDateIn(current.adoptedAt, timeZone) : input.date;
  if (input.date < adoptedOn) return { ok: false, code: 'before_adoption', application: current, adoptedOn };
  const supportEnds = deps.program.dates.supportEnds;
  if (input.date > supportEnds) return { ok: false, code: 'after_period', application: current, supportEnds };
  const [y, m, d] = input.date.split('-').map(Number) as [number, number, number];
  // Noon local time, so the date reads the same in Tokyo and in the engagement's country.
  const followUpAt = new Date(new TZDate(y, m - 1, d, 12, 0, 0, timeZone).getTime());
  const saved = await save(deps, current, { followUpAt });
  if (!saved.ok) return saved;
  await deps.audit.record({
    actorId: input.actorId,
    action: 'application.followup',
    subjectType: 'application',
    subjectId: current.id,
    details: { date: input.date },
  });
  return saved;
}

export type BindOutcome =
  | { ok: true; application: ApplicationView; already: boolean }
  | Failure
  | { ok: false; code: 'channel_taken'; application: ApplicationView; boundTo: ApplicationView | null };

/** Binds a chat channel to the engagement, so hours logged there land on it. */
export async function bindChannel(deps: EngagementDeps, input: { id: number; channelKey: string; actorId: number }): Promise<BindOutcome> {
  const loaded = await loadAdopted(deps, input.id);
  if (!loaded.ok) return loaded;
  const current = loaded.application;
  if (current.channelKey === input.channelKey) return { ok: true, application: current, already: true };
  const result = await deps.applications.change(current.id, current.version, { channelKey: input.channelKey });
  if (!result.ok) {
    if (result.code === 'not_found') return result;
    if (result.code === 'channel_taken') return { ok: false, code: 'channel_taken', application: result.current, boundTo: result.boundTo };
    return { ok: false, code: 'stale', application: 'current' in result ? result.current : current };
  }
  await deps.audit.record({
    actorId: input.actorId,
    action: 'application.bind',
    subjectType: 'application',
    subjectId: current.id,
    details: { channelKey: input.channelKey, previous: current.channelKey },
  });
  return { ok: true, application: result.application, already: false };
}

export type AssignOutcome =
  | { ok: true; application: ApplicationView; result: 'assigned' | 'already' | 'removed' | 'not_assigned' }
  | Failure
  | { ok: false; code: 'not_expert_for_country'; application: ApplicationView };

/** Assigns an expert (who must hold the expert role for the engagement's country) or removes one. */
export async function setAssignment(
  deps: EngagementDeps & { people: PeopleRepository },
  input: { id: number; expertId: number; assign: boolean; actorId: number; at: Date },
): Promise<AssignOutcome> {
  const application = await deps.applications.get(input.id);
  if (!application) return { ok: false, code: 'not_found' };
  if (input.assign) {
    if (application.status !== 'adopted') return { ok: false, code: 'not_adopted', application };
    const expert = await deps.people.findById(input.expertId);
    if (!expert?.roles.some((g) => g.role === 'expert' && g.country === application.country))
      return { ok: false, code: 'not_expert_for_country', application };
  }
  const result = input.assign
    ? await deps.applications.assignExpert(application.id, input.expertId, input.at)
    : await deps.applications.unassignExpert(application.id, input.expertId, input.at);
  if (result === 'assigned' || result === 'removed') {
    await deps.audit.record({
      actorId: input.actorId,
      action: input.assign ? 'application.assign' : 'application.unassign',
      subjectType: 'application',
      subjectId: application.id,
      details: { expertId: input.expertId },
    });
  }
  return { ok: true, application, result };
}
