/**
 * The booking use cases: book a slot, cancel a booking, move it to another slot. Each checks the program's
 * rules, lets the repository make the change atomically, records it in the audit log and tells the other
 * side. Expected refusals come back as codes; the feature words them.
 */
import type { Services } from './needs.ts';
import type { ApplicationView } from '../applications/application.ts';
import type { NamedPerson } from '../core/person-name.ts';
import type { BookingRequest, BookingView } from './booking.ts';
import { topicsToMenu } from './booking.ts';
import { engagementBlock, estimateFor, remainingMinutes, timingBlock, type EngagementBlock, type TimingBlock } from './booking-rules.ts';
import {
  cancelReminders,
  confirmationReplies,
  notifyCancelled,
  notifyMoved,
  scheduleReminders,
  type BookingDetails,
} from './booking-notices.ts';
import type { Reply } from '../core/reply.ts';
import type { Locale } from '../i18n/catalog.ts';
import type { Translate } from '../i18n/translate.ts';
import type { SlotView } from './slot.ts';

export type SlotRefusal =
  | { code: 'slot_taken' }
  | { code: 'slot_unsuitable' }
  | { code: TimingBlock }
  | { code: 'over_budget'; remainingMinutes: number };

/** A person to be named in a booking's words (src/core/person-name.ts names them in each reader's language). */
export async function personOf(services: Services, personId: number): Promise<NamedPerson> {
  const person = await services.people.findById(personId);
  return { id: personId, displayName: person?.displayName ?? '' };
}

export async function bookingDetails(services: Services, booking: BookingView): Promise<BookingDetails> {
  const application = await services.applications.get(booking.applicationId);
  // A booking's engagement is never deleted (foreign key).
  if (!application) throw new Error(`application ${booking.applicationId} of booking ${booking.id} not found`);
  return {
    booking,
    application,
    expert: await personOf(services, booking.slot.expertId),
    applicant: await personOf(services, booking.applicantId),
  };
}

/**
 * Bookings whose session has taken place are done: they stop reserving hours (the expert logs the hours
 * actually spent instead). Returns how many were completed.
 */
export async function settleEndedBookings(services: Services, applicationId: number, now: Date): Promise<number> {
  const count = await services.bookings.completeEnded(applicationId, now);
  if (count > 0)
    await services.audit.record({
      actorId: null,
      action: 'booking.completed',
      subjectType: 'application',
      subjectId: applicationId,
      details: { count },
    });
  return count;
}

/** Whether the slot can hold a booking of this engagement and kind now (before the atomic attempt). */
export async function checkSlot(
  services: Services,
  slot: SlotView | null,
  application: ApplicationView,
  kind: BookingView['kind'],
  now: Date,
  freedMinutes = 0,
): Promise<SlotRefusal | undefined> {
  if (slot?.status !== 'open') return { code: 'slot_taken' };
  const experts = await services.applications.expertsOf(application.id);
  if (!experts.includes(slot.expertId) || slot.country !== application.country || slot.kind !== kind) return { code: 'slot_unsuitable' };
  const timing = timingBlock(slot, now, services.program);
  if (timing) return { code: timing };
  const left = remainingMinutes(application) + freedMinutes;
  if (estimateFor(slot, services.program) > left) return { code: 'over_budget', remainingMinutes: left };
  return undefined;
}

export type BookOutcome =
  | { ok: true; details: BookingDetails }
  | ({ ok: false } & (SlotRefusal | { code: 'not_bookable'; block: EngagementBlock; application: ApplicationView }));

export async function bookSlot(
  services: Services,
  input: { applicationId: number; applicantId: number; slotId: number; request: BookingRequest; now: Date },
): Promise<BookOutcome> {
  const { request, now } = input;
  await settleEndedBookings(services, input.applicationId, now);
  // Read again at the moment of booking: the engagement may have been closed since the flow started.
  const application = await services.applications.get(input.applicationId);
  if (!application) throw new Error(`application ${input.applicationId} not found`);
  const block = engagementBlock(application, (await services.applications.expertsOf(application.id)).length, now, services.program);
  if (block && block.code !== 'no_hours_left') return { ok: false, code: 'not_bookable', block, application };
  const slot = await services.slots.get(input.slotId);
  const refusal = await checkSlot(services, slot, application, request.kind, now);
  if (refusal) return { ok: false, ...refusal };
  const estimateMinutes = estimateFor(slot!, services.program);
  const result = await services.bookings.book({
    slotId: slot!.id,
    applicationId: application.id,
    applicantId: input.applicantId,
    kind: request.kind,
    menu: request.kind === 'consultation' ? request.menu : topicsToMenu(request.topics),
    language: request.kind === 'training' ? request.language : 'ja',
    estimateMinutes,
    createdAt: now,
  });
  if (!result.ok) {
    if (result.code === 'slot_taken') return { ok: false, code: 'slot_taken' };
    const fresh = await services.applications.get(application.id);
    return { ok: false, code: 'over_budget', remainingMinutes: fresh ? remainingMinutes(fresh) : 0 };
  }
  const details = await bookingDetails(services, result.booking);
  await services.audit.record({
    actorId: input.applicantId,
    action: 'booking.created',
    subjectType: 'booking',
    subjectId: result.booking.id,
    details: {
      slotId: slot!.id,
      applicationId: application.id,
      kind: request.kind,
      menu: result.booking.menu,
      language: result.booking.language,
      estimateMinutes,
    },
  });
  await services.notifier.notify(result.booking.slot.expertId, (t, locale) => confirmationFor(services, details, t, locale, now));
  await scheduleReminders(services, details, now);
  return { ok: true, details };
}

