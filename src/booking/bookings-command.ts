/**
 * `bookings`: one's bookings (an applicant: their company's; an expert: theirs; staff: all), with buttons to
 * cancel or move them. The applicant may cancel or move until the minimum lead time before the session; the
 * expert and staff may cancel any time, with a reason that is sent to the applicant.
 *
 *   bookings                      list upcoming bookings
 *   bookings cancel 12 [reason]   cancel booking 12 (a reason is required from experts and staff)
 *   bookings reschedule 12        choose another slot for booking 12
 */
import type { ActionHandler, Command, FlowDefinition, Turn } from './needs.ts';
import { z } from 'zod';
import { encodeAction } from '../core/action-value.ts';
import { deny } from '../core/authorize.ts';
import { flowChoice, flowControlHandler } from '../core/flow.ts';
import { choices, error, facts, text, type Choice, type Reply } from '../core/reply.ts';
import { hasRole } from '../core/roles.ts';
import { normalizeText } from '../core/text-normalize.ts';
import { answerKey } from '../core/typed-text.ts';
import { readYesNo } from '../core/typed-yes-no.ts';
import { vocabulary } from '../i18n/vocabulary.ts';
import type { BookingView } from './booking.ts';
import { companiesOf } from './applicant-engagements.ts';
import { engagementName, kindName, menuLabel, whenLabel } from './booking-labels.ts';
import { bookingFacts } from './booking-notices.ts';
import { applicantMayChange, bookingDetails, cancelBooking, personOf, type CancelSide } from './booking-service.ts';
import { personName } from '../core/person-name.ts';
import { refusalText } from './booking-wording.ts';
import { bookFlowId } from './book-flow.ts';

export const cancelActionId = 'booking.cancel';
export const rescheduleActionId = 'booking.reschedule';
export const cancelFlowId = 'booking-cancel';

/** Which side the person is on for this booking, or undefined when it is none of their business. */
async function sideFor(turn: Turn, booking: BookingView): Promise<CancelSide | undefined> {
  if (hasRole(turn.person, 'staff')) return 'provider';
  if (hasRole(turn.person, 'expert') && booking.slot.expertId === turn.person.id) return 'provider';
  const app = await turn.services.applications.get(booking.applicationId);
  if (app && companiesOf(turn.person).includes(app.companyId)) return 'applicant';
  return undefined;
}

/** The upcoming open bookings the person sees. */
async function visibleBookings(turn: Turn): Promise<BookingView[]> {
  const { services, person, now } = turn;
  const from = now;
  const found = new Map<number, BookingView>();
  const add = (list: BookingView[]) => {
    for (const b of list) found.set(b.id, b);
  };
  if (hasRole(person, 'staff')) add(await services.bookings.list({ statuses: ['booked'], from }));
  if (hasRole(person, 'expert')) add(await services.bookings.list({ expertId: person.id, statuses: ['booked'], from }));
  const companies = companiesOf(person);
  if (companies.length > 0) {
    const apps = (await Promise.all(companies.map((c) => services.applications.listForCompany(c)))).flat();
    add(await services.bookings.list({ applicationIds: apps.map((a) => a.id), statuses: ['booked'], from }));
  }
  return [...found.values()].sort((a, b) => a.slot.startsAt.getTime() - b.slot.startsAt.getTime() || a.id - b.id);
}

/** One booking as a line of text with its buttons. */
export async function bookingCard(turn: Turn, booking: BookingView): Promise<Reply> {
  const { services, t, locale } = turn;
  const app = await services.applications.get(booking.applicationId);
  const side = await sideFor(turn, booking);
  const lines = [
    t('booking.list.line', {
      id: booking.id,
      kind: kindName(booking.kind, t),
      menu: menuLabel(booking.kind, booking.menu, services.program, t, locale),
      when: whenLabel(booking.slot.startsAt, booking.slot.minutes, booking.slot.country, services.program, t, locale),
    }),
    t('booking.list.parties', {
      engagement: app ? engagementName(app, services.program, t, locale) : '?',
      expert: personName(t, await personOf(services, booking.slot.expertId)),
    }),
  ];
  const buttons: Choice[] = [];
  const button = (h: string, label: string, style?: Choice['style']) => ({
    label,
    value: encodeAction({ h, v: String(booking.id) }),
    style,
  });
  if (side === 'provider') buttons.push(button(cancelActionId, t('booking.list.cancel'), 'danger'));
  if (side === 'applicant') {
    if (applicantMayChange(booking, turn.now, services)) {
      buttons.push(button(rescheduleActionId, t('booking.list.reschedule')), button(cancelActionId, t('booking.list.cancel'), 'danger'));
    } else lines.push(t('booking.list.locked', { hours: services.program.booking.minimumLeadHours }));
  }
  return buttons.length > 0 ? choices(lines.join('\n'), buttons) : text(lines.join('\n'));
}

