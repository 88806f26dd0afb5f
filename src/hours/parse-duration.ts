/**
 * Durations as experts type them, in minutes. A bare number is hours (`2`, `1.5`, `0.25`); units may be
 * English or Japanese (`2h`, `90m`, `1h30m`, `2時間`, `30分`, `1時間30分`, `1時間半`, `1.5時間`), or a clock
 * notation (`1:30`). Full-width digits and points (`２`, `１．５`) are folded with NFKC first.
 *
 * Rounding rule: the total is rounded to the nearest whole minute, halves up (`0.01` h = 0.6 min → 1 min;
 * `0.005` h = 0.3 min → 0, which is refused as zero). Rounding happens once, on the total, so `1.5h` and
 * `1h30m` are always the same 90 minutes.
 */

export type DurationErrorCode =
  /** Nothing was typed. */
  | 'empty'
  /** Not a duration we know how to read. */
  | 'unparseable'
  /** Zero, or less than half a minute once rounded. */
  | 'zero'
  | 'negative'
  /** Too many digits to be a number (would be Infinity). */
  | 'not_finite'
  /** More than one working day (`maxMinutes`) in one entry. */
  | 'too_long';

export type DurationResult = { ok: true; minutes: number } | { ok: false; code: DurationErrorCode };

export interface DurationLimits {
  /** The longest plausible single entry, program.hoursLedger.maxEntryMinutes. */
  maxMinutes: number;
}

// Decimal number without sign or exponent: `2`, `1.5`, `.5`, `2.` (a trailing point is a typo we forgive).
const num = String.raw`(\d+(?:\.\d*)?|\.\d+)`;
const hourUnit = '(?:h|hr|hrs|hour|hours|時間|じかん)';
const minuteUnit = '(?:m|min|mins|minute|minutes|分|ふん|ぷん)';

const forms: { pattern: RegExp; minutes: (m: RegExpExecArray) => number }[] = [
  // 2 / 1.5 / 0.25: hours
  { pattern: new RegExp(`^${num}$`), minutes: (m) => Number(m[1]) * 60 },
  // 2h / 1.5時間 / 2 hours
  { pattern: new RegExp(`^${num} ?${hourUnit}$`), minutes: (m) => Number(m[1]) * 60 },
  // 90m / 30分 / 45 min
  { pattern: new RegExp(`^${num} ?${minuteUnit}$`), minutes: (m) => Number(m[1]) },
  // 1h30m / 1時間30分 / 1h 30 / 1 hour 30 minutes
  { pattern: new RegExp(`^${num} ?${hourUnit} ?${num} ?${minuteUnit}?$`), minutes: (m) => Number(m[1]) * 60 + Number(m[2]) },
  // 1時間半 / 1h半: "and a half"
  { pattern: new RegExp(`^${num} ?${hourUnit}半$`), minutes: (m) => Number(m[1]) * 60 + 30 },
  // 1:30 (clock notation: minutes are two digits below 60)
  { pattern: /^(\d+):([0-5]\d)$/, minutes: (m) => Number(m[1]) * 60 + Number(m[2]) },
];

/** Reads a duration; see the file comment for the accepted forms and the rounding rule. */
export function parseDuration(input: string, limits: DurationLimits): DurationResult {
  const text = input.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, code: 'empty' };
  // A leading minus (ASCII, or the Unicode minus and dashes NFKC leaves alone) is a negative duration.
  const negative = /^[-−‐‑–—]/.test(text);
  const body = negative ? text.slice(1).trim() : text;

  for (const form of forms) {
    const match = form.pattern.exec(body);
    if (!match) continue;
    const exact = form.minutes(match);
    if (!Number.isFinite(exact)) return { ok: false, code: 'not_finite' };
    if (negative && exact > 0) return { ok: false, code: 'negative' };
    const minutes = Math.round(exact);
    if (minutes <= 0) return { ok: false, code: 'zero' };
    if (minutes > limits.maxMinutes) return { ok: false, code: 'too_long' };
    return { ok: true, minutes };
  }
  return { ok: false, code: 'unparseable' };
}
