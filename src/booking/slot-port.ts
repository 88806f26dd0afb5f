/** Storage port for experts' slots. src/db/prisma-slots.ts implements it. */
import type { SlotKind, SlotView } from './slot.ts';

export type AddSlotResult = { ok: true; slot: SlotView } | { ok: false; code: 'overlap'; conflicting: SlotView };

export type RemoveSlotResult =
  | { ok: true; slot: SlotView }
  | { ok: false; code: 'not_found' | 'booked' | 'already_removed'; slot?: SlotView };

export interface SlotRepository {
  /** Adds the slot unless it overlaps another (not removed) slot of the same expert; checked in one transaction. */
  add(input: {
    expertId: number;
    country: string;
    kind: SlotKind;
    startsAt: Date;
    minutes: number;
    createdAt: Date;
  }): Promise<AddSlotResult>;
  get(id: number): Promise<SlotView | null>;
  /** An open slot becomes removed (a conditional update: a slot booked meanwhile is not removed). */
  removeOpen(id: number): Promise<RemoveSlotResult>;
  /** Slots (not removed) of the expert ending after `from`, soonest first. Without an expert: everyone's. */
  listUpcoming(query: { expertId?: number; from: Date; limit?: number }): Promise<SlotView[]>;
  /** Open slots of these experts in this country, of this kind, starting in [from, until], soonest first. */
  listOpen(query: { expertIds: readonly number[]; country: string; kind: SlotKind; from: Date; until: Date }): Promise<SlotView[]>;
}
