/** The hours ledger's outcomes in words: confirmations, refusals, entry lines and meters. */
import type { Turn } from './needs.ts';
import type { ApplicationView } from '../applications/application.ts';
import { encodeAction } from '../core/action-value.ts';
import { choices, error, facts, text, type Fact, type Meter, type Reply } from '../core/reply.ts';
import type { Locale } from '../i18n/catalog.ts';
import { formatIsoDate } from '../i18n/format.ts';
import type { Translate } from '../i18n/translate.ts';
import type { Program } from '../program/program-schema.ts';
import type { HourEntryView } from './ports.ts';
import type { AcceptedOutcome, RefusedOutcome } from './log-hours.ts';
import type { DurationErrorCode } from './parse-duration.ts';
import { categoryName, engagementLabel } from './program-facts.ts';
import { personName } from '../core/person-name.ts';

/** Button handler ids of the hours feature. */
export const actionIds = { changeCategory: 'hours.category', listPage: 'hours.list' } as const;

/** `1時間30分` / `1 h 30 min`; whole hours (and zero) without minutes. */
export function formatDuration(minutes: number, t: Translate): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0 && m > 0) return t('hours.duration.minutes', { m });
  if (m === 0) return t('hours.duration.hours', { h });
  return t('hours.duration.hoursMinutes', { h, m });
}

/**
 * Used against the cap, and, when bookings are open, the hours they reserve and what is left after them (the
 * same figure the booking summary shows): 「2時間 / 17時間（予約中 1時間30分、予約分を除いた残り 13時間30分）」.
 */
export function usageMeter(
  app: ApplicationView,
  program: Program,
  t: Translate,
  locale: Locale,
  label = engagementLabel(app, program, t, locale),
): Meter {
  const booked = Math.max(0, app.reservedMinutes);
  const params = {
    used: formatDuration(app.usedMinutes, t),
    cap: formatDuration(app.capMinutes, t),
    booked: formatDuration(booked, t),
    remaining: formatDuration(Math.max(0, app.capMinutes - app.usedMinutes - booked), t),
  };
  return {
    label,
    used: app.usedMinutes + booked,
    total: app.capMinutes,
    caption: t(booked > 0 ? 'hours.meter.captionBooked' : 'hours.meter.caption', params),
  };
}

/** One line of a list: `#12 2021年9月10日（金） 2時間 契約書・規則類のレビュー — Acme（タイ）・bob: review NDA`. */
export function entryLine(entry: HourEntryView, app: ApplicationView | undefined, turn: Turn): string {
  const { t, locale, services } = turn;
  const line = t('hours.entry.line', {
    id: entry.id,
    date: formatIsoDate(entry.workDate, locale),
    duration: formatDuration(entry.minutes, t),
    category: categoryName(services.program, entry.category, locale),
    engagement: app ? engagementLabel(app, services.program, t, locale) : `#${entry.applicationId}`,
    expert: personName(t, { id: entry.expertId, displayName: entry.expertName }),
    note: entry.note,
  });
  if (!entry.voidedAt) return line;
  return `${line} ${t('hours.entry.voided', { reason: voidReasonText(entry.voidReason, t) })}`;
}

/** The reason stored for an expert's own undo is a code; staff reasons are shown as written. */
export const undoReason = 'undo';
export function voidReasonText(reason: string | null, t: Translate): string {
  return reason === undoReason || !reason ? t('hours.entry.undoReason') : reason;
}

export function durationError(turn: Turn, code: DurationErrorCode | 'note_missing' | 'bad_date'): Reply[] {
  const { t, services } = turn;
  const max = formatDuration(services.program.hoursLedger.maxEntryMinutes, t);
  return [error(`duration_${code}`, `${t(`hours.error.${code}`, { max })}\n${t('hours.examples')}`)];
}

export function travelRefusal(turn: Turn, what: string): Reply[] {
  return [error('not_counted', turn.t('hours.refused.notCounted', { what }))];
}

