/**
 * Slot times: entered as a wall-clock time in the expert's country, stored as an instant, and shown to
 * people in both Japan time (the program's home time zone) and the country's local time.
 */
import { format } from 'date-fns/format';
import { TZDate } from '@date-fns/tz';
import type { Locale } from '../i18n/catalog.ts';
import { formatDateTime, isoDateIn } from '../i18n/format.ts';
import type { Country, Program } from '../program/program-schema.ts';

/** The instant of `YYYY-MM-DD` `HH:MM` on the wall clock of `timeZone`, or undefined when that time does not exist. */
export function instantFromLocal(isoDate: string, time: string, timeZone: string): Date | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const t = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!d || !t) return undefined;
  const [y, mo, day, h, mi] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  const local = new TZDate(y, mo - 1, day, h, mi, 0, timeZone);
  // Rejects 2021-02-30 and 25:00 (which Date would roll over) and times skipped by a clock change.
  if (format(local, 'yyyy-MM-dd HH:mm') !== `${isoDate} ${time.padStart(5, '0')}`) return undefined;
  return new Date(local.getTime());
}

/** `HH:mm` of an instant in a time zone. */
export function clockTimeIn(at: Date, timeZone: string): string {
  return format(new TZDate(at, timeZone), 'HH:mm');
}

/** The instant the support period ends: midnight after its last day, in the program's home time zone. */
export function supportPeriodEnd(program: Program): Date {
  const [y, m, d] = program.dates.supportEnds.split('-').map(Number) as [number, number, number];
  const nextDay = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return instantFromLocal(nextDay, '00:00', program.homeTimeZone)!;
}

export interface SlotTimes {
  /** Start and end in Japan time, with the date: `2021年9月15日（水）16:00–17:30`. */
  home: string;
  /** Start and end in the country's time, with the date only when it differs from the Japan date. */
  local: string;
  /** `UTC+7` */
  offset: string;
}

/** A slot's time in both Japan time and the country's local time. */
export function slotTimes(startsAt: Date, minutes: number, country: Country, program: Program, locale: Locale): SlotTimes {
  const end = new Date(startsAt.getTime() + minutes * 60_000);
  const home = `${formatDateTime(startsAt, program.homeTimeZone, locale)}–${clockTimeIn(end, program.homeTimeZone)}`;
  const sameDay = isoDateIn(startsAt, program.homeTimeZone) === isoDateIn(startsAt, country.timeZone);
  const localStart = sameDay ? clockTimeIn(startsAt, country.timeZone) : formatDateTime(startsAt, country.timeZone, locale);
  return { home, local: `${localStart}–${clockTimeIn(end, country.timeZone)}`, offset: country.utcOffsetLabel };
}
