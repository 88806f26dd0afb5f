/** A booking of one slot by an applicant, for one engagement, and its life cycle. */
import { z } from 'zod';
import { slotKindSchema, type SlotKind, type SlotView } from './slot.ts';

/** booked: open (its estimate is reserved); cancelled: released; done: the session took place. */
export const bookingStatusSchema = z.enum(['booked', 'cancelled', 'done']);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

export interface BookingView {
  id: number;
  slotId: number;
  applicationId: number;
  applicantId: number;
  kind: SlotKind;
  /** `A1`/`A2` for a consultation; the topic numbers for a training, `1,4,5`. */
  menu: string;
  /** `ja` or the country's local language code. */
  language: string;
  estimateMinutes: number;
  status: BookingStatus;
  createdAt: Date;
  cancelledAt: Date | null;
  cancelledById: number | null;
  cancelReason: string | null;
  slot: SlotView;
}

/** What the applicant asks for: a consultation item or training topics, and the training language. */
export const bookingRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal(slotKindSchema.enum.consultation), menu: z.string().min(1).max(10) }),
  z.object({
    kind: z.literal(slotKindSchema.enum.training),
    topics: z.array(z.number().int().positive()).min(1),
    language: z.string().min(2).max(10),
  }),
]);
export type BookingRequest = z.infer<typeof bookingRequestSchema>;

/** Training topics as stored in Booking.menu: sorted, comma-separated. */
export function topicsToMenu(topics: readonly number[]): string {
  return [...new Set(topics)].sort((a, b) => a - b).join(',');
}

export function menuToTopics(menu: string): number[] {
  return menu
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
}
