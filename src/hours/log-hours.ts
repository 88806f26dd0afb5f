/**
 * The use case "an expert logs time on an engagement": who may, for which date, and the cap (enforced by
 * the repository's conditional update). Outcomes are values with codes; hours-words.ts puts them in words.
 */
import type { ApplicationView } from '../applications/application.ts';
import type { PersonView } from '../core/roles.ts';
import type { Services } from '../core/services.ts';
import { isoDateIn } from '../i18n/format.ts';
import { isExpertFor } from './expert-engagements.ts';
import type { HourEntryView } from './hour-ledger-repository.ts';
import { timeZoneOf, todayIn } from './program-facts.ts';

/** An entry not yet written: what the expert typed, read. Kept in the flow's data while the bot asks which engagement. */
export interface PendingEntry {
  minutes: number;
  note: string;
  category: string;
  /** The date given with `on`, else null for "today in the engagement's country". */
  date: string | null;
  /** The idempotency key of the request that typed it: a retry or a double click logs once. */
  requestKey: string;
}

export type LogOutcome =
  | { status: 'logged' | 'duplicate'; application: ApplicationView; entry: HourEntryView; usedMinutes: number; capMinutes: number; warn: boolean; capReached: boolean }
  | { status: 'over_cap'; application: ApplicationView; minutes: number; usedMinutes: number; capMinutes: number }
  | { status: 'not_assigned' | 'not_adopted' | 'support_ended'; application: ApplicationView }
  | { status: 'future_date'; application: ApplicationView; today: string }
  | { status: 'before_adoption'; application: ApplicationView; adoptedOn: string };

export type AcceptedOutcome = Extract<LogOutcome, { status: 'logged' | 'duplicate' }>;
export type RefusedOutcome = Exclude<LogOutcome, AcceptedOutcome>;

/** Logged now, or logged before by the same request. */
export function isAccepted(outcome: LogOutcome): outcome is AcceptedOutcome {
  return outcome.status === 'logged' || outcome.status === 'duplicate';
}

export async function logHours(services: Services, expert: PersonView, application: ApplicationView, entry: PendingEntry, now: Date): Promise<LogOutcome> {
  const { program } = services;
  const assigned = (await services.applications.expertsOf(application.id)).includes(expert.id) && isExpertFor(expert, application.country);
  if (!assigned) return { status: 'not_assigned', application };
  if (application.status !== 'adopted' || !application.adoptedAt) return { status: 'not_adopted', application };

  const today = todayIn(program, application.country, now);
  if (today > program.dates.supportEnds) return { status: 'support_ended', application };
  const workDate = entry.date ?? today;
  if (workDate > today) return { status: 'future_date', application, today };
  const adoptedOn = isoDateIn(application.adoptedAt, timeZoneOf(program, application.country));
  if (workDate < adoptedOn) return { status: 'before_adoption', application, adoptedOn };

  const result = await services.hours.log({
    applicationId: application.id,
    expertId: expert.id,
    minutes: entry.minutes,
    category: entry.category,
    note: entry.note,
    workDate,
    requestKey: entry.requestKey,
    at: now,
  });
  switch (result.status) {
    case 'not_adopted':
      return { status: 'not_adopted', application };
    case 'over_cap':
      return { status: 'over_cap', application, minutes: entry.minutes, usedMinutes: result.usedMinutes, capMinutes: result.capMinutes };
    case 'logged':
    case 'duplicate': {
      if (result.status === 'logged') {
        await services.audit.record({
          actorId: expert.id,
          action: 'hours.logged',
          subjectType: 'hourEntry',
          subjectId: result.entry.id,
          details: { applicationId: application.id, minutes: entry.minutes, category: entry.category, workDate, usedMinutes: result.usedMinutes },
        });
      }
      const { usedMinutes, capMinutes } = result;
      return {
        status: result.status,
        application,
        entry: result.entry,
        usedMinutes,
        capMinutes,
        warn: usedMinutes * 100 >= capMinutes * program.hoursLedger.warnAtPercent,
        capReached: usedMinutes >= capMinutes,
      };
    }
  }
}
