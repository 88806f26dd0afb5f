/**
 * Splits `hours <duration> <note> [on YYYY-MM-DD] [for <company>]` into its parts. Works on the text as
 * typed so the note is kept verbatim; only the duration and the options are read after NFKC folding.
 */
import { parseDuration, type DurationErrorCode, type DurationLimits } from './parse-duration.ts';
import { isCalendarDate } from './program-facts.ts';

export type LogArgs = { ok: true; minutes: number; note: string; date: string | null; company: string | null };
export type LogArgsError = { ok: false; code: DurationErrorCode | 'note_missing' | 'bad_date' };

interface Token {
  raw: string;
  norm: string;
  start: number;
  end: number;
}

// A duration may be typed with spaces inside (`1 h 30 m`, `2 hours`): at most this many words.
const maxDurationWords = 4;

function tokens(raw: string): Token[] {
  return [...raw.matchAll(/\S+/g)].map((m) => ({
    raw: m[0],
    norm: m[0].normalize('NFKC').toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** `2021-09-10`, `2021/9/10`, `2021.9.10`, `2021年9月10日` → `2021-09-10`; undefined when it does not look like a date. */
function dateOf(norm: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(norm);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : undefined;
}

const onWords = new Set(['on', '日付', '実施日']);
const forWords = new Set(['for', '宛', '案件']);

/**
 * `isCompany` says whether a text after `for` names a company; when it does not, the words stay in the
 * note ("review NDA for the new hires" is a note, not a company).
 */
export async function parseLogArgs(
  raw: string,
  limits: DurationLimits,
  isCompany: (name: string) => Promise<boolean>,
): Promise<LogArgs | LogArgsError> {
  const all = tokens(raw);
  let durationWords = 0;
  let minutes = 0;
  for (let n = Math.min(maxDurationWords, all.length); n >= 1; n--) {
    const parsed = parseDuration(
      all
        .slice(0, n)
        .map((t) => t.norm)
        .join(' '),
      limits,
    );
    if (parsed.ok) {
      durationWords = n;
      minutes = parsed.minutes;
      break;
    }
  }
  if (durationWords === 0) {
    const first = parseDuration(all[0]?.raw ?? '', limits);
    return { ok: false, code: first.ok ? 'unparseable' : first.code };
  }

  let rest = all.slice(durationWords);
  let date: string | null = null;
  let company: string | null = null;
  // The options come last, in either order.
  for (let round = 0; round < 2; round++) {
    const last = rest.at(-1);
    const beforeLast = rest.at(-2);
    const looksLikeDate = last ? dateOf(last.norm) : undefined;
    if (date === null && beforeLast && onWords.has(beforeLast.norm) && looksLikeDate) {
      if (!isCalendarDate(looksLikeDate)) return { ok: false, code: 'bad_date' };
      date = looksLikeDate;
      rest = rest.slice(0, -2);
      continue;
    }
    const forAt = rest.findLastIndex((t) => forWords.has(t.norm));
    if (company === null && forAt >= 0 && forAt < rest.length - 1) {
      const name = raw
        .slice(rest[forAt + 1]!.start, rest.at(-1)!.end)
        .normalize('NFKC')
        .trim();
      if (await isCompany(name)) {
        company = name;
        rest = rest.slice(0, forAt);
        continue;
      }
    }
    break;
  }
  const note = rest.length ? raw.slice(rest[0]!.start, rest.at(-1)!.end) : '';
  if (note.trim() === '') return { ok: false, code: 'note_missing' };
  return { ok: true, minutes, note, date, company };
}
