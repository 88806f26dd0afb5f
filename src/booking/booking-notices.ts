/**
 * What people are told about a booking outside their own conversation: the expert's confirmation, the
 * other side's notice of a cancellation or a move, and the reminders a day before (kept in the outbox, so
 * they survive a restart). Each message is worded in its recipient's language.
 */
import type { Services } from './needs.ts';
import type { ApplicationView } from '../applications/application.ts';
import type { RenderForRecipient } from '../core/notifier.ts';
import { personName, type NamedPerson } from '../core/person-name.ts';
import { facts, text, type Fact, type Reply } from '../core/reply.ts';
import type { Locale } from '../i18n/catalog.ts';
import type { Translate } from '../i18n/translate.ts';
import type { Program } from '../program/program-schema.ts';
import type { BookingView } from './booking.ts';
import { countryOf, engagementName, hoursLabel, kindName, languageName, menuLabel, topicLines, whenLabel } from './booking-labels.ts';
import { reminderDueAt } from './booking-rules.ts';
import { calendarFile } from './ics.ts';
import { slotEndsAt, type SlotView } from './slot.ts';

/** A booking with the people and the engagement it concerns. */
export interface BookingDetails {
  booking: BookingView;
  application: ApplicationView;
  expert: NamedPerson;
  applicant: NamedPerson;
}

export function bookingFacts(d: BookingDetails, program: Program, t: Translate, locale: Locale): Fact[] {
  const { booking, application } = d;
  const country = countryOf(program, application.country);
  const list: Fact[] = [
    { label: t('booking.fact.engagement'), value: engagementName(application, program, t, locale) },
    { label: t('booking.fact.kind'), value: kindName(booking.kind, t) },
    { label: t('booking.fact.menu'), value: menuLabel(booking.kind, booking.menu, program, t, locale) },
  ];
  if (booking.kind === 'training')
    list.push({ label: t('booking.fact.language'), value: languageName(booking.language, country, t, locale) });
  list.push(
    {
      label: t('booking.fact.when'),
      value: whenLabel(booking.slot.startsAt, booking.slot.minutes, booking.slot.country, program, t, locale),
    },
    { label: t('booking.fact.expert'), value: personName(t, d.expert) },
    { label: t('booking.fact.estimate'), value: hoursLabel(booking.estimateMinutes, locale) },
  );
  return list;
}

/** The calendar event of a booking at one slot: the uid names both, so a moved booking is a new event. */
export function calendarReply(
  d: BookingDetails,
  slot: SlotView,
  program: Program,
  t: Translate,
  locale: Locale,
  stamp: Date,
  cancelled = false,
): Reply {
  const { booking, application } = d;
  const summary = t('booking.ics.summary', {
    kind: kindName(booking.kind, t),
    menu: menuLabel(booking.kind, booking.menu, program, t, locale),
    company: application.companyName,
    expert: personName(t, d.expert),
  });
  const details = [
    // A training lists its topics one per line, with their titles.
    ...(booking.kind === 'training'
      ? [
          ...topicLines(booking.menu, program, locale),
          `${t('booking.fact.language')}: ${languageName(booking.language, countryOf(program, application.country), t, locale)}`,
        ]
      : [menuLabel(booking.kind, booking.menu, program, t, locale)]),
    `${t('booking.fact.engagement')}: ${engagementName(application, program, t, locale)}`,
    `${t('booking.fact.expert')}: ${personName(t, d.expert)}`,
    `${t('booking.fact.estimate')}: ${hoursLabel(booking.estimateMinutes, locale)}`,
    t('booking.ics.reference', { id: booking.id }),
    `${program.contact.division[locale]} ${program.contact.email}`,
  ];
  const content = calendarFile(
    {
      uid: `booking-${booking.id}-slot-${slot.id}@${program.id}.trade-secret-desk`,
      stamp,
      start: slot.startsAt,
      end: slotEndsAt(slot),
      summary: cancelled ? t('booking.ics.cancelledSummary', { summary }) : summary,
      description: details.join('\n'),
      cancelled,
      sequence: cancelled ? 1 : 0,
    },
    `-//JETRO trade-secret desk//${program.id}//${locale.toUpperCase()}`,
  );
  return {
    kind: 'file',
    filename: `booking-${booking.id}${cancelled ? '-cancelled' : ''}.ics`,
    mimeType: 'text/calendar',
    content,
    title: t(cancelled ? 'booking.ics.cancelledTitle' : 'booking.ics.title', { id: booking.id }),
  };
}

