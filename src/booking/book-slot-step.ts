/**
 * The `book` flow's slot question: the free slots of the engagement's experts (soonest first, a page at a
 * time), then, once one is picked, the confirmation. Both are one step, so a slot lost to another applicant
 * at the last moment brings the person straight back to the next free slots.
 */
import type { FlowStep, Turn } from './needs.ts';
import { flowChoice, type FlowInput, type StepOutcome } from '../core/flow.ts';
import { pageOf } from '../core/paging.ts';
import { choices, facts, text, type Choice, type Reply } from '../core/reply.ts';
import type { ApplicationView } from '../applications/application.ts';
import { topicsToMenu, type BookingView } from './booking.ts';
import { countryOf, hoursLabel, kindName, whenLabel, whenShort } from './booking-labels.ts';
import { bookingFacts } from './booking-notices.ts';
import { estimateFor, leadTimeLimit, remainingMinutes, timingBlock } from './booking-rules.ts';
import { bookSlot, checkSlot, moveBooking, personOf } from './booking-service.ts';
import { personName } from '../core/person-name.ts';
import { blockText, refusalText } from './booking-wording.ts';
import { application, bookFlowId, bookingBeingMoved, clip, control, type BookData } from './book-flow-data.ts';
import { readYesNo } from '../core/typed-yes-no.ts';
import { answerKey } from '../core/typed-text.ts';
import { vocabulary } from '../i18n/vocabulary.ts';
import { supportPeriodEnd } from './local-time.ts';
import type { SlotView } from './slot.ts';

/** The free slots the person can book now, soonest first, and how many more exist that do not fit the hours left. */
async function freeSlots(
  turn: Turn,
  data: BookData,
): Promise<{ fitting: SlotView[]; tooLong: number; leftMinutes: number; app: ApplicationView }> {
  const { services, now } = turn;
  const app = await application(turn, data);
  const moving = await bookingBeingMoved(turn, data);
  const open = (
    await services.slots.listOpen({
      expertIds: await services.applications.expertsOf(app.id),
      country: app.country,
      kind: data.kind!,
      from: leadTimeLimit(now, services.program),
      until: supportPeriodEnd(services.program),
    })
  ).filter((s) => timingBlock(s, now, services.program) === undefined);
  const leftMinutes = remainingMinutes(app) + (moving?.status === 'booked' ? moving.estimateMinutes : 0);
  const fitting = open.filter((s) => estimateFor(s, services.program) <= leftMinutes);
  return { fitting, tooLong: open.length - fitting.length, leftMinutes, app };
}

async function askSlotList(turn: Turn, data: BookData): Promise<Reply[]> {
  const { t, locale, services } = turn;
  const { fitting, tooLong, leftMinutes, app } = await freeSlots(turn, data);
  const dead = [control('back', t('core.flow.choice.back')), control('cancel', t('core.flow.choice.cancel'), 'danger')];
  if (fitting.length === 0) {
    const why =
      tooLong > 0
        ? t('booking.slots.noneFit', { remaining: hoursLabel(leftMinutes, locale) })
        : t('booking.slots.none', { kind: kindName(data.kind!, t) });
    return [choices(why, dead)];
  }
  const experts = [...new Set(fitting.map((s) => s.expertId))];
  const names = new Map(await Promise.all(experts.map(async (id) => [id, personName(t, await personOf(services, id))] as const)));
  const all = fitting.map((s) => {
    const when = whenShort(s.startsAt, s.minutes, s.country, services.program, t, locale);
    return flowChoice(bookFlowId, 'slot', `slot:${s.id}`, clip(experts.length > 1 ? `${when} · ${names.get(s.expertId)}` : when));
  });
  const shown = pageOf(all, data.page, t, (page, label) => flowChoice(bookFlowId, 'slot', `page:${page}`, label));
  const country = countryOf(services.program, app.country);
  const lines = [t('booking.slots.pick', { count: fitting.length, offset: country.utcOffsetLabel, country: country.name[locale] })];
  if (tooLong > 0) lines.push(t('booking.slots.someTooLong', { count: tooLong, remaining: hoursLabel(leftMinutes, locale) }));
  return [choices(lines.join('\n'), shown)];
}

