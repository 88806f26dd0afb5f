/** Long lists of choices are shown a page at a time, with a button for the next page. */
import type { Translate } from '../i18n/translate.ts';
import type { Choice } from './reply.ts';

export const defaultPageSize = 5;

/** The choices of page `page` (0-based), plus "previous"/"next" buttons made by `pageChoice`. */
export function pageOf(
  all: Choice[],
  page: number,
  t: Translate,
  pageChoice: (page: number, label: string) => Choice,
  size = defaultPageSize,
): Choice[] {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const current = Math.min(Math.max(0, page), pages - 1);
  const from = current * size;
  const shown = all.slice(from, from + size);
  if (current > 0) shown.push(pageChoice(current - 1, t('core.paging.previous')));
  if (current < pages - 1) {
    const nextFrom = from + size;
    shown.push(
      pageChoice(current + 1, t('core.paging.more', { from: nextFrom + 1, to: Math.min(nextFrom + size, all.length), total: all.length })),
    );
  }
  return shown;
}
