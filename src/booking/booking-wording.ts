/** Turns the booking rules' refusal codes into words for the person who asked. */
import type { Turn } from './needs.ts';
import type { ApplicationView } from '../applications/application.ts';
import { formatIsoDate } from '../i18n/format.ts';
import { engagementName, hoursLabel } from './booking-labels.ts';
import type { EngagementBlock } from './booking-rules.ts';
import type { SlotRefusal } from './booking-service.ts';

export function blockText(turn: Turn, block: EngagementBlock, application: ApplicationView): string {
  const { program } = turn.services;
  const engagement = engagementName(application, program, turn.t, turn.locale);
  switch (block.code) {
    case 'not_adopted':
      return turn.t('booking.block.notAdopted', { engagement, status: turn.t(`booking.status.${block.status}`) });
    case 'ended':
      return turn.t('booking.block.ended', { engagement, status: turn.t(`booking.status.${block.status}`) });
    case 'form1_missing':
      return turn.t('booking.block.form1', { engagement });
    case 'form2_missing':
      return turn.t('booking.block.form2', { engagement });
    case 'no_expert':
      return turn.t('booking.block.noExpert', { engagement });
    case 'no_hours_left':
      return turn.t('booking.block.noHours', { engagement });
    case 'period_over':
      return turn.t('booking.block.periodOver', { date: formatIsoDate(program.dates.supportEnds, turn.locale) });
  }
}

export function refusalText(turn: Turn, refusal: SlotRefusal | { code: 'not_open' | 'too_late' | 'reason_required' }): string {
  const { program } = turn.services;
  switch (refusal.code) {
    case 'slot_taken':
      return turn.t('booking.refused.taken');
    case 'slot_unsuitable':
      return turn.t('booking.refused.unsuitable');
    case 'past':
      return turn.t('booking.refused.past');
    case 'too_soon':
      return turn.t('booking.refused.tooSoon', { hours: program.booking.minimumLeadHours });
    case 'after_period':
      return turn.t('booking.refused.afterPeriod', { date: formatIsoDate(program.dates.supportEnds, turn.locale) });
    case 'over_budget':
      return turn.t('booking.refused.overBudget', { remaining: hoursLabel(Math.max(0, refusal.remainingMinutes), turn.locale) });
    case 'not_open':
      return turn.t('booking.refused.notOpen');
    case 'too_late':
      return turn.t('booking.refused.tooLate', { hours: program.booking.minimumLeadHours });
    case 'reason_required':
      return turn.t('booking.cancel.reasonRequired');
  }
}
