/** Expected failures of the pipeline and engagement updates, worded for staff. */
import type { Turn } from './needs.ts';
import type { ApplicationView } from '../applications/application.ts';
import { nextEvents, type PipelineEvent } from '../applications/pipeline.ts';
import { error, type Reply } from '../core/reply.ts';
import { applicationName, day, eventLabel, statusLabel } from './words.ts';

export type Failure =
  | { code: 'not_found' }
  | { code: 'invalid_transition'; application: ApplicationView }
  | { code: 'stale'; application: ApplicationView }
  | { code: 'not_adopted'; application: ApplicationView }
  | { code: 'unknown_country'; application: ApplicationView }
  | { code: 'channel_taken'; application: ApplicationView; boundTo: ApplicationView | null }
  | { code: 'not_expert_for_country'; application: ApplicationView; expertName?: string }
  | { code: 'before_adoption'; application: ApplicationView; adoptedOn: string }
  | { code: 'after_period'; application: ApplicationView; supportEnds: string };

export function failureReply(turn: Turn, failure: Failure, ctx: { id: number; event?: PipelineEvent }): Reply[] {
  const { t } = turn;
  if (failure.code === 'not_found') return [error('not_found', t('staff.error.notFound', { id: ctx.id }))];
  const a = failure.application;
  const name = applicationName(turn, a);
  const status = statusLabel(turn, a.status);
  switch (failure.code) {
    case 'invalid_transition': {
      const next = nextEvents(a.status, 'staff').map((e) => eventLabel(turn, e));
      return [
        error(
          'invalid_transition',
          t('staff.error.invalidTransition', {
            name,
            status,
            step: ctx.event ? eventLabel(turn, ctx.event) : '',
            next: next.length ? next.join(' / ') : t('staff.detail.none'),
          }),
        ),
      ];
    }
    case 'stale':
      return [error('stale', t('staff.error.stale', { name, status, id: a.id }))];
    case 'not_adopted':
      return [error('not_adopted', t('staff.error.notAdopted', { name, status }))];
    case 'unknown_country':
      return [error('unknown_country', t('staff.error.unknownCountry', { name, country: a.country }))];
    case 'channel_taken':
      return [
        error('channel_taken', t('staff.error.channelTaken', { other: failure.boundTo ? applicationName(turn, failure.boundTo) : '?' })),
      ];
    case 'not_expert_for_country':
      return [error('not_expert_for_country', t('staff.error.notExpertForCountry', { name, expert: failure.expertName ?? '?' }))];
    case 'before_adoption':
      return [error('before_adoption', t('staff.error.beforeAdoption', { name, date: day(turn, failure.adoptedOn) }))];
    case 'after_period':
      return [error('after_period', t('staff.error.afterPeriod', { date: day(turn, failure.supportEnds) }))];
  }
}

/** No company of that name: with the look-alikes (same name without the legal form) when there are some. */
export function unknownCompany(turn: Turn, name: string, candidates: { id: number; name: string }[]): Reply[] {
  if (candidates.length === 0) return [error('unknown_company', turn.t('staff.quota.unknownCompany', { company: name }))];
  return [
    error('unknown_company', turn.t('staff.company.candidates', { company: name, candidates: candidates.map((c) => c.name).join(' / ') })),
  ];
}
