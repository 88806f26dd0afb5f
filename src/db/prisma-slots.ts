/**
 * Experts' slots in the database. Overlap is checked, then the slot written, in the turn's transaction;
 * the expert's slots are serialised first, so two adds at once cannot both pass the check.
 */
import { maxSlotMinutes, slotEndsAt, slotKindSchema, slotStatusSchema, slotsOverlap, type SlotView } from '../booking/slot.ts';
import type { SlotRepository } from '../booking/slot-port.ts';
import type { Db } from './prisma-client.ts';
import type { Serialize } from './serialize.ts';

type SlotRow = {
  id: number;
  expertId: number;
  country: string;
  kind: string;
  startsAt: Date;
  minutes: number;
  status: string;
  createdAt: Date;
};

export function toSlotView(row: SlotRow): SlotView {
  return { ...row, kind: slotKindSchema.parse(row.kind), status: slotStatusSchema.parse(row.status) };
}

const maxSlotMs = maxSlotMinutes * 60_000;

export function createPrismaSlots(db: Db, serialize: Serialize): SlotRepository {
  return {
    async add(input) {
      await serialize(`slots:expert:${input.expertId}`);
      const end = slotEndsAt(input);
      // Slots are at most maxSlotMinutes long, so only those starting in this window can overlap.
      const near = await db.slot.findMany({
        where: {
          expertId: input.expertId,
          status: { not: 'removed' },
          startsAt: { gt: new Date(input.startsAt.getTime() - maxSlotMs), lt: end },
        },
        orderBy: { startsAt: 'asc' },
      });
      const conflicting = near.map(toSlotView).find((s) => slotsOverlap(s, input));
      if (conflicting) return { ok: false as const, code: 'overlap' as const, conflicting };
      const row = await db.slot.create({ data: { ...input, status: 'open' } });
      return { ok: true as const, slot: toSlotView(row) };
    },
    async get(id) {
      const row = await db.slot.findUnique({ where: { id } });
      return row ? toSlotView(row) : null;
    },
    async removeOpen(id) {
      const { count } = await db.slot.updateMany({ where: { id, status: 'open' }, data: { status: 'removed' } });
      const row = await db.slot.findUnique({ where: { id } });
      if (!row) return { ok: false, code: 'not_found' };
      const slot = toSlotView(row);
      if (count === 1) return { ok: true, slot };
      return { ok: false, code: slot.status === 'booked' ? 'booked' : 'already_removed', slot };
    },
    async listUpcoming({ expertId, from, limit }) {
      const rows = await db.slot.findMany({
        where: {
          ...(expertId !== undefined ? { expertId } : {}),
          status: { not: 'removed' },
          startsAt: { gt: new Date(from.getTime() - maxSlotMs) },
        },
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      });
      const upcoming = rows.map(toSlotView).filter((s) => slotEndsAt(s).getTime() > from.getTime());
      return limit === undefined ? upcoming : upcoming.slice(0, limit);
    },
    async listOpen({ expertIds, country, kind, from, until }) {
      if (expertIds.length === 0) return [];
      const rows = await db.slot.findMany({
        where: { expertId: { in: [...expertIds] }, country, kind, status: 'open', startsAt: { gte: from, lte: until } },
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      });
      return rows.map(toSlotView);
    },
  };
}
