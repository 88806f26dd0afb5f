/** Program facts the hours ledger needs, looked up in the program definition and worded for one language. */
import type { ApplicationView } from '../applications/application.ts';
import type { Locale } from '../i18n/catalog.ts';
import { isoDateIn } from '../i18n/format.ts';
import type { Translate } from '../i18n/translate.ts';
import type { Program } from '../program/program-schema.ts';

/** The engagement country's time zone (dates of work are that country's calendar dates). */
export function timeZoneOf(program: Program, countryCode: string): string {
  return program.countries.find((c) => c.code === countryCode)?.timeZone ?? program.homeTimeZone;
}

/** Today's date, `YYYY-MM-DD`, in the engagement's country. */
export function todayIn(program: Program, countryCode: string, now: Date): string {
  return isoDateIn(now, timeZoneOf(program, countryCode));
}

export function countryName(program: Program, countryCode: string, locale: Locale): string {
  return program.countries.find((c) => c.code === countryCode)?.name[locale] ?? countryCode;
}

export function categoryName(program: Program, code: string, locale: Locale): string {
  return program.hourCategories.find((c) => c.code === code)?.name[locale] ?? code;
}

export function notCountedName(program: Program, code: string, locale: Locale): string {
  return program.notCounted.find((c) => c.code === code)?.name[locale] ?? code;
}

/** `Acme（タイ）` / `Acme (Thailand)`. */
export function engagementLabel(
  app: Pick<ApplicationView, 'companyName' | 'country'>,
  program: Program,
  t: Translate,
  locale: Locale,
): string {
  return t('hours.engagement', { company: app.companyName, country: countryName(program, app.country, locale) });
}

/** True when `isoDate` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(isoDate: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