async function listBookings(turn: Turn): Promise<Reply[]> {
  const bookings = await visibleBookings(turn);
  if (bookings.length === 0) return [text(turn.t('booking.list.empty'))];
  return [
    text(turn.t('booking.list.title', { count: bookings.length })),
    ...(await Promise.all(bookings.map((b) => bookingCard(turn, b)))),
  ];
}

/** Loads the booking and checks the person may change it; returns the refusal otherwise. */
async function bookingFor(
  turn: Turn,
  rawId: string,
  action: string,
): Promise<{ booking: BookingView; side: CancelSide } | { refusal: Reply[] }> {
  const id = Number(rawId.replace('#', ''));
  const booking = Number.isInteger(id) && id > 0 ? await turn.services.bookings.get(id) : null;
  if (!booking) return { refusal: [error('not_found', turn.t('booking.list.notFound', { id: rawId }))] };
  const side = await sideFor(turn, booking);
  if (!side) return { refusal: await deny(turn, ['applicant', 'expert', 'staff'], action, { bookingId: booking.id }) };
  if (booking.status !== 'booked') return { refusal: [error('not_open', turn.t('booking.refused.notOpen'))] };
  return { booking, side };
}

async function cancelNow(turn: Turn, booking: BookingView, side: CancelSide, reason: string | null): Promise<Reply[]> {
  const outcome = await cancelBooking(turn.services, { booking, actorId: turn.person.id, side, reason, now: turn.now });
  if (!outcome.ok) return [error(outcome.code, refusalText(turn, outcome))];
  const when = whenLabel(booking.slot.startsAt, booking.slot.minutes, booking.slot.country, turn.services.program, turn.t, turn.locale);
  return [text(turn.t(side === 'applicant' ? 'booking.cancel.doneApplicant' : 'booking.cancel.doneProvider', { id: booking.id, when }))];
}

async function startReschedule(turn: Turn, rawId: string): Promise<Reply[]> {
  const found = await bookingFor(turn, rawId, 'bookings.reschedule');
  if ('refusal' in found) return found.refusal;
  if (found.side !== 'applicant') return [error('applicant_only', turn.t('booking.reschedule.applicantOnly'))];
  if (!applicantMayChange(found.booking, turn.now, turn.services)) return [error('too_late', refusalText(turn, { code: 'too_late' }))];
  return turn.startFlow(bookFlowId, { rescheduleOf: found.booking.id });
}

export const bookingsCommand: Command = {
  name: 'bookings',
  aliases: ['予約一覧', '予約確認', 'booking'],
  audience: ['applicant', 'expert', 'staff'],
  usage: 'bookings [cancel <id> [reason] | reschedule <id>]',
  summary: 'booking.cmd.bookings',
  roleHelp: {
    applicant: { usage: 'bookings [cancel <id> | reschedule <id>]', summary: 'booking.cmd.bookingsApplicant' },
    expert: { usage: 'bookings [cancel <id> <reason>]', summary: 'booking.cmd.bookingsProvider' },
    staff: { usage: 'bookings [cancel <id> <reason>]', summary: 'booking.cmd.bookingsProvider' },
  },
  async run(turn, args) {
    if (!['applicant', 'expert', 'staff'].some((r) => turn.person.roles.some((g) => g.role === r)))
      return deny(turn, ['applicant', 'expert', 'staff'], 'bookings');
    const m = /^(\S+)\s*(\S*)\s*([\s\S]*)$/.exec(args.trim());
    if (!m) return listBookings(turn);
    const verb = normalizeText(m[1]!);
    if (['cancel', 'キャンセル', '取消', '取り消し'].includes(verb)) {
      const found = await bookingFor(turn, m[2]!, 'bookings.cancel');
      if ('refusal' in found) return found.refusal;
      if (found.side === 'applicant') return cancelNow(turn, found.booking, found.side, m[3]!.trim() || null);
      // An expert or staff cancelling removes the slot and tells the applicant: it asks first (for the reason if none was given).
      const reason = m[3]!.trim().slice(0, 500);
      return turn.startFlow(cancelFlowId, { bookingId: found.booking.id, side: found.side, ...(reason.length >= 2 ? { reason } : {}) });
    }
    if (['reschedule', 'move', 'change', '変更', '日程変更'].includes(verb)) return startReschedule(turn, m[2]!);
    return [text(turn.t('booking.list.usage'), true)];
  },
};

