/**
 * Bookings in the database. Taking a slot and reserving hours are conditional updates in one savepoint of
 * the turn's transaction (rolled back together when one of them is refused),
 * so two applicants clicking the same slot at once get exactly one booking, and open bookings never
 * reserve more than the engagement's cap, on SQLite and PostgreSQL alike, without locks.
 */
import { bookingStatusSchema, type BookingView } from '../booking/booking.ts';
import type { BookingRepository } from '../booking/booking-port.ts';
import { slotKindSchema } from '../booking/slot.ts';
import { maxSlotMinutes, slotEndsAt } from '../booking/slot.ts';
import type { Db } from './prisma-client.ts';
import { toSlotView } from './prisma-slots.ts';
type BookingRow = Omit<BookingView, 'kind' | 'status' | 'slot'> & { kind: string; status: string; slot: Parameters<typeof toSlotView>[0] };

function toBookingView(row: BookingRow): BookingView {
  const { slot, ...rest } = row;
  return { ...rest, kind: slotKindSchema.parse(row.kind), status: bookingStatusSchema.parse(row.status), slot: toSlotView(slot) };
}

/** Thrown inside a savepoint to roll it back with an expected outcome. */
class Refused extends Error {
  constructor(readonly code: 'slot_taken' | 'over_budget' | 'not_open') {
    super(code);
  }
}

const withSlot = { slot: true } as const;

/** open -> booked, only when still open. Returns false when someone else got it first. */
async function takeSlot(tx: Db, slotId: number): Promise<boolean> {
  return (await tx.$executeRaw`UPDATE "Slot" SET "status" = 'booked' WHERE "id" = ${slotId} AND "status" = 'open'`) === 1;
}

/** Reserves minutes only while used + reserved stays within the cap. */
async function reserve(tx: Db, applicationId: number, minutes: number): Promise<boolean> {
  if (minutes <= 0) return true;
  const changed =
    await tx.$executeRaw`UPDATE "Application" SET "reservedMinutes" = "reservedMinutes" + ${minutes} WHERE "id" = ${applicationId} AND "usedMinutes" + "reservedMinutes" + ${minutes} <= "capMinutes"`;
  return changed === 1;
}

async function release(tx: Db, applicationId: number, minutes: number): Promise<void> {
  if (minutes <= 0) return;
  await tx.$executeRaw`UPDATE "Application" SET "reservedMinutes" = CASE WHEN "reservedMinutes" >= ${minutes} THEN "reservedMinutes" - ${minutes} ELSE 0 END WHERE "id" = ${applicationId}`;
}

export function createPrismaBookings(db: Db): BookingRepository {
  const get = async (id: number) => {
    const row = await db.booking.findUnique({ where: { id }, include: withSlot });
    return row ? toBookingView(row) : null;
  };

  /** Closes an open booking (cancelled or done), releasing its reservation; the slot becomes `slotAfter`. */
  const close = async (
    bookingId: number,
    data: { status: 'cancelled' | 'done'; cancelledAt?: Date; cancelledById?: number; cancelReason?: string | null },
    slotAfter: 'open' | 'removed' | 'booked',
  ) => {
    const found = await get(bookingId);
    if (!found) return { ok: false as const, code: 'not_found' as const };
    try {
      await db.$transaction(async (tx) => {
        const { count } = await tx.booking.updateMany({ where: { id: bookingId, status: 'booked' }, data });
        if (count !== 1) throw new Refused('not_open');
        await release(tx, found.applicationId, found.estimateMinutes);
        if (slotAfter !== 'booked')
          await tx.slot.updateMany({ where: { id: found.slotId, status: 'booked' }, data: { status: slotAfter } });
      });
    } catch (e) {
      if (e instanceof Refused) return { ok: false as const, code: 'not_open' as const };
      throw e;
    }
    return { ok: true as const, booking: (await get(bookingId))! };
  };

  return {
    async book(input) {
      try {
        const id = await db.$transaction(async (tx) => {
          if (!(await takeSlot(tx, input.slotId))) throw new Refused('slot_taken');
          if (!(await reserve(tx, input.applicationId, input.estimateMinutes))) throw new Refused('over_budget');
          const row = await tx.booking.create({ data: { ...input, status: 'booked' } });
          return row.id;
        });
        return { ok: true, booking: (await get(id))! };
      } catch (e) {
        if (e instanceof Refused && e.code !== 'not_open') return { ok: false, code: e.code };
        throw e;
      }
    },

    cancel: ({ bookingId, byId, reason, at, slotAfter }) =>
      close(bookingId, { status: 'cancelled', cancelledAt: at, cancelledById: byId, cancelReason: reason }, slotAfter),

    // The slot of a session that took place stays booked: nobody else can book that past time.
    complete: (bookingId) => close(bookingId, { status: 'done' }, 'booked'),

    async reschedule({ bookingId, newSlotId, estimateMinutes }) {
      const previous = await get(bookingId);
      if (!previous) return { ok: false, code: 'not_found' };
      try {
        await db.$transaction(async (tx) => {
          // Moving only from the slot we read: a concurrent cancel or reschedule makes this fail.
          const { count } = await tx.booking.updateMany({
            where: { id: bookingId, status: 'booked', slotId: previous.slotId },
            data: { slotId: newSlotId, estimateMinutes },
          });
          if (count !== 1) throw new Refused('not_open');
          if (!(await takeSlot(tx, newSlotId))) throw new Refused('slot_taken');
          // Release first, so the old estimate does not count against the new one.
          await release(tx, previous.applicationId, previous.estimateMinutes);
          if (!(await reserve(tx, previous.applicationId, estimateMinutes))) throw new Refused('over_budget');
          await tx.slot.updateMany({ where: { id: previous.slotId, status: 'booked' }, data: { status: 'open' } });
        });
      } catch (e) {
        if (e instanceof Refused) return { ok: false, code: e.code };
        throw e;
      }
      return { ok: true, booking: (await get(bookingId))!, previous };
    },

    async completeEnded(applicationId, at) {
      const rows = await db.booking.findMany({
        where: { applicationId, status: 'booked', slot: { startsAt: { lt: at } } },
        include: withSlot,
      });
      const ended = rows.map(toBookingView).filter((b) => slotEndsAt(b.slot).getTime() <= at.getTime());
      let count = 0;
      for (const b of ended) if ((await close(b.id, { status: 'done' }, 'booked')).ok) count++;
      return count;
    },

    get,

    async findOpenBySlot(slotId) {
      const row = await db.booking.findFirst({ where: { slotId, status: 'booked' }, include: withSlot });
      return row ? toBookingView(row) : null;
    },

    async list({ applicationIds, expertId, statuses, from, limit }) {
      const rows = await db.booking.findMany({
        where: {
          ...(applicationIds ? { applicationId: { in: [...applicationIds] } } : {}),
          ...(statuses ? { status: { in: [...statuses] } } : {}),
          slot: { ...(expertId !== undefined ? { expertId } : {}), startsAt: { gt: new Date(from.getTime() - maxSlotMinutes * 60_000) } },
        },
        include: withSlot,
        orderBy: [{ slot: { startsAt: 'asc' } }, { id: 'asc' }],
      });
      const upcoming = rows.map(toBookingView).filter((b) => slotEndsAt(b.slot).getTime() > from.getTime());
      return limit === undefined ? upcoming : upcoming.slice(0, limit);
    },
  };
}
