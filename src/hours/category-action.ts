/**
 * The "change category" button under a confirmation: the inferred category is a guess, so the expert can
 * pick the right one (their own entry, not voided; staff any entry).
 */
import type { ActionHandler } from './needs.ts';
import { encodeAction } from '../core/action-value.ts';
import { choices, error, text } from '../core/reply.ts';
import { hasRole } from '../core/roles.ts';
import { actionIds } from './hours-words.ts';
import { categoryName } from './program-facts.ts';

export const changeCategoryAction: ActionHandler = {
  id: actionIds.changeCategory,
  async run(turn, action) {
    const { services, t, locale } = turn;
    // `<entryId>` asks for the category; `<entryId>:<code>` sets it.
    const m = /^(\d{1,9})(?::([a-z_]{1,30}))?$/.exec(action.v);
    if (!m) return [error('bad_button', t('core.error.badButton'))];
    const entry = await services.hours.get(Number(m[1]));
    if (!entry || entry.voidedAt || (entry.expertId !== turn.person.id && !hasRole(turn.person, 'staff'))) {
      return [error('not_yours', t('hours.category.notYours'))];
    }
    const code = m[2];
    if (code === undefined) {
      return [
        choices(
          t('hours.category.pick', { id: entry.id, note: entry.note }),
          services.program.hourCategories.map((c) => ({
            label: c.name[locale],
            value: encodeAction({ h: actionIds.changeCategory, v: `${entry.id}:${c.code}` }),
            style: c.code === entry.category ? ('primary' as const) : undefined,
          })),
          true,
        ),
      ];
    }
    if (!services.program.hourCategories.some((c) => c.code === code)) return [error('bad_button', t('core.error.badButton'))];
    if (!(await services.hours.setCategory(entry.id, code))) return [error('not_yours', t('hours.category.notYours'))];
    await services.audit.record({
      actorId: turn.person.id,
      action: 'hours.category_changed',
      subjectType: 'hourEntry',
      subjectId: entry.id,
      details: { from: entry.category, to: code },
    });
    return [text(t('hours.category.changed', { id: entry.id, category: categoryName(services.program, code, locale) }))];
  },
};