function confirmationFor(services: Services, d: BookingDetails, t: Translate, locale: Locale, now: Date): Reply[] {
  return confirmationReplies(d, services.program, t, locale, now, 'expert');
}

/** Who cancels: the applicant side (within the lead time rule) or the expert/staff side (any time, with a reason). */
export type CancelSide = 'applicant' | 'provider';

export type CancelOutcome = { ok: true; details: BookingDetails } | { ok: false; code: 'not_open' | 'too_late' | 'reason_required' };

export async function cancelBooking(
  services: Services,
  input: { booking: BookingView; actorId: number; side: CancelSide; reason: string | null; now: Date; slotAfter?: 'open' | 'removed' },
): Promise<CancelOutcome> {
  const { booking, side, now } = input;
  if (booking.status !== 'booked') return { ok: false, code: 'not_open' };
  const reason = input.reason?.trim() || null;
  if (side === 'provider' && !reason) return { ok: false, code: 'reason_required' };
  if (side === 'applicant' && !applicantMayChange(booking, now, services)) return { ok: false, code: 'too_late' };
  // The applicant's cancellation frees the time for others; an expert who cannot keep it withdraws it.
  const slotAfter = input.slotAfter ?? (side === 'applicant' ? 'open' : 'removed');
  const result = await services.bookings.cancel({ bookingId: booking.id, byId: input.actorId, reason, at: now, slotAfter });
  if (!result.ok) return { ok: false, code: 'not_open' };
  const details = await bookingDetails(services, result.booking);
  await services.audit.record({
    actorId: input.actorId,
    action: 'booking.cancelled',
    subjectType: 'booking',
    subjectId: booking.id,
    details: { side, reason, slotAfter },
  });
  await cancelReminders(services, booking.id, booking.slot.id, [booking.applicantId, booking.slot.expertId]);
  const by = await personOf(services, input.actorId);
  const others = new Set([booking.applicantId, booking.slot.expertId]);
  others.delete(input.actorId);
  for (const personId of others) await notifyCancelled(services, personId, details, by, reason, now);
  return { ok: true, details };
}

export type MoveOutcome =
  | { ok: true; details: BookingDetails; previous: SlotView }
  | ({ ok: false } & (SlotRefusal | { code: 'not_open' | 'too_late' }));

/** Moves the applicant's booking to another slot (only while the current one is outside the lead time). */
export async function moveBooking(
  services: Services,
  input: { booking: BookingView; actorId: number; newSlotId: number; now: Date },
): Promise<MoveOutcome> {
  const { booking, now } = input;
  if (booking.status !== 'booked') return { ok: false, code: 'not_open' };
  if (!applicantMayChange(booking, now, services)) return { ok: false, code: 'too_late' };
  await settleEndedBookings(services, booking.applicationId, now);
  const application = await services.applications.get(booking.applicationId);
  if (!application) return { ok: false, code: 'not_open' };
  const slot = await services.slots.get(input.newSlotId);
  const refusal = await checkSlot(services, slot, application, booking.kind, now, booking.estimateMinutes);
  if (refusal) return { ok: false, ...refusal };
  const result = await services.bookings.reschedule({
    bookingId: booking.id,
    newSlotId: slot!.id,
    estimateMinutes: estimateFor(slot!, services.program),
  });
  if (!result.ok) {
    if (result.code === 'over_budget') {
      const fresh = await services.applications.get(application.id);
      return { ok: false, code: 'over_budget', remainingMinutes: fresh ? remainingMinutes(fresh) + booking.estimateMinutes : 0 };
    }
    return { ok: false, code: result.code === 'not_found' ? 'not_open' : result.code };
  }
  const details = await bookingDetails(services, result.booking);
  const previous = result.previous.slot;
  await services.audit.record({
    actorId: input.actorId,
    action: 'booking.rescheduled',
    subjectType: 'booking',
    subjectId: booking.id,
    details: { fromSlotId: previous.id, toSlotId: slot!.id, estimateMinutes: result.booking.estimateMinutes },
  });
  // The reminders of the old session are withdrawn and the new session's queued (before the notices, which
  // are due at once).
  await cancelReminders(services, booking.id, previous.id, [booking.applicantId, previous.expertId]);
  await scheduleReminders(services, details, now);
  const by = await personOf(services, input.actorId);
  if (previous.expertId !== slot!.expertId) {
    // Another expert takes it over: the first one loses the session, the new one gains it.
    await notifyCancelled(
      services,
      previous.expertId,
      { ...details, booking: result.previous, expert: await personOf(services, previous.expertId) },
      by,
      null,
      now,
    );
    await services.notifier.notify(slot!.expertId, (t, locale) => confirmationFor(services, details, t, locale, now));
  } else {
    await notifyMoved(services, slot!.expertId, details, previous, by, now);
  }
  return { ok: true, details, previous };
}

/** The applicant may cancel or move a booking until the minimum lead time before it starts. */
export function applicantMayChange(booking: BookingView, now: Date, services: Services): boolean {
  return booking.slot.startsAt.getTime() - now.getTime() >= services.program.booking.minimumLeadHours * 3_600_000;
}
