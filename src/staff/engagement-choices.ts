/**
 * The buttons of an adopted engagement: the steps that really come next (Forms 1 and 2 received, assign an
 * expert). Closing the support is offered only on the application's detail, and it asks for a confirmation.
 */
import type { Turn } from './needs.ts';
import type { ApplicationView } from '../applications/application.ts';
import type { Choice } from '../core/reply.ts';
import { actionIds, button } from './staff-actions.ts';
import { eventLabel } from './words.ts';

/** `after`: right after a change (adopt, forms, assign); `detail`: the application's detail, with close. */
export function engagementChoices(turn: Pick<Turn, 't'>, a: ApplicationView, where: 'after' | 'detail'): Choice[] {
  if (a.status !== 'adopted') return [];
  const list: Choice[] = [];
  if (!a.form1ReceivedAt || !a.form2ReceivedAt) list.push(button(actionIds.forms, String(a.id), turn.t('staff.next.forms'), 'primary'));
  list.push(button(actionIds.assignPick, String(a.id), turn.t('staff.next.assign')));
  if (where === 'detail') list.push(button(actionIds.step, `close:${a.id}:${a.version}`, eventLabel(turn, 'close'), 'danger'));
  return list;
}
