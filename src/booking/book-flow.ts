/**
 * `book`: consultation (A1/A2) or training (topics, language), then a free slot of the engagement's experts
 * (soonest first, a page at a time), then confirm. The same flow moves an existing booking to another slot
 * (`rescheduleOf`): it starts at the slot question. The slot step also confirms, so a slot lost to another
 * applicant at the last moment brings the person straight back to the next free slots.
 */
import type { FlowDefinition } from './needs.ts';
import { flowChoice } from '../core/flow.ts';
import { choices, facts, text } from '../core/reply.ts';
import { vocabulary } from '../i18n/vocabulary.ts';
import { formatIsoDate } from '../i18n/format.ts';
import { menuToTopics } from './booking.ts';
import { applicantEngagements } from './applicant-engagements.ts';
import { countryOf, engagementName, menuText, whenLabel } from './booking-labels.ts';
import { bookingFacts, calendarReply, confirmationReplies } from './booking-notices.ts';
import { bookingDetails } from './booking-service.ts';
import { application, bookDataSchema, bookFlowId, bookInitialSchema, clip, type BookData } from './book-flow-data.ts';
import { slotStep } from './book-slot-step.ts';
import { topicsStep } from './book-topics-step.ts';

export { bookFlowId };

export const bookFlow: FlowDefinition<BookData> = {
  id: bookFlowId,
  dataSchema: bookDataSchema,

  async start(turn, initial) {
    const parsed = bookInitialSchema.parse(initial);
    if (parsed?.rescheduleOf !== undefined) {
      const booking = await turn.services.bookings.get(parsed.rescheduleOf);
      if (!booking) throw new Error(`booking ${parsed.rescheduleOf} to reschedule not found`);
      return {
        applicationId: booking.applicationId,
        kind: booking.kind,
        menu: booking.kind === 'consultation' ? booking.menu : undefined,
        topics: booking.kind === 'training' ? menuToTopics(booking.menu) : [],
        language: booking.language,
        page: 0,
        rescheduleOf: booking.id,
      };
    }
    const bookable = (await applicantEngagements(turn.services, turn.person, turn.now)).filter((e) => !e.block);
    return { applicationId: bookable.length === 1 ? bookable[0]!.application.id : undefined, topics: [], page: 0 };
  },

  firstStep: (_turn, data) => (data.rescheduleOf !== undefined ? 'slot' : data.applicationId === undefined ? 'engagement' : 'kind'),

  steps: {
    engagement: {
      async ask(turn) {
        const bookable = (await applicantEngagements(turn.services, turn.person, turn.now)).filter((e) => !e.block);
        return [
          choices(
            turn.t('booking.ask.engagement'),
            bookable.map((e) => {
              const country = countryOf(turn.services.program, e.application.country);
              // The country alone (「タイ」, 'Bangkok') tells the engagements apart, as does the company.
              const words = [e.application.companyName, country.name.ja, country.name.en, ...country.aliases, ...country.places];
              return {
                ...flowChoice(
                  bookFlowId,
                  'engagement',
                  String(e.application.id),
                  engagementName(e.application, turn.services.program, turn.t, turn.locale),
                ),
                words,
              };
            }),
          ),
        ];
      },
      async answer(turn, input, data) {
        const bookable = (await applicantEngagements(turn.services, turn.person, turn.now)).filter((e) => !e.block);
        const chosen = bookable.find((e) => String(e.application.id) === input.value);
        return chosen ? { ok: true, data: { ...data, applicationId: chosen.application.id } } : { ok: false };
      },
    },

    kind: {
      ask: (turn) => {
        const { services } = turn.services.program;
        const words = vocabulary.choices.bookingKind;
        return [
          choices(turn.t('booking.ask.kind'), [
            {
              ...flowChoice(bookFlowId, 'kind', 'consultation', services.consultation[turn.locale]),
              words: [...words.consultation, services.consultation.ja, services.consultation.en],
            },
            {
              ...flowChoice(bookFlowId, 'kind', 'training', services.training[turn.locale]),
              words: [...words.training, services.training.ja, services.training.en],
            },
          ]),
        ];
      },
      answer(_turn, input, data) {
        const kind = input.value === 'consultation' || input.value === 'training' ? input.value : undefined;
        if (!kind) return { ok: false };
        // A different kind means different slots: forget an earlier choice of slot.
        return { ok: true, data: { ...data, kind, slotId: undefined, page: 0 } };
      },
    },

    menu: {
      ask: (turn) => [
        choices(
          turn.t('booking.ask.menu'),
          turn.services.program.consultationMenu.map((m) => ({
            ...flowChoice(bookFlowId, 'menu', m.code, clip(`${m.code} ${m.title[turn.locale]}`)),
            words: [m.code, m.title.ja, m.title.en, ...m.aliases],
          })),
        ),
      ],
      answer(turn, input, data) {
        const code = input.value ?? (input.text ?? '').normalize('NFKC').trim().toUpperCase();
        const item = turn.services.program.consultationMenu.find((m) => m.code === code);
        return item ? { ok: true, data: { ...data, menu: item.code } } : { ok: false };
      },
    },

    topics: topicsStep,

    language: {
      async ask(turn, data) {
        const country = countryOf(turn.services.program, (await application(turn, data)).country);
        const local = country.localLanguage;
        return [
          choices(turn.t('booking.ask.language'), [
            { ...flowChoice(bookFlowId, 'language', 'ja', turn.t('booking.language.japanese')), words: vocabulary.choices.japanese },
            {
              ...flowChoice(bookFlowId, 'language', local.code, local.name[turn.locale]),
              words: [local.code, local.name.ja, local.name.en, ...local.aliases],
            },
          ]),
        ];
      },
      async answer(turn, input, data) {
        const country = countryOf(turn.services.program, (await application(turn, data)).country);
        const language = input.value === 'ja' || input.value === country.localLanguage.code ? input.value : undefined;
        return language ? { ok: true, data: { ...data, language } } : { ok: false };
      },
    },

    slot: slotStep,
  },

  next(_turn, stepId, data) {
    switch (stepId) {
      case 'engagement':
        return 'kind';
      case 'kind':
        return data.kind === 'consultation' ? 'menu' : 'topics';
      case 'menu':
        return 'slot';
      case 'topics':
        return 'language';
      case 'language':
        return 'slot';
      default:
        return null;
    }
  },

  title: (turn) => turn.t('booking.flow.title'),
  // A booking being moved, or any choice made, is lost by leaving.
  holdsWork: (data, _step, answered) => answered > 0 || data.rescheduleOf !== undefined,

  async finish(turn, data) {
    const { services, t, locale } = turn;
    const booking = data.bookingId === undefined ? null : await services.bookings.get(data.bookingId);
    if (!booking) return [];
    const details = await bookingDetails(services, booking);
    if (data.rescheduleOf === undefined) return confirmationReplies(details, services.program, t, locale, turn.now, 'applicant');
    const previous = data.previousSlotId === undefined ? null : await services.slots.get(data.previousSlotId);
    return [
      text(
        t('booking.moved', {
          id: booking.id,
          when: whenLabel(booking.slot.startsAt, booking.slot.minutes, booking.slot.country, services.program, t, locale),
        }),
      ),
      facts(t('booking.fact.title', { id: booking.id }), bookingFacts(details, services.program, t, locale)),
      ...(previous
        ? [calendarReply({ ...details, booking: { ...booking, slot: previous } }, previous, services.program, t, locale, turn.now, true)]
        : []),
      calendarReply(details, booking.slot, services.program, t, locale, turn.now),
    ];
  },

  help(turn, stepId) {
    const { t, locale, services } = turn;
    if (stepId === 'menu') return [text([menuText(services.program, locale), services.program.notes.menuMayChange[locale]].join('\n\n'))];
    if (stepId === 'topics') return [text(t('booking.help.topics', { handouts: services.program.notes.handouts[locale] }))];
    if (stepId === 'slot')
      return [
        text(
          t('booking.help.slot', {
            hours: services.program.booking.minimumLeadHours,
            date: formatIsoDate(services.program.dates.supportEnds, locale),
          }),
        ),
      ];
    return [text(t('booking.help.general'))];
  },
};
