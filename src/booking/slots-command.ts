/**
 * `slots`: experts publish the times they can give a consultation or a training session, in their own local
 * time; staff do the same on an expert's behalf with `slots for <expert> …`.
 *
 *   slots                                             list upcoming slots (Japan time and local time)
 *   slots add 2021-09-15 14:00 90m consultation [th]  add one (the country when the expert has several)
 *   slots remove 12 [reason]                          remove one; a booked one needs a reason (the booking is cancelled)
 *   slots for console:bob add …                       staff, on the expert's behalf
 */
import type { ActionHandler, Command, Turn } from './needs.ts';
import { deny } from '../core/authorize.ts';
import { askToConfirm } from '../core/confirmation.ts';
import { error, text, type Reply } from '../core/reply.ts';
import { hasRole, type PersonView } from '../core/roles.ts';
import { parseIdentityRef } from '../staff/identity-ref.ts';
import { formatIsoDate } from '../i18n/format.ts';
import { countryOf, hoursLabel, kindName, whenLabel } from './booking-labels.ts';
import { leadTimeLimit } from './booking-rules.ts';
import { cancelBooking, personOf } from './booking-service.ts';
import { personName } from '../core/person-name.ts';
import { refusalText } from './booking-wording.ts';
import { instantFromLocal, supportPeriodEnd } from './local-time.ts';
import { slotEndsAt, type SlotView } from './slot.ts';
import { parseSlotInput } from './slot-input.ts';

const addWords = ['add', '追加', '登録'];
const removeWords = ['remove', 'delete', 'rm', '削除', '取消', '取り消し'];
const forWords = ['for', '代理'];

/** Countries the person is an expert for ('' grants are not tied to one country). */
function expertCountries(person: PersonView): string[] {
  return [...new Set(person.roles.filter((g) => g.role === 'expert' && g.country !== '').map((g) => g.country))];
}

/** The expert named by a mention, an identity key (`console:bob`, `slack:T1:U1`) or a person number. */
async function findExpert(turn: Turn, who: string): Promise<PersonView | null> {
  const { people } = turn.services;
  const ref = parseIdentityRef(who, turn.inbound);
  const person = /^#?\d+$/.test(who)
    ? await people.findById(Number(who.replace('#', '')))
    : ref.ok
      ? await people.findByIdentityKey(ref.identity.key)
      : null;
  return person && hasRole(person, 'expert') ? person : null;
}

function usage(turn: Turn): Reply[] {
  return [text(turn.t('booking.slots.usage'), true)];
}

async function addSlot(turn: Turn, expert: PersonView, args: string): Promise<Reply[]> {
  const { services, t, locale, now } = turn;
  const { program } = services;
  const parsed = parseSlotInput(args, program);
  if (!parsed.ok) {
    const why =
      parsed.code === 'unknown_word'
        ? t('booking.slots.unknownWord', { word: parsed.word })
        : parsed.code === 'bad_length'
          ? t('booking.slots.badLength', { min: parsed.min, max: hoursLabel(parsed.max, locale) })
          : t(`booking.slots.${parsed.code}`);
    return [error('bad_slot', why), ...usage(turn)];
  }
  const granted = expertCountries(expert);
  if (parsed.country && granted.length > 0 && !granted.includes(parsed.country))
    return [error('not_your_country', t('booking.slots.notYourCountry', { country: countryOf(program, parsed.country).name[locale] }))];
  const country = parsed.country ?? (granted.length === 1 ? granted[0] : undefined);
  if (!country) {
    const options = (granted.length > 0 ? granted : program.countries.map((c) => c.code)).map(
      (c) => `${c} (${countryOf(program, c).name[locale]})`,
    );
    return [error('which_country', t('booking.slots.whichCountry', { countries: options.join(', ') }))];
  }
  const zone = countryOf(program, country).timeZone;
  const startsAt = instantFromLocal(parsed.isoDate, parsed.time, zone);
  if (!startsAt) return [error('bad_slot', t('booking.slots.badDateTime', { date: parsed.isoDate, time: parsed.time }))];
  const minutes = parsed.minutes ?? program.booking.defaultEstimateMinutes[parsed.kind];
  if (startsAt.getTime() <= now.getTime()) return [error('past', t('booking.slots.past'))];
  if (slotEndsAt({ startsAt, minutes }).getTime() > supportPeriodEnd(program).getTime())
    return [error('after_period', t('booking.slots.afterPeriod', { date: formatIsoDate(program.dates.supportEnds, locale) }))];

  const result = await services.slots.add({ expertId: expert.id, country, kind: parsed.kind, startsAt, minutes, createdAt: now });
  if (!result.ok) {
    const c = result.conflicting;
    return [
      error('overlap', t('booking.slots.overlap', { id: c.id, when: whenLabel(c.startsAt, c.minutes, c.country, program, t, locale) })),
    ];
  }
  const slot = result.slot;
  await services.audit.record({
    actorId: turn.person.id,
    action: 'slot.added',
    subjectType: 'slot',
    subjectId: slot.id,
    details: { expertId: expert.id, country, kind: slot.kind, startsAt: slot.startsAt.toISOString(), minutes },
  });
  const lines = [
    t('booking.slots.added', {
      id: slot.id,
      kind: kindName(slot.kind, t),
      when: whenLabel(slot.startsAt, minutes, country, program, t, locale),
      length: hoursLabel(minutes, locale),
    }),
  ];
  if (expert.id !== turn.person.id) lines.push(t('booking.slots.addedFor', { expert: personName(t, expert) }));
  if (slot.startsAt.getTime() < leadTimeLimit(now, program).getTime())
    lines.push(t('booking.slots.insideLead', { hours: program.booking.minimumLeadHours }));
  return [text(lines.join('\n'))];
}