/** The confirmation (or the "already logged" answer) and its warnings. */
export function confirmation(turn: Turn, outcome: AcceptedOutcome, inferred: { matched: boolean } | null): Reply[] {
  const { t, locale, services } = turn;
  const { program } = services;
  const { entry, application } = outcome;
  const app = { ...application, usedMinutes: outcome.usedMinutes, capMinutes: outcome.capMinutes };
  const remaining = Math.max(0, outcome.capMinutes - outcome.usedMinutes);
  const category = categoryName(program, entry.category, locale);
  const list: Fact[] = [
    { label: t('hours.fact.duration'), value: formatDuration(entry.minutes, t) },
    {
      label: t('hours.fact.category'),
      value: inferred === null ? category : t(inferred.matched ? 'hours.category.inferred' : 'hours.category.default', { category }),
    },
    { label: t('hours.fact.engagement'), value: engagementLabel(application, program, t, locale) },
    { label: t('hours.fact.date'), value: formatIsoDate(entry.workDate, locale) },
    { label: t('hours.fact.note'), value: entry.note },
    { label: t('hours.fact.remaining'), value: formatDuration(remaining, t) },
  ];
  const title = t('hours.logged.title', { duration: formatDuration(entry.minutes, t), id: entry.id });
  const replies: Reply[] = [facts(title, list, [usageMeter(app, program, t, locale)])];
  if (outcome.capReached) replies.push(text(t('hours.capReached', { cap: formatDuration(outcome.capMinutes, t) })));
  else if (outcome.warn)
    replies.push(text(t('hours.warn', { percent: program.hoursLedger.warnAtPercent, remaining: formatDuration(remaining, t) })));
  replies.push(
    choices(t(inferred?.matched === false ? 'hours.category.checkDefault' : 'hours.category.hint', { category }), [
      { label: t('hours.category.change'), value: encodeAction({ h: actionIds.changeCategory, v: String(entry.id) }) },
    ]),
  );
  return replies;
}

/** Why an entry was not logged, with the remaining hours where the cap was the reason. */
export function refusal(turn: Turn, outcome: RefusedOutcome): Reply[] {
  const { t, locale, services } = turn;
  const engagement = engagementLabel(outcome.application, services.program, t, locale);
  switch (outcome.status) {
    case 'over_cap': {
      const remaining = Math.max(0, outcome.capMinutes - outcome.usedMinutes);
      return [
        error(
          'over_cap',
          t(remaining === 0 ? 'hours.refused.capUsedUp' : 'hours.refused.overCap', {
            duration: formatDuration(outcome.minutes, t),
            engagement,
            cap: formatDuration(outcome.capMinutes, t),
            used: formatDuration(outcome.usedMinutes, t),
            remaining: formatDuration(remaining, t),
          }),
        ),
      ];
    }
    case 'not_assigned':
      return [error('not_assigned', t('hours.refused.notAssigned', { engagement }))];
    case 'not_adopted':
      return [error('not_adopted', t('hours.refused.notAdopted', { engagement }))];
    case 'support_ended':
      return [error('support_ended', t('hours.refused.supportEnded', { end: formatIsoDate(services.program.dates.supportEnds, locale) }))];
    case 'future_date':
      return [error('future_date', t('hours.refused.futureDate', { engagement, today: formatIsoDate(outcome.today, locale) }))];
    case 'before_adoption':
      return [
        error('before_adoption', t('hours.refused.beforeAdoption', { engagement, adopted: formatIsoDate(outcome.adoptedOn, locale) })),
      ];
  }
}

/** The cap-reached notice for program staff, in the recipient's language. */
export function capReachedForStaff(program: Program, app: ApplicationView, entry: HourEntryView) {
  return (t: Translate, locale: Locale): Reply[] => [
    text(
      t('hours.notify.capReached.staff', {
        engagement: engagementLabel(app, program, t, locale),
        cap: formatDuration(app.capMinutes, t),
        id: entry.id,
        expert: personName(t, { id: entry.expertId, displayName: entry.expertName }),
      }),
    ),
  ];
}

/** The cap-reached notice for the applicant. */
export function capReachedForApplicant(program: Program, app: ApplicationView) {
  return (t: Translate, locale: Locale): Reply[] => [
    text(
      t('hours.notify.capReached.applicant', {
        engagement: engagementLabel(app, program, t, locale),
        cap: formatDuration(app.capMinutes, t),
        contact: program.contact.email,
      }),
    ),
  ];
}
