/** Booking: experts publish slots, applicants book consultations and trainings, both see and change bookings. */
import type { Command, Feature, Turn } from './needs.ts';
import { requireRole } from '../core/authorize.ts';
import { facts, text, type Fact, type Reply } from '../core/reply.ts';
import { hasRole } from '../core/roles.ts';
import { applicantEngagements, companiesOf } from './applicant-engagements.ts';
import { kindName, whenLabel } from './booking-labels.ts';
import { bookFlow, bookFlowId } from './book-flow.ts';
import { bookingActions, bookingsCommand, cancelFlow } from './bookings-command.ts';
import { blockText } from './booking-wording.ts';
import { removeBookedSlotAction, slotsCommand } from './slots-command.ts';

const bookCommand: Command = {
  name: 'book',
  aliases: ['予約', 'よやく', 'reserve'],
  audience: ['applicant'],
  usage: 'book',
  summary: 'booking.cmd.book',
  async run(turn) {
    const denied = await requireRole(turn, ['applicant'], 'book');
    if (denied) return denied;
    if (companiesOf(turn.person).length === 0) return [text(turn.t('booking.book.noCompany'))];
    const engagements = await applicantEngagements(turn.services, turn.person, turn.now);
    if (engagements.length === 0) return [text(turn.t('booking.book.noApplication'))];
    if (engagements.every((e) => e.block)) {
      // Every step still missing, not only the first (Forms 1 and 2 both, and the expert).
      const lines = engagements.flatMap((e) => e.blocks.map((b) => `• ${blockText(turn, b, e.application)}`));
      return [text([turn.t('booking.book.notYet'), ...lines].join('\n'))];
    }
    return turn.startFlow(bookFlowId);
  },
};

async function expertHome(turn: Turn): Promise<Reply[]> {
  const { services, t, locale, now } = turn;
  const slots = await services.slots.listUpcoming({ expertId: turn.person.id, from: now, limit: 5 });
  if (slots.length === 0) return [text(`${t('booking.home.slotsTitle')}\n${t('booking.slots.emptyList')} ${t('booking.slots.addHint')}`)];
  const list: Fact[] = slots.map((s) => ({
    label: `#${s.id} ${kindName(s.kind, t)}`,
    value: `${whenLabel(s.startsAt, s.minutes, s.country, services.program, t, locale)} · ${t(s.status === 'booked' ? 'booking.home.booked' : 'booking.home.open')}`,
  }));
  return [facts(t('booking.home.slotsTitle'), list)];
}

async function applicantHome(turn: Turn): Promise<Reply[]> {
  const { services, t, locale, now } = turn;
  const apps = (await Promise.all(companiesOf(turn.person).map((c) => services.applications.listForCompany(c)))).flat();
  if (apps.length === 0) return [];
  const bookings = await services.bookings.list({ applicationIds: apps.map((a) => a.id), statuses: ['booked'], from: now, limit: 5 });
  if (bookings.length === 0) {
    const canBook = (await applicantEngagements(services, turn.person, now)).some((e) => !e.block);
    return canBook ? [text(`${t('booking.home.bookingsTitle')}\n${t('booking.home.noBookings')}`)] : [];
  }
  const list: Fact[] = bookings.map((b) => ({
    label: `#${b.id} ${kindName(b.kind, t)}`,
    value: whenLabel(b.slot.startsAt, b.slot.minutes, b.slot.country, services.program, t, locale),
  }));
  return [facts(t('booking.home.bookingsTitle'), list)];
}

export const bookingFeature: Feature = {
  name: 'booking',
  commands: [slotsCommand, bookCommand, bookingsCommand],
  actions: [...bookingActions, removeBookedSlotAction],
  flows: [bookFlow, cancelFlow],
  async home(turn) {
    return [
      ...(hasRole(turn.person, 'expert') ? await expertHome(turn) : []),
      ...(hasRole(turn.person, 'applicant') ? await applicantHome(turn) : []),
    ];
  },
};