async function removeSlot(turn: Turn, args: string, asStaff: boolean): Promise<Reply[]> {
  const { services, t, locale } = turn;
  const m = /^#?(\d+)\s*([\s\S]*)$/.exec(args);
  if (!m) return usage(turn);
  const slot = await services.slots.get(Number(m[1]));
  if (!slot || slot.status === 'removed') return [error('not_found', t('booking.slots.notFound', { id: m[1]! }))];
  if (!asStaff && slot.expertId !== turn.person.id) return deny(turn, ['staff'], 'slots.remove', { slotId: slot.id });
  const reason = m[2]!.trim();
  const when = whenLabel(slot.startsAt, slot.minutes, slot.country, services.program, t, locale);

  if (slot.status === 'booked') {
    const booking = await services.bookings.findOpenBySlot(slot.id);
    if (booking && !reason) return [error('booked', t('booking.slots.bookedNeedsReason', { id: slot.id, booking: booking.id }))];
    if (booking) {
      if (reason.length > maxRemovalReason) return [error('too_long', t('booking.slots.reasonTooLong', { max: maxRemovalReason }))];
      // Removing a booked slot cancels the booking and tells the applicant: it asks first.
      const app = await services.applications.get(booking.applicationId);
      return askToConfirm(turn, {
        action: { h: removeBookedSlotActionId, v: `${slot.id}:${booking.id}:${reason}` },
        question: t('booking.slots.removeBookedQuestion', {
          id: slot.id,
          when,
          booking: booking.id,
          company: app?.companyName ?? '?',
          reason,
        }),
        yes: t('booking.slots.removeBookedConfirm'),
        no: t('booking.slots.removeBookedKeep'),
      });
    }
  }
  const removed = await services.slots.removeOpen(slot.id);
  if (!removed.ok) {
    // Booked between our read and the update: say so rather than remove it.
    if (removed.code === 'booked') return [error('booked', t('booking.slots.bookedNeedsReason', { id: slot.id, booking: '?' }))];
    return [error('not_found', t('booking.slots.notFound', { id: slot.id }))];
  }
  await recordRemoval(turn, slot, reason || null);
  return [text(t('booking.slots.removed', { id: slot.id, when }))];
}

const maxRemovalReason = 300;
export const removeBookedSlotActionId = 'booking.remove-booked-slot';

/** The confirmed removal of a booked slot (`<slot>:<booking>:<reason>`): the booking is cancelled, the applicant told. */
export const removeBookedSlotAction: ActionHandler = {
  id: removeBookedSlotActionId,
  async run(turn, action) {
    const { services, t, locale, now } = turn;
    const m = /^(\d{1,9}):(\d{1,9}):([\s\S]{1,400})$/.exec(action.v);
    if (!m) return [error('bad_button', t('core.error.badButton'))];
    const slot = await services.slots.get(Number(m[1]));
    if (!slot || slot.status === 'removed') return [error('not_found', t('booking.slots.notFound', { id: m[1]! }))];
    if (!hasRole(turn.person, 'staff') && slot.expertId !== turn.person.id)
      return deny(turn, ['staff'], 'slots.remove', { slotId: slot.id });
    const booking = await services.bookings.findOpenBySlot(slot.id);
    // Cancelled or moved since the question: nothing to do here any more.
    if (!booking || booking.id !== Number(m[2])) return [error('not_open', t('booking.refused.notOpen'))];
    const reason = m[3]!.trim();
    const outcome = await cancelBooking(services, {
      booking,
      actorId: turn.person.id,
      side: 'provider',
      reason,
      now,
      slotAfter: 'removed',
    });
    if (!outcome.ok) return [error(outcome.code, refusalText(turn, outcome))];
    await recordRemoval(turn, slot, reason);
    const when = whenLabel(slot.startsAt, slot.minutes, slot.country, services.program, t, locale);
    return [
      text(
        t('booking.slots.removedWithBooking', { id: slot.id, when, booking: booking.id, company: outcome.details.application.companyName }),
      ),
    ];
  },
};

