/** The `book` flow's state, stored between messages, and what its steps share. */
import type { Turn } from './needs.ts';
import { z } from 'zod';
import { encodeAction } from '../core/action-value.ts';
import { flowControlHandler } from '../core/flow.ts';
import type { Choice } from '../core/reply.ts';
import type { ApplicationView } from '../applications/application.ts';
import type { BookingView } from './booking.ts';
import { slotKindSchema } from './slot.ts';

export const bookFlowId = 'book';

export const bookDataSchema = z.object({
  applicationId: z.number().int().optional(),
  kind: slotKindSchema.optional(),
  menu: z.string().optional(),
  topics: z.array(z.number().int().positive()),
  language: z.string().optional(),
  slotId: z.number().int().optional(),
  page: z.number().int().nonnegative(),
  rescheduleOf: z.number().int().optional(),
  bookingId: z.number().int().optional(),
  previousSlotId: z.number().int().optional(),
});
export type BookData = z.infer<typeof bookDataSchema>;

export const bookInitialSchema = z.object({ rescheduleOf: z.number().int() }).optional();

/** One of the flow engine's own buttons (back, cancel). */
export const control = (v: 'back' | 'cancel', label: string, style?: Choice['style']): Choice => ({
  label,
  value: encodeAction({ h: flowControlHandler, v }),
  style,
});
/** Button labels stay short enough for Slack (75 characters). */
export const clip = (label: string, max = 72) => (label.length > max ? `${label.slice(0, max - 1)}…` : label);

export async function application(turn: Turn, data: BookData): Promise<ApplicationView> {
  const found = data.applicationId === undefined ? null : await turn.services.applications.get(data.applicationId);
  // The flow only stores engagements it found for this person; a missing one is a broken invariant.
  if (!found) throw new Error(`book flow without a valid engagement (${data.applicationId})`);
  return found;
}

export async function bookingBeingMoved(turn: Turn, data: BookData): Promise<BookingView | null> {
  return data.rescheduleOf === undefined ? null : turn.services.bookings.get(data.rescheduleOf);
}
