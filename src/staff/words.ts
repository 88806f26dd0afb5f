/** Shared wording of the staff feature: statuses, steps, dates, hours, names. */
import type { Turn } from './needs.ts';
import type { ApplicationStatus, ApplicationView } from '../applications/application.ts';
import type { PipelineEvent } from '../applications/pipeline.ts';
import { formatDateTime, formatHours, formatIsoDate } from '../i18n/format.ts';
import { countryName } from './country-ref.ts';

export const statusLabel = (turn: Pick<Turn, 't'>, status: ApplicationStatus): string => turn.t(`staff.status.${status}`);
export const eventLabel = (turn: Pick<Turn, 't'>, event: PipelineEvent): string => turn.t(`staff.event.${event}`);

/** An instant in the program's home time zone (JETRO works in Tokyo time). */
export const when = (turn: Turn, at: Date): string => formatDateTime(at, turn.services.program.homeTimeZone, turn.locale);
export const day = (turn: Turn, isoDate: string): string => formatIsoDate(isoDate, turn.locale);
export const hours = (turn: Turn, minutes: number): string => formatHours(minutes, turn.locale);

/** `#12 Acme (Thailand)`. */
export function applicationName(
  turn: Pick<Turn, 't' | 'locale' | 'services'>,
  a: Pick<ApplicationView, 'id' | 'companyName' | 'country'>,
): string {
  return turn.t('staff.application.name', {
    id: a.id,
    company: a.companyName,
    country: countryName(turn.services.program, a.country, turn.locale),
  });
}

/** A person as shown to staff: their display name, else their number. */
export const personName = (turn: Pick<Turn, 't'>, person: { id: number; displayName: string } | null | undefined, id?: number): string =>
  person?.displayName || turn.t('staff.person.unnamed', { id: person?.id ?? id ?? 0 });