async function recordRemoval(turn: Turn, slot: SlotView, reason: string | null): Promise<void> {
  await turn.services.audit.record({
    actorId: turn.person.id,
    action: 'slot.removed',
    subjectType: 'slot',
    subjectId: slot.id,
    details: { expertId: slot.expertId, reason },
  });
}

/** One line per slot: number, kind, both times, and who booked it. */
async function listSlots(turn: Turn, expertId: number | undefined, title: string): Promise<Reply[]> {
  const { services, t, locale, now } = turn;
  const slots = await services.slots.listUpcoming({ expertId, from: now });
  if (slots.length === 0) return [text([title, t('booking.slots.emptyList'), '', t('booking.slots.addHint')].join('\n'))];
  const lines = [title];
  for (const s of slots) {
    const when = whenLabel(s.startsAt, s.minutes, s.country, services.program, t, locale);
    let state = t('booking.slots.state.open');
    if (s.status === 'booked') {
      const booking = await services.bookings.findOpenBySlot(s.id);
      const app = booking ? await services.applications.get(booking.applicationId) : null;
      state = t('booking.slots.state.booked', { booking: booking?.id ?? '?', company: app?.companyName ?? '?' });
    }
    const who = expertId === undefined ? ` · ${personName(t, await personOf(services, s.expertId))}` : '';
    lines.push(t('booking.slots.line', { id: s.id, kind: kindName(s.kind, t), when, state }) + who);
  }
  lines.push('', t('booking.slots.removeHint'));
  return [text(lines.join('\n'))];
}

async function run(turn: Turn, args: string): Promise<Reply[]> {
  const isStaff = hasRole(turn.person, 'staff');
  const isExpert = hasRole(turn.person, 'expert');
  const [first = '', ...restWords] = args.split(/\s+/).filter(Boolean);
  const word = first.toLowerCase();
  const rest = restWords.join(' ');

  if (forWords.includes(word)) {
    if (!isStaff) return deny(turn, ['staff'], 'slots.for');
    const [who = '', sub = '', ...more] = restWords;
    const expert = await findExpert(turn, who);
    if (!expert) return [error('not_expert', turn.t('booking.slots.noSuchExpert', { who }))];
    if (addWords.includes(sub.toLowerCase())) return addSlot(turn, expert, more.join(' '));
    if (removeWords.includes(sub.toLowerCase())) return removeSlot(turn, more.join(' '), true);
    return listSlots(turn, expert.id, turn.t('booking.slots.titleFor', { expert: personName(turn.t, expert) }));
  }
  if (!isExpert && !isStaff) return deny(turn, ['expert', 'staff'], 'slots');
  if (addWords.includes(word)) {
    if (!isExpert) return [error('use_for', turn.t('booking.slots.staffUseFor'))];
    return addSlot(turn, turn.person, rest);
  }
  if (removeWords.includes(word)) return removeSlot(turn, rest, isStaff);
  if (word !== '') return usage(turn);
  if (isExpert) return listSlots(turn, turn.person.id, turn.t('booking.slots.title'));
  return listSlots(turn, undefined, turn.t('booking.slots.titleAll'));
}

export const slotsCommand: Command = {
  name: 'slots',
  aliases: ['slot', '枠', '予約枠', 'スロット'],
  audience: ['expert', 'staff'],
  usage: 'slots [add <date> <time> <length> consultation|training [country] | remove <id> [reason]]',
  summary: 'booking.cmd.slots',
  roleHelp: {
    staff: {
      usage: 'slots [for <expert> add <date> <time> <length> consultation|training | remove <id> [reason]]',
      summary: 'booking.cmd.slotsStaff',
    },
  },
  run,
};