export const bookingActions: ActionHandler[] = [
  {
    id: cancelActionId,
    async run(turn, action) {
      const found = await bookingFor(turn, action.v, 'bookings.cancel');
      if ('refusal' in found) return found.refusal;
      return turn.startFlow(cancelFlowId, { bookingId: found.booking.id, side: found.side });
    },
  },
  { id: rescheduleActionId, run: (turn, action) => startReschedule(turn, action.v) },
];

const cancelDataSchema = z.object({ bookingId: z.number().int(), side: z.enum(['applicant', 'provider']), reason: z.string().optional() });
type CancelData = z.infer<typeof cancelDataSchema>;

/** Cancelling from a button: the reason (experts and staff), then a confirmation. */
export const cancelFlow: FlowDefinition<CancelData> = {
  id: cancelFlowId,
  dataSchema: cancelDataSchema,
  start: (_turn, initial) => cancelDataSchema.parse(initial),
  firstStep: (_turn, data) => (data.side === 'provider' && !data.reason ? 'reason' : 'confirm'),
  steps: {
    reason: {
      // Any text is the reason; only the button's own label keeps the booking.
      freeText: true,
      ask: (turn) => [
        choices(turn.t('booking.cancel.askReason'), [
          { label: turn.t('booking.cancel.keep'), value: encodeAction({ h: flowControlHandler, v: 'cancel' }) },
        ]),
      ],
      answer: (turn, input, data) => {
        const reason = (input.text ?? '').trim();
        if (reason.length < 2) return { ok: false, replies: [text(turn.t('booking.cancel.reasonRequired'))] };
        return { ok: true, data: { ...data, reason: reason.slice(0, 500) } };
      },
    },
    confirm: {
      async ask(turn, data) {
        const booking = await turn.services.bookings.get(data.bookingId);
        if (!booking) return [text(turn.t('booking.refused.notOpen'))];
        const details = await bookingDetails(turn.services, booking);
        return [
          facts(turn.t('booking.fact.title', { id: booking.id }), bookingFacts(details, turn.services.program, turn.t, turn.locale)),
          choices(
            turn.t(data.reason ? 'booking.cancel.confirmReason' : 'booking.cancel.confirm', { id: booking.id, reason: data.reason ?? '' }),
            [
              // The button names the booking it cancels: a click meant for another booking changes nothing.
              {
                ...flowChoice(cancelFlowId, 'confirm', `yes:${booking.id}`, turn.t('booking.cancel.yes'), 'danger'),
                means: 'yes',
                words: vocabulary.choices.confirmCancel,
              },
              { ...flowChoice(cancelFlowId, 'confirm', 'keep', turn.t('booking.cancel.keep')), means: 'no' },
            ],
          ),
        ];
      },
      async answer(turn, input, data) {
        if (input.value === 'keep') return { ok: true, data, replies: [text(turn.t('booking.cancel.kept'))] };
        const typedYes =
          input.text !== undefined &&
          (readYesNo(input.text) === true || vocabulary.choices.confirmCancel.some((w) => answerKey(w) === answerKey(input.text!)));
        if (input.value !== `yes:${data.bookingId}` && !typedYes) return { ok: false };
        const booking = await turn.services.bookings.get(data.bookingId);
        if (booking?.status !== 'booked') return { ok: true, data, replies: [error('not_open', turn.t('booking.refused.notOpen'))] };
        return { ok: true, data, replies: await cancelNow(turn, booking, data.side, data.reason ?? null) };
      },
    },
  },
  next: (_turn, stepId) => (stepId === 'reason' ? 'confirm' : null),
  title: (turn) => turn.t('booking.cancel.flowTitle'),
  finish: async () => [],
};
