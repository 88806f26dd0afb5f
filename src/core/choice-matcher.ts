/**
 * The one matcher every flow step shares: which of the choices shown a typed answer picks. In order: the label
 * typed back (exactly, without brackets and marks, or without its explanation in brackets), a word the choice
 * carries, yes or no for choices that mean it, the choice's number (on every platform, not only the console),
 * then a unique part of a label or a label with a typo.
 */
import type { Choice } from './reply.ts';
import { answerKey, editDistance, typoAllowance } from './typed-text.ts';
import { readChoiceNumber } from './typed-numbers.ts';
import { readYesNo } from './typed-yes-no.ts';

export interface MatchOptions {
  /** A bare number is the choice's number (false where the step reads numbers itself: hours, topic numbers). */
  numbers: boolean;
  /** Parts of labels and typos count (false where any text is an answer: a company name must match exactly). */
  loose: boolean;
}

/** Check marks and leading numbers that buttons carry (「✓ タイ」, 「☐ 1. 営業秘密の概要」). */
const buttonMarks = /^[\s✓✔☐☑☒]*(?:\d+\s*[.)．]\s*)?/u;
/** An explanation in brackets after the label proper: 「日本国内の法人（海外に…あり）」. */
const bracketed = /\s*[（(［[【][^）)］\]】]*[）)］\]】]\s*$/u;

/** The keys a label may be typed back as: whole, without marks, without its bracketed explanation. */
function labelKeys(label: string): string[] {
  const bare = label.replace(buttonMarks, '');
  const keys = [label, bare, bare.replace(bracketed, '')].map(answerKey).filter((k) => k !== '');
  return [...new Set(keys)];
}

const unique = <T>(list: T[]): T | undefined => (list.length === 1 ? list[0] : undefined);

const isAlnum = (ch: string | undefined) => ch !== undefined && /[a-z0-9]/.test(ch);

/** `part` inside `whole`, not cut out of a number or a Latin word (「0時間」 is not part of 「20時間」, "no" not of "not"). */
function containsAsPart(whole: string, part: string): boolean {
  for (let at = whole.indexOf(part); at >= 0; at = whole.indexOf(part, at + 1)) {
    const before = whole[at - 1];
    const after = whole[at + part.length];
    if (!(isAlnum(part[0]) && isAlnum(before)) && !(isAlnum(part.at(-1)) && isAlnum(after))) return true;
  }
  return false;
}

/** CJK answers are short; Latin ones need a few letters before a part of a label means anything. */
const meaningfulPart = (key: string) => (/[^\x00-\x7f]/.test(key) ? key.length >= 2 : key.length >= 3);

/** The choice a typed answer picks among `shown`, or undefined. */
export function matchChoice(typed: string, shown: readonly Choice[], options: MatchOptions): Choice | undefined {
  if (shown.length === 0) return undefined;
  const key = answerKey(typed);
  if (key === '') return undefined;
  const keyed = shown.map((choice) => ({ choice, keys: labelKeys(choice.label), words: (choice.words ?? []).map(answerKey).filter((w) => w !== '') }));

  const byLabel = keyed.filter((c) => c.keys.includes(key));
  if (byLabel.length > 0) return byLabel[0]!.choice;

  const byWord = unique(keyed.filter((c) => c.words.includes(key)));
  if (byWord) return byWord.choice;

  if (shown.some((c) => c.means)) {
    const yes = readYesNo(typed);
    if (yes !== undefined) {
      const meant = shown.find((c) => c.means === (yes ? 'yes' : 'no'));
      if (meant) return meant;
    }
  }

  if (options.numbers) {
    const n = readChoiceNumber(typed);
    if (n !== undefined) return shown[n - 1];
  }

  if (!options.loose) return undefined;
  if (meaningfulPart(key)) {
    const containing = unique(keyed.filter((c) => c.keys.some((k) => containsAsPart(k, key))));
    if (containing) return containing.choice;
  }
  const allowance = typoAllowance(key);
  if (allowance === 0) return undefined;
  const close = keyed.filter((c) => [...c.keys, ...c.words].some((k) => Math.abs(k.length - key.length) <= allowance && editDistance(k, key) <= allowance));
  return unique(close)?.choice;
}
