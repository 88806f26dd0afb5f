/**
 * Numbers as people type them: digits (full-width folded), kanji (二十, 十九, 二〇), English words (twenty-one),
 * a choice's number (「1番」, 「2つ目」, "No. 3", "the second one"), and lists and ranges of numbers
 * (「1-3」, 「1〜3と5」, 「一、三、五」, "1 to 3", 「全部」). The words and marks come from the vocabulary data.
 */
import { vocabulary } from '../i18n/vocabulary.ts';
import { cleanAnswer, fold } from './typed-text.ts';

const { kanjiDigits, kanjiUnits, words: numberWords } = vocabulary.numbers;
const kanjiRun = new RegExp(`[${Object.keys(kanjiDigits).join('')}${Object.keys(kanjiUnits).join('')}]+`, 'gu');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A regex alternation of the words, longest first; Latin words only as whole words. */
const alternatives = (list: readonly string[]) =>
  [...new Set(list.map(fold))]
    .sort((a, b) => b.length - a.length)
    .map((w) => (/^[a-z]/.test(w) ? `(?<![a-z])${escapeRegExp(w)}` : escapeRegExp(w)) + (/[a-z]$/.test(w) ? '(?![a-z])' : ''))
    .join('|');

function kanjiValue(run: string): number {
  const chars = [...run];
  if (!chars.some((c) => c in kanjiUnits)) return Number(chars.map((c) => kanjiDigits[c]).join('')); // 二〇 = 20
  let total = 0;
  let current = 0;
  for (const c of chars) {
    if (c in kanjiUnits) {
      total += (current || 1) * kanjiUnits[c]!;
      current = 0;
    } else current = current * 10 + kanjiDigits[c]!;
  }
  return total + current;
}

const tens = Object.entries(numberWords)
  .filter(([, v]) => v >= 20 && v % 10 === 0)
  .map(([w]) => w);
const ones = Object.entries(numberWords)
  .filter(([, v]) => v >= 1 && v <= 9)
  .map(([w]) => w);
const compoundWords = new RegExp(`\\b(${tens.map(escapeRegExp).join('|')})[\\s-](${ones.map(escapeRegExp).join('|')})\\b`, 'g');
const singleWords = new RegExp(`\\b(${alternatives(Object.keys(numberWords))})\\b`, 'g');

/**
 * The text with kanji and English numerals written in digits: 「二十時間」 → 「20時間」, "twenty-one" → "21". Only for
 * answers where a number is expected (「一覧」 would become 「1覧」).
 */
export function numeralsToDigits(input: string): string {
  return fold(input)
    .replace(kanjiRun, (run) => String(kanjiValue(run)))
    .replace(compoundWords, (_, t: string, o: string) => String(numberWords[t]! + numberWords[o]!))
    .replace(singleWords, (w: string) => String(numberWords[w]));
}

const ordinal = new RegExp(
  `^(?:(?:the)\\s*)?(?:(?:${alternatives(vocabulary.numbers.ordinalPrefixes)})\\s*)?(\\d+)\\s*(?:(?:${alternatives(vocabulary.numbers.ordinalSuffixes)})\\s*)*$`,
  'u',
);

/** The number of a choice typed as 「1」, 「１番」, 「二つ目」, "No. 3", "option 2", "the second one"; undefined otherwise. */
const trailingNoun = new RegExp(`\\s*(?:${alternatives(vocabulary.numbers.ordinalNouns)})$`, 'u');

export function readChoiceNumber(input: string): number | undefined {
  const base = cleanAnswer(input);
  const withoutNoun = base.replace(trailingNoun, '').trim();
  const m = ordinal.exec(numeralsToDigits(withoutNoun || base));
  if (!m) return undefined;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

const rangePattern = new RegExp(
  `(\\d+)\\s*(?:${alternatives(vocabulary.lists.rangeMarks)})\\s*(\\d+)\\s*(?:${alternatives(vocabulary.lists.rangeEnds)})?`,
  'gu',
);
const numberPattern = /\d+/gu;
const allWords = new Set(vocabulary.lists.all.map(fold));

export interface NumberList {
  /** The numbers named, in ascending order, without repeats; `all` when the answer was 「全部」 / "all". */
  numbers: number[];
  all: boolean;
  /** What is left once the numbers, ranges and separators are taken out (a title typed, say), trimmed; '' when nothing. */
  rest: string;
}

/** Reads 「1-3」, 「1〜3と5」, 「1,4,5」, 「一、三、五」, "1 to 3 and 5", 「全部」. Ranges are inclusive; a reversed one is turned round. */
export function readNumberList(input: string): NumberList {
  const cleaned = cleanAnswer(input);
  if (allWords.has(cleaned)) return { numbers: [], all: true, rest: '' };
  const text = numeralsToDigits(cleaned);
  const found = new Set<number>();
  const withoutRanges = text.replace(rangePattern, (_, a: string, b: string) => {
    const [from, to] = [Number(a), Number(b)].sort((x, y) => x - y) as [number, number];
    // A range of more than a hundred is not a list of choices.
    if (to - from <= 100) for (let n = from; n <= to; n++) found.add(n);
    return ' ';
  });
  const rest = withoutRanges.replace(numberPattern, (d) => {
    found.add(Number(d));
    return ' ';
  });
  return { numbers: [...found].sort((a, b) => a - b), all: false, rest: withoutSeparators(rest) };
}

const separatorWords = [
  ...vocabulary.lists.separators,
  ...vocabulary.lists.only,
  ...vocabulary.numbers.ordinalSuffixes,
  ...vocabulary.numbers.ordinalPrefixes,
  'テーマ',
  'theme',
  'themes',
  'topic',
  'topics',
  'number',
  'numbers',
];
const separatorsPattern = new RegExp(`(?:${alternatives(separatorWords)}|[\\s.,、。])+`, 'gu');

/** What remains of a list once separators and connecting words are gone; '' when only they were left. */
function withoutSeparators(rest: string): string {
  const left = rest.replace(separatorsPattern, ' ').trim();
  return /^[\s]*$/.test(left) ? '' : left;
}