/** The confirmation of a new booking, for the applicant (in the conversation) or the expert (notified). */
export function confirmationReplies(
  d: BookingDetails,
  program: Program,
  t: Translate,
  locale: Locale,
  stamp: Date,
  to: 'applicant' | 'expert',
): Reply[] {
  const headline =
    to === 'applicant'
      ? t('booking.confirmed', { id: d.booking.id })
      : t('booking.notice.newBooking', { id: d.booking.id, company: d.application.companyName, applicant: personName(t, d.applicant) });
  return [
    text(headline),
    facts(t('booking.fact.title', { id: d.booking.id }), bookingFacts(d, program, t, locale)),
    calendarReply(d, d.booking.slot, program, t, locale, stamp),
    ...(to === 'applicant' ? [text(confirmedNext(d, program, t, locale))] : []),
  ];
}

/** What happens next; trainees' handouts are the company's to prepare. */
function confirmedNext(d: BookingDetails, program: Program, t: Translate, locale: Locale): string {
  const next = t('booking.confirmedNext', { hours: program.booking.minimumLeadHours });
  return d.booking.kind === 'training' ? `${next}\n${program.notes.handouts[locale]}` : next;
}

/**
 * A reminder is keyed by its booking, slot and recipient: queued once, whatever happens; a booking moved
 * to another slot gets new reminders (and the old ones are cancelled) rather than rescheduled ones.
 */
export function reminderKey(bookingId: number, slotId: number, personId: number): string {
  return `reminder:booking:${bookingId}:slot:${slotId}:${personId}`;
}

/** Schedules the reminders of both sides a day before the session (none when it is sooner: the confirmation is the reminder). */
export async function scheduleReminders(services: Services, d: BookingDetails, now: Date): Promise<void> {
  const dueAt = reminderDueAt(d.booking.slot.startsAt, services.program);
  if (dueAt.getTime() <= now.getTime()) return;
  for (const personId of [d.booking.applicantId, d.booking.slot.expertId]) {
    const render: RenderForRecipient = (t, locale) => [
      text(t('booking.reminder', { hours: services.program.booking.reminderHoursBefore, id: d.booking.id })),
      facts(t('booking.fact.title', { id: d.booking.id }), bookingFacts(d, services.program, t, locale)),
    ];
    await services.notifier.notify(personId, render, { dueAt, dedupeKey: reminderKey(d.booking.id, d.booking.slot.id, personId) });
  }
}

/** Cancels the reminders of the booking's session in `slotId` for `personIds`. */
export async function cancelReminders(services: Services, bookingId: number, slotId: number, personIds: readonly number[]): Promise<void> {
  for (const personId of personIds) await services.notifier.cancel(reminderKey(bookingId, slotId, personId));
}

/** Tells `personId` that the booking was cancelled, with a calendar file that removes the event. */
export async function notifyCancelled(
  services: Services,
  personId: number,
  d: BookingDetails,
  by: NamedPerson,
  reason: string | null,
  now: Date,
): Promise<void> {
  const { program } = services;
  await services.notifier.notify(personId, (t, locale) => [
    text(
      t(reason ? 'booking.notice.cancelledReason' : 'booking.notice.cancelled', {
        id: d.booking.id,
        by: personName(t, by),
        when: whenLabel(d.booking.slot.startsAt, d.booking.slot.minutes, d.booking.slot.country, program, t, locale),
        company: d.application.companyName,
        reason: reason ?? '',
      }),
    ),
    calendarReply(d, d.booking.slot, program, t, locale, now, true),
  ]);
}

/** Tells `personId` that the booking moved from `previous` to its new slot: the old event is cancelled, the new one sent. */
export async function notifyMoved(
  services: Services,
  personId: number,
  d: BookingDetails,
  previous: SlotView,
  by: NamedPerson,
  now: Date,
): Promise<void> {
  const { program } = services;
  const previousDetails: BookingDetails = { ...d, booking: { ...d.booking, slot: previous } };
  await services.notifier.notify(personId, (t, locale) => [
    text(
      t('booking.notice.moved', {
        id: d.booking.id,
        by: personName(t, by),
        company: d.application.companyName,
        from: whenLabel(previous.startsAt, previous.minutes, previous.country, program, t, locale),
        to: whenLabel(d.booking.slot.startsAt, d.booking.slot.minutes, d.booking.slot.country, program, t, locale),
      }),
    ),
    facts(t('booking.fact.title', { id: d.booking.id }), bookingFacts(d, program, t, locale)),
    calendarReply(previousDetails, previous, program, t, locale, now, true),
    calendarReply(d, d.booking.slot, program, t, locale, now),
  ]);
}
