/** Dates, times and hours shown to people, in their language, with the weekday as the program text does. */
import { format } from 'date-fns/format';
import { TZDate } from '@date-fns/tz';
import type { Locale } from './catalog.ts';

const weekdaysJa = ['日', '月', '火', '水', '木', '金', '土'];

/** A calendar date `YYYY-MM-DD` as `2022年2月18日（金）` or `Fri 18 Feb 2022`. */
export function formatIsoDate(isoDate: string, locale: Locale): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(y, m - 1, d));
  if (locale === 'ja') return `${y}年${m}月${d}日（${weekdaysJa[utc.getUTCDay()]}）`;
  return format(new TZDate(utc, 'UTC'), 'EEE d MMM yyyy');
}

/**
 * One formatter per time zone, kept: `Intl.DateTimeFormat` reads the zone's rules once, where a `TZDate` asks for
 * the offset again on every field (about ten times slower, and every turn shows or stores a local date).
 */
const localFormats = new Map<string, Intl.DateTimeFormat>();
const lastParts = new Map<string, { minute: number; parts: { isoDate: string; time: string } }>();

/** The local calendar date (`YYYY-MM-DD`) and time (`HH:mm`) of an instant in a time zone. */
function localParts(at: Date, timeZone: string): { isoDate: string; time: string } {
  // Every instant of one minute has the same local date and time (zones are offset by whole minutes), and
  // most calls in a busy minute ask for this minute: the last answer per zone is kept (formatToParts is slow).
  const minute = Math.floor(at.getTime() / 60_000);
  const last = lastParts.get(timeZone);
  if (last?.minute === minute) return last.parts;
  let fmt = localFormats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    localFormats.set(timeZone, fmt);
  }
  const part: Record<string, string> = {};
  for (const { type, value } of fmt.formatToParts(at)) part[type] = value;
  const parts = { isoDate: `${part.year}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}` };
  lastParts.set(timeZone, { minute, parts });
  return parts;
}

/** An instant in a time zone, e.g. `2021年9月10日（金）15:00` / `Fri 10 Sep 2021 15:00`. */
export function formatDateTime(at: Date, timeZone: string, locale: Locale): string {
  const { isoDate, time } = localParts(at, timeZone);
  return `${formatIsoDate(isoDate, locale)} ${time}`;
}

/** The calendar date of an instant in a time zone, `YYYY-MM-DD`. */
export function isoDateIn(at: Date, timeZone: string): string {
  return localParts(at, timeZone).isoDate;
}

/** Minutes as hours for people: `1.5時間` / `1.5 h`, at most two decimals. */
export function formatHours(minutes: number, locale: Locale): string {
  const hours = Math.round((minutes / 60) * 100) / 100;
  return locale === 'ja' ? `${hours}時間` : `${hours} h`;
}

/** A sentence that starts with a name written in lower case ("mainland China: eligible") starts with a capital. */
export function capitalizeStart(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
