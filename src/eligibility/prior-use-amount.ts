/**
 * The prior-use answer typed as an amount of time: 「19.5」, 「二十時間」, 「19時間30分」, 「1時間半」, 「90分」, 「約20時間」,
 * 「20時間以上」, 'less than 5 hours'. Kept as typed (decimal strings) and compared exactly with the rule's
 * threshold: 19.999 hours is below 20 and is shown as 19.999.
 */
import { z } from 'zod';
import { add, compare, floor, fromNumber, multiply, parseDecimal, type ExactDecimal } from '../core/exact-decimal.ts';
import { numeralsToDigits } from '../core/typed-numbers.ts';
import { cleanAnswer, fold } from '../core/typed-text.ts';
import type { Translate } from '../i18n/translate.ts';
import { vocabulary } from '../i18n/vocabulary.ts';

const decimal = z.string().regex(/^\d+(?:\.\d+)?$/);
/** An amount as typed: hours, minutes or both, each a decimal string. */
export const typedAmountSchema = z.object({ hours: decimal.optional(), minutes: decimal.optional() });
export type TypedAmount = z.infer<typeof typedAmountSchema>;

export type PriorUseReading =
  /** An amount: compare it with the threshold. `wholeMinutes` is rounded down, for storage. */
  | { kind: 'amount'; amount: TypedAmount; wholeMinutes: number; atLeastThreshold: boolean }
  /** 「20時間以上」, 「5時間未満」: only which side of the threshold. */
  | { kind: 'bound'; atLeastThreshold: boolean };

const q = vocabulary.quantities;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternation = (list: readonly string[]) =>
  [...new Set(list.map(fold))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
const hourUnit = alternation(q.hourUnits);
const minuteUnit = alternation(q.minuteUnits);
const half = alternation(q.half);
const amountPattern = new RegExp(
  `^(\\d+(?:\\.\\d+)?)\\s*(?:(?:${hourUnit})\\s*(${half})?\\s*(?:(\\d+(?:\\.\\d+)?)\\s*(?:${minuteUnit}))?|(${minuteUnit}))?$`,
  'u',
);
/** Larger amounts are typos, not prior use (the program gives 17 hours a country a year). */
const maxMinutes = 100_000;

type Qualifier = 'about' | 'atLeast' | 'over' | 'under' | 'atMost';
const qualifiers: Qualifier[] = ['atLeast', 'over', 'under', 'atMost', 'about'];
const isLatin = (ch: string | undefined) => ch !== undefined && /[a-z]/.test(ch);

function stripPrefix(t: string, words: readonly string[]): string | undefined {
  for (const w of [...words].map(fold).sort((a, b) => b.length - a.length)) {
    if (t.startsWith(w) && !(isLatin(w.at(-1)) && isLatin(t[w.length]))) return t.slice(w.length).trim();
  }
  return undefined;
}

function stripSuffix(t: string, words: readonly string[]): string | undefined {
  for (const w of [...words].map(fold).sort((a, b) => b.length - a.length)) {
    if (t.endsWith(w) && !(isLatin(w[0]) && isLatin(t[t.length - w.length - 1]))) return t.slice(0, t.length - w.length).trim();
  }
  return undefined;
}

/** The answer without words that only say "used" (「20時間利用しました」, 「利用は20時間」). */
function withoutUsedWords(t: string): string {
  let out = t;
  for (const w of [...q.usedWords].map(fold).sort((a, b) => b.length - a.length)) out = out.split(w).join(' ');
  return out.replace(/^[\sはがをで、,]+|[\sはがをで、,]+$/gu, '').trim();
}

const zero: ExactDecimal = { digits: 0n, scale: 0 };

/** The exact minutes of an amount as typed. */
export function amountMinutes(amount: TypedAmount): ExactDecimal {
  const hours = amount.hours !== undefined ? parseDecimal(amount.hours) : undefined;
  const minutes = amount.minutes !== undefined ? parseDecimal(amount.minutes) : undefined;
  return add(hours ? multiply(hours, 60) : zero, minutes ?? zero);
}

function readAmount(t: string): { amount: TypedAmount; exact: ExactDecimal } | undefined {
  const m = amountPattern.exec(t);
  if (!m) return undefined;
  const amount: TypedAmount =
    m[4] !== undefined ? { minutes: m[1]! } : { hours: m[1]!, ...(m[2] ? { minutes: '30' } : m[3] ? { minutes: m[3] } : {}) };
  const exact = amountMinutes(amount);
  return compare(exact, fromNumber(maxMinutes)) > 0 ? undefined : { amount, exact };
}

/** Whether an amount reaches `thresholdHours`, exactly. */
export function amountReaches(amount: TypedAmount, thresholdHours: number): boolean {
  return compare(amountMinutes(amount), multiply(fromNumber(thresholdHours), 60)) >= 0;
}

/** Reads a typed amount of prior use against `thresholdHours`; undefined when it is no amount or cannot be placed. */
export function readPriorUse(input: string, thresholdHours: number): PriorUseReading | undefined {
  let t = withoutUsedWords(numeralsToDigits(cleanAnswer(input)));
  let qualifier: Qualifier | undefined;
  for (const kind of qualifiers) {
    const stripped = stripPrefix(t, q[kind].prefixes) ?? stripSuffix(t, q[kind].suffixes);
    if (stripped !== undefined) {
      qualifier = kind;
      t = withoutUsedWords(stripped);
      // 「約20時間くらい」: an "about" on both sides.
      if (kind === 'about') t = stripSuffix(t, q.about.suffixes) ?? t;
      break;
    }
  }
  const read = readAmount(t.replace(/\s+/g, ' '));
  if (!read) return undefined;
  const threshold = multiply(fromNumber(thresholdHours), 60);
  const side = compare(read.exact, threshold);
  switch (qualifier) {
    case undefined:
    case 'about':
      return { kind: 'amount', amount: read.amount, wholeMinutes: floor(read.exact), atLeastThreshold: side >= 0 };
    case 'atLeast':
    case 'over':
      return side >= 0 ? { kind: 'bound', atLeastThreshold: true } : undefined;
    case 'under':
      return side <= 0 ? { kind: 'bound', atLeastThreshold: false } : undefined;
    case 'atMost':
      return side < 0 ? { kind: 'bound', atLeastThreshold: false } : undefined;
  }
}

/** An amount as it was typed: 「19.99時間」, 「1時間30分」, '90 min'. */
export function formatTypedAmount(amount: TypedAmount, t: Translate): string {
  if (amount.hours !== undefined && amount.minutes !== undefined)
    return t('eligibility.amount.hoursMinutes', { hours: amount.hours, minutes: amount.minutes });
  if (amount.hours !== undefined) return t('eligibility.amount.hours', { hours: amount.hours });
  return t('eligibility.amount.minutes', { minutes: amount.minutes ?? '0' });
}
