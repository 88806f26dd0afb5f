/**
 * How a person is named in every reply, notice, summary and export: the name their platform gives (or their
 * user name in the terminal), else 「利用者 #4（名前未登録）」 / "user #4 (no name yet)": never a bare `#4`, which
 * reads like a booking or application number.
 */
import type { Translate } from '../i18n/translate.ts';

/** Who a name is shown for: a stored person, or just their number. */
export interface NamedPerson {
  id: number;
  /** '' while the platform has not given a name. */
  displayName: string;
}

export function personName(t: Translate, person: NamedPerson | null | undefined, id?: number): string {
  return person?.displayName || t('core.person.unnamed', { id: person?.id ?? id ?? 0 });
}
