/**
 * The use case "an expert logs time on an engagement": who may, for which date, and the cap (enforced by
 * the repository's conditional update). Outcomes are values with codes; hours-words.ts puts them in words.
 */
import type { Services } from './needs.ts';
import type { ApplicationView } from '../applications/application.ts';
import type { PersonView } from '../core/roles.ts';
import { isoDateIn } from '../i18n/format.ts';
import { isExpertFor } from './expert-engagements.ts';
import type { HourEntryView } from './ports.ts';
import { timeZoneOf, todayIn } from './program-facts.ts';

/** An entry not yet written: what the expert typed, read. Kept in the flow's data while the bot asks which engagement. */
export interface PendingEntry {
  minutes: number;
  note: string;
  category: string;
  /** The date given with `on`, else null for "today in the engagement's country". */
  date: string | null;
}

export type LogOutcome =
  | {
      status: 'logged';
      application: ApplicationView;
      entry: HourEntryView;
      usedMinutes: number;
      capMinutes: number;
      warn: boolean;
      capReached: boolean;
    }
  | { status: 'over_cap'; application: ApplicationView; minutes: number; usedMinutes: number; capMinutes: number }
  | { status: 'not_assigned' | 'not_adopted' | 'support_ended'; application: ApplicationView }
  | { status: 'future_date'; application: ApplicationView; today: string }
  | { status: 'before_adoption'; application: ApplicationView; adoptedOn: string };

export type AcceptedOutcome = Extract<LogOutcome, { status: 'logged' }>;
export type RefusedOutcome = Exclude<LogOutcome, AcceptedOutcome>;

export function isAccepted(outcome: LogOutcome): outcome is AcceptedOutcome {
  return outcome.status === 'logged';
}

export async function logHours(
  services: Services,
  expert: PersonView,
  application: ApplicationView,
  entry: PendingEntry,
  now: Date,
): Promise<LogOutcome> {
  const { program } = services;
  // The assignment itself is checked by the ledger's conditional update, atomically with the entry.
  if (!isExpertFor(expert, application.country)) return { status: 'not_assigned', application };
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
    expertName: expert.displayName,
    at: now,
  });
  switch (result.status) {
    case 'not_adopted':
    case 'not_assigned':
      return { status: result.status, application };
    case 'over_cap':
      return { status: 'over_cap', application, minutes: entry.minutes, usedMinutes: result.usedMinutes, capMinutes: result.capMinutes };
    case 'logged': {
      await services.audit.record({
        actorId: expert.id,
        action: 'hours.logged',
        subjectType: 'hourEntry',
        subjectId: result.entry.id,
        details: {
          applicationId: application.id,
          minutes: entry.minutes,
          category: entry.category,
          workDate,
          usedMinutes: result.usedMinutes,
        },
      });
      const { usedMinutes, capMinutes } = result;
      return {
        status: 'logged',
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