async function askConfirm(turn: Turn, data: BookData): Promise<Reply[]> {
  const { t, locale, services } = turn;
  const slot = await services.slots.get(data.slotId!);
  const app = await application(turn, data);
  const moving = await bookingBeingMoved(turn, data);
  const change: Choice = { ...flowChoice(bookFlowId, 'slot', 'change', t('booking.confirm.change')), means: 'no' };
  if (slot?.status !== 'open') return [choices(t('booking.refused.taken'), [change])];
  const draft: BookingView = {
    id: moving?.id ?? 0,
    slotId: slot.id,
    applicationId: app.id,
    applicantId: turn.person.id,
    kind: data.kind!,
    menu: data.kind === 'consultation' ? data.menu! : topicsToMenu(data.topics),
    language: data.language ?? 'ja',
    estimateMinutes: estimateFor(slot, services.program),
    status: 'booked',
    createdAt: turn.now,
    cancelledAt: null,
    cancelledById: null,
    cancelReason: null,
    slot,
  };
  const details = {
    booking: draft,
    application: app,
    expert: await personOf(services, slot.expertId),
    applicant: turn.person,
  };
  const heading = moving
    ? t('booking.confirm.moveQuestion', {
        id: moving.id,
        from: whenLabel(moving.slot.startsAt, moving.slot.minutes, moving.slot.country, services.program, t, locale),
      })
    : t('booking.confirm.question');
  const left = remainingMinutes(app) + (moving?.estimateMinutes ?? 0) - draft.estimateMinutes;
  return [
    facts(t('booking.confirm.title'), [
      ...bookingFacts(details, services.program, t, locale),
      { label: t('booking.fact.remainingAfter'), value: hoursLabel(left, locale) },
    ]),
    // 「予約」 is also the book command: as a word of this button it confirms instead of restarting the flow.
    choices(heading, [
      {
        ...flowChoice(bookFlowId, 'slot', `yes:${slot.id}`, t(moving ? 'booking.confirm.moveYes' : 'booking.confirm.yes'), 'primary'),
        means: 'yes',
        words: vocabulary.choices.confirmBooking,
      },
      change,
    ]),
  ];
}

/** Back to the list of free slots (after a refusal, with why). */
function backToSlots(data: BookData, why?: string): StepOutcome<BookData> {
  return { ok: true, data: { ...data, slotId: undefined, page: 0 }, goTo: 'slot', replies: why ? [text(why)] : undefined };
}

async function answerSlot(turn: Turn, input: FlowInput, data: BookData): Promise<StepOutcome<BookData>> {
  const value = input.value ?? '';
  const page = /^page:(\d+)$/.exec(value);
  if (page) return { ok: true, data: { ...data, page: Number(page[1]) }, goTo: 'slot' };
  if (value === 'change') return backToSlots(data);

  const picked = /^slot:(\d+)$/.exec(value);
  if (picked) {
    const slotId = Number(picked[1]);
    const app = await application(turn, data);
    const moving = await bookingBeingMoved(turn, data);
    const refusal = await checkSlot(
      turn.services,
      await turn.services.slots.get(slotId),
      app,
      data.kind!,
      turn.now,
      moving?.status === 'booked' ? moving.estimateMinutes : 0,
    );
    if (refusal) return backToSlots(data, refusalText(turn, refusal));
    return { ok: true, data: { ...data, slotId }, goTo: 'slot' };
  }

  const yes = /^yes:(\d+)$/.exec(value);
  const saysYes =
    input.text !== undefined &&
    (readYesNo(input.text) === true || vocabulary.choices.confirmBooking.some((w) => answerKey(w) === answerKey(input.text!)));
  const confirmed = data.slotId !== undefined && ((yes && Number(yes[1]) === data.slotId) || saysYes);
  if (!confirmed) return { ok: false };
  return data.rescheduleOf === undefined ? confirmBooking(turn, data) : confirmMove(turn, data);
}

async function confirmBooking(turn: Turn, data: BookData): Promise<StepOutcome<BookData>> {
  const request =
    data.kind === 'consultation'
      ? { kind: 'consultation' as const, menu: data.menu! }
      : { kind: 'training' as const, topics: data.topics, language: data.language ?? 'ja' };
  const outcome = await bookSlot(turn.services, {
    applicationId: data.applicationId!,
    applicantId: turn.person.id,
    slotId: data.slotId!,
    request,
    now: turn.now,
  });
  if (outcome.ok) return { ok: true, data: { ...data, bookingId: outcome.details.booking.id } };
  // Ends the flow (no booking to confirm) with the reason.
  if (outcome.code === 'not_bookable')
    return { ok: true, data: { ...data, bookingId: undefined }, replies: [text(blockText(turn, outcome.block, outcome.application))] };
  return backToSlots(data, refusalText(turn, outcome));
}

async function confirmMove(turn: Turn, data: BookData): Promise<StepOutcome<BookData>> {
  const booking = await bookingBeingMoved(turn, data);
  if (!booking) return { ok: true, data: { ...data, bookingId: undefined }, replies: [text(turn.t('booking.refused.notOpen'))] };
  const outcome = await moveBooking(turn.services, { booking, actorId: turn.person.id, newSlotId: data.slotId!, now: turn.now });
  if (outcome.ok) return { ok: true, data: { ...data, bookingId: booking.id, previousSlotId: outcome.previous.id } };
  if (outcome.code === 'not_open' || outcome.code === 'too_late')
    return { ok: true, data: { ...data, bookingId: undefined }, replies: [text(refusalText(turn, outcome))] };
  return backToSlots(data, refusalText(turn, outcome));
}

export const slotStep: FlowStep<BookData> = {
  ask: (turn, data) => (data.slotId === undefined ? askSlotList(turn, data) : askConfirm(turn, data)),
  answer: answerSlot,
};
