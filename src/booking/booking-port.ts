/** Storage port for bookings. Every change that touches a slot or the hours budget is all or nothing. */
import type { BookingStatus, BookingView } from './booking.ts';

export interface NewBooking {
  slotId: number;
  applicationId: number;
  applicantId: number;
  kind: BookingView['kind'];
  menu: string;
  language: string;
  estimateMinutes: number;
  createdAt: Date;
}

export type BookResult = { ok: true; booking: BookingView } | { ok: false; code: 'slot_taken' | 'over_budget' };

export type CancelResult = { ok: true; booking: BookingView } | { ok: false; code: 'not_found' | 'not_open' };

export type RescheduleResult =
  | { ok: true; booking: BookingView; previous: BookingView }
  | { ok: false; code: 'not_found' | 'not_open' | 'slot_taken' | 'over_budget' };

export interface BookingRepository {
  /**
   * Takes the slot (only if still open) and reserves the estimate on the engagement (only if it fits the
   * remaining hours, counting the other open bookings): both or neither.
   */
  book(input: NewBooking): Promise<BookResult>;
  /**
   * Cancels an open booking, releases its reserved estimate and sets its slot to `slotAfter` (open again
   * when the applicant cancels; removed when the expert or staff cannot keep it).
   */
  cancel(input: { bookingId: number; byId: number; reason: string | null; at: Date; slotAfter: 'open' | 'removed' }): Promise<CancelResult>;
  /** Moves an open booking to another open slot, adjusting the reserved estimate: all or nothing. */
  reschedule(input: { bookingId: number; newSlotId: number; estimateMinutes: number }): Promise<RescheduleResult>;
  /** Marks an open booking as done and releases its reservation (the hours actually spent are logged instead). */
  complete(bookingId: number): Promise<CancelResult>;
  /** Completes the engagement's open bookings whose session ended by `at` (they no longer reserve hours); returns how many. */
  completeEnded(applicationId: number, at: Date): Promise<number>;
  get(id: number): Promise<BookingView | null>;
  /** The open booking of a slot, if any. */
  findOpenBySlot(slotId: number): Promise<BookingView | null>;
  /** Bookings whose slot ends after `from`, soonest first, filtered by engagements, expert and status. */
  list(query: {
    applicationIds?: readonly number[];
    expertId?: number;
    statuses?: readonly BookingStatus[];
    from: Date;
    limit?: number;
  }): Promise<BookingView[]>;
}
