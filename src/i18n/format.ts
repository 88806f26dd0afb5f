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

/** An instant in a time zone, e.g. `2021年9月10日（金）15:00` / `Fri 10 Sep 2021 15:00`. */
export function formatDateTime(at: Date, timeZone: string, locale: Locale): string {
  const local = new TZDate(at, timeZone);
  const isoDate = format(local, 'yyyy-MM-dd');
  return `${formatIsoDate(isoDate, locale)} ${format(local, 'HH:mm')}`;
}

/** The calendar date of an instant in a time zone, `YYYY-MM-DD`. */
export function isoDateIn(at: Date, timeZone: string): string {
  return format(new TZDate(at, timeZone), 'yyyy-MM-dd');
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
