/** A time an expert offers for a consultation or a training session, and its life cycle. */
import { z } from 'zod';

export const slotKindSchema = z.enum(['consultation', 'training']);
export type SlotKind = z.infer<typeof slotKindSchema>;

/** open: bookable; booked: taken by exactly one booking; removed: withdrawn by the expert or staff. */
export const slotStatusSchema = z.enum(['open', 'booked', 'removed']);
export type SlotStatus = z.infer<typeof slotStatusSchema>;

export interface SlotView {
  id: number;
  expertId: number;
  /** The country whose time zone the slot was entered in (the expert's country for it). */
  country: string;
  kind: SlotKind;
  startsAt: Date;
  minutes: number;
  status: SlotStatus;
  createdAt: Date;
}

export function slotEndsAt(slot: Pick<SlotView, 'startsAt' | 'minutes'>): Date {
  return new Date(slot.startsAt.getTime() + slot.minutes * 60_000);
}

/** Two half-open intervals [start, end) overlap; back-to-back slots do not. */
export function slotsOverlap(a: Pick<SlotView, 'startsAt' | 'minutes'>, b: Pick<SlotView, 'startsAt' | 'minutes'>): boolean {
  return a.startsAt.getTime() < slotEndsAt(b).getTime() && b.startsAt.getTime() < slotEndsAt(a).getTime();
}

/** The longest slot accepted: a working day. Longer input is almost certainly a typo (e.g. 90h for 90m). */
export const maxSlotMinutes = 12 * 60;
/** The shortest slot accepted. */
export const minSlotMinutes = 15;
