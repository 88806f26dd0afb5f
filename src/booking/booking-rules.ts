/**
 * The program's rules for a booking: which engagements may book (adopted, Forms 1 and 2 received, an expert
 * assigned, hours left), when a slot may be booked (not past, not inside the minimum lead time, not after
 * the support period), and how many hours a booking reserves. Pure functions over views: no I/O.
 */
import type { ApplicationStatus, ApplicationView } from '../applications/application.ts';
import type { Program } from '../program/program-schema.ts';
import { supportPeriodEnd } from './local-time.ts';
import { slotEndsAt, type SlotView } from './slot.ts';

/** Why an engagement cannot book yet, in the order the steps happen. */
export type EngagementBlock =
  | { code: 'not_adopted'; status: ApplicationStatus }
  | { code: 'ended'; status: ApplicationStatus }
  | { code: 'form1_missing' }
  | { code: 'form2_missing' }
  | { code: 'no_expert' }
  | { code: 'no_hours_left' }
  | { code: 'period_over' };

const waiting: readonly ApplicationStatus[] = ['applied', 'received', 'screening'];

/** Every missing step before the engagement can book, in the order they happen; empty when it can book. */
export function engagementBlocks(application: ApplicationView, expertCount: number, now: Date, program: Program): EngagementBlock[] {
  if (waiting.includes(application.status)) return [{ code: 'not_adopted', status: application.status }];
  if (application.status !== 'adopted') return [{ code: 'ended', status: application.status }];
  if (now.getTime() >= supportPeriodEnd(program).getTime()) return [{ code: 'period_over' }];
  const blocks: EngagementBlock[] = [];
  if (!application.form1ReceivedAt) blocks.push({ code: 'form1_missing' });
  if (!application.form2ReceivedAt) blocks.push({ code: 'form2_missing' });
  if (expertCount === 0) blocks.push({ code: 'no_expert' });
  if (remainingMinutes(application) <= 0) blocks.push({ code: 'no_hours_left' });
  return blocks;
}

/** The first missing step before the engagement can book, or undefined when it can. */
export function engagementBlock(
  application: ApplicationView,
  expertCount: number,
  now: Date,
  program: Program,
): EngagementBlock | undefined {
  return engagementBlocks(application, expertCount, now, program)[0];
}

/** Hours left to book: the cap less the hours logged and the estimates of open bookings. */
export function remainingMinutes(application: Pick<ApplicationView, 'capMinutes' | 'usedMinutes' | 'reservedMinutes'>): number {
  return application.capMinutes - application.usedMinutes - application.reservedMinutes;
}

/** The hours a booking of the slot reserves: the slot's length, else the program's default for its kind. */
export function estimateFor(slot: Pick<SlotView, 'minutes' | 'kind'>, program: Program): number {
  return slot.minutes > 0 ? slot.minutes : program.booking.defaultEstimateMinutes[slot.kind];
}

export type TimingBlock = 'past' | 'too_soon' | 'after_period';

/** Why the slot cannot be booked (or moved to, or cancelled by the applicant) at `now`, or undefined. */
export function timingBlock(slot: Pick<SlotView, 'startsAt' | 'minutes'>, now: Date, program: Program): TimingBlock | undefined {
  const start = slot.startsAt.getTime();
  if (start <= now.getTime()) return 'past';
  if (start < leadTimeLimit(now, program).getTime()) return 'too_soon';
  if (slotEndsAt(slot).getTime() > supportPeriodEnd(program).getTime()) return 'after_period';
  return undefined;
}

/** The earliest start a booking made at `now` may have. */
export function leadTimeLimit(now: Date, program: Program): Date {
  return new Date(now.getTime() + program.booking.minimumLeadHours * 3_600_000);
}

/** When the reminder of a session goes out. */
export function reminderDueAt(startsAt: Date, program: Program): Date {
  return new Date(startsAt.getTime() - program.booking.reminderHoursBefore * 3_600_000);
}
