/** How applications look to staff (and, without buttons, to the applicant and the assigned experts). */
import type { Turn } from './needs.ts';
import { nextEvents } from '../applications/pipeline.ts';
import type { ApplicationView } from '../applications/application.ts';
import { choices, facts, type Choice, type Fact, type Meter, type Reply } from '../core/reply.ts';
import { isoDateIn } from '../i18n/format.ts';
import { engagementChoices } from './engagement-choices.ts';
import { actionIds, button } from './staff-actions.ts';
import { applicationName, day, eventLabel, hours, personName, statusLabel, when } from './words.ts';

/** The adoption target as a meter: adopted so far against "about 40". */
export function adoptionMeter(turn: Turn, adopted: number): Meter {
  const target = turn.services.program.adoptionTarget;
  return {
    label: turn.t('staff.target.label'),
    used: adopted,
    total: target,
    caption: turn.t('staff.target.caption', { adopted, target }),
  };
}

export function hoursMeter(turn: Turn, label: string, used: number, cap: number): Meter {
  return {
    label,
    used,
    total: cap,
    caption: turn.t('staff.hours.caption', { used: hours(turn, used), cap: hours(turn, cap), left: hours(turn, Math.max(0, cap - used)) }),
  };
}

/** One line of a list: `#12 Acme (Thailand) — received — applied Wed 1 Sep 2021 10:00`. */
export function applicationLine(turn: Turn, a: ApplicationView): string {
  return turn.t('staff.list.line', {
    name: applicationName(turn, a),
    status: statusLabel(turn, a.status),
    applied: when(turn, a.appliedAt),
  });
}

/**
 * Buttons for the next steps staff may take, carrying the version shown. An adopted engagement offers what
 * comes next (forms, an expert); closing it is offered on the detail only, and asks for a confirmation.
 */
export function stepChoices(turn: Turn, a: ApplicationView, where: 'after' | 'detail' = 'detail'): Choice[] {
  if (a.status === 'adopted') return engagementChoices(turn, a, where);
  return nextEvents(a.status, 'staff').map((e) =>
    button(
      actionIds.step,
      `${e}:${a.id}:${a.version}`,
      eventLabel(turn, e),
      e === 'adopt' ? 'primary' : e === 'reject' ? 'danger' : undefined,
    ),
  );
}

export interface DetailExtras {
  applicantName?: string;
  experts: string[];
  /** Shown to staff only. */
  adopted?: number;
}

/** An application's detail as facts (hours as a meter once adopted). */
export function applicationFacts(turn: Turn, a: ApplicationView, extras: DetailExtras): Reply {
  const { t } = turn;
  const notYet = t('staff.detail.notYet');
  const list: Fact[] = [{ label: t('staff.detail.status'), value: statusLabel(turn, a.status) }];
  if (extras.applicantName) list.push({ label: t('staff.detail.applicant'), value: extras.applicantName });
  list.push({ label: t('staff.detail.applied'), value: when(turn, a.appliedAt) });
  if (a.priorUseMinutes > 0) list.push({ label: t('staff.detail.priorUse'), value: hours(turn, a.priorUseMinutes) });
  if (a.receivedAt) list.push({ label: t('staff.detail.received'), value: when(turn, a.receivedAt) });
  if (a.screeningAt) list.push({ label: t('staff.detail.screening'), value: when(turn, a.screeningAt) });
  if (a.decidedAt && !a.adoptedAt) list.push({ label: t('staff.detail.decided'), value: when(turn, a.decidedAt) });
  const meters: Meter[] = [];
  if (a.adoptedAt) {
    const end = turn.services.program.dates.supportEnds;
    list.push({ label: t('staff.detail.adopted'), value: when(turn, a.adoptedAt) });
    list.push({
      label: t('staff.detail.period'),
      value: t('staff.detail.periodValue', {
        from: day(turn, isoDateIn(a.adoptedAt, turn.services.program.homeTimeZone)),
        to: day(turn, end),
      }),
    });
    if (a.reservedMinutes > 0) list.push({ label: t('staff.detail.reserved'), value: hours(turn, a.reservedMinutes) });
    list.push({ label: t('staff.detail.form1'), value: a.form1ReceivedAt ? when(turn, a.form1ReceivedAt) : notYet });
    list.push({ label: t('staff.detail.form2'), value: a.form2ReceivedAt ? when(turn, a.form2ReceivedAt) : notYet });
    list.push({ label: t('staff.detail.experts'), value: extras.experts.length ? extras.experts.join(', ') : notYet });
    list.push({ label: t('staff.detail.channel'), value: a.channelKey ?? t('staff.detail.none') });
    list.push({
      label: t('staff.detail.followUp'),
      value: a.followUpAt ? day(turn, isoDateIn(a.followUpAt, turn.services.program.homeTimeZone)) : notYet,
    });
    if (a.closedAt) list.push({ label: t('staff.detail.closed'), value: when(turn, a.closedAt) });
    meters.push(hoursMeter(turn, t('staff.detail.hours'), a.usedMinutes, a.capMinutes));
  }
  // Hours and the adoption target are meters (a bar with its caption), not repeated as facts.
  if (extras.adopted !== undefined) meters.push(adoptionMeter(turn, extras.adopted));
  return facts(applicationName(turn, a), list, meters.length ? meters : undefined);
}

/** The applicant's and the experts' names for a detail view. */
export async function detailExtras(turn: Turn, a: ApplicationView, withTarget: boolean): Promise<DetailExtras> {
  const { people, applications } = turn.services;
  const applicant = a.applicantId !== null ? await people.findById(a.applicantId) : null;
  const expertIds = await applications.expertsOf(a.id);
  const names = await turn.services.staffReports.namesOf(expertIds);
  return {
    applicantName: a.applicantId !== null ? personName(turn, applicant, a.applicantId) : undefined,
    experts: expertIds.map((id) => names.get(id) || personName(turn, null, id)),
    adopted: withTarget ? await applications.countAdopted() : undefined,
  };
}

/** The full detail for staff: facts, then buttons for the next valid steps. */
export async function staffDetail(turn: Turn, a: ApplicationView): Promise<Reply[]> {
  const replies = [applicationFacts(turn, a, await detailExtras(turn, a, true))];
  const steps = stepChoices(turn, a);
  if (steps.length) replies.push(choices(turn.t('staff.detail.next'), steps));
  return replies;
}
