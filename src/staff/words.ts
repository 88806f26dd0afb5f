/** Shared wording of the staff feature: statuses, steps, dates, hours, names. */
import type { Turn } from './needs.ts';
import type { ApplicationStatus, ApplicationView } from '../applications/application.ts';
import type { PipelineEvent } from '../applications/pipeline.ts';
import { formatDateTime, formatHours, formatIsoDate } from '../i18n/format.ts';
import { countryName } from './country-ref.ts';
import { personName as namePerson, type NamedPerson } from '../core/person-name.ts';

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

/** A person as shown to staff (see src/core/person-name.ts). */
export const personName = (turn: Pick<Turn, 't'>, person: NamedPerson | null | undefined, id?: number): string =>
  namePerson(turn.t, person, id);
