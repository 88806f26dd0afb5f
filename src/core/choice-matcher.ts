/**
 * The one matcher every flow step shares: which of the choices shown a typed answer picks. For sure
 * (`matchChoice`): the label typed back (exactly, without brackets and marks, or without its explanation in
 * brackets), a word the choice carries, yes or no for choices that mean it, the choice's number (on every
 * platform, not only the console). Probably (`matchChoiceLoosely`): a unique part of a label, a choice's word
 * inside a longer answer, a label with a typo.
 */
import type { Choice } from './reply.ts';
import { answerKey, cleanAnswer, editDistance, labelNoiseGlobal, typoAllowance } from './typed-text.ts';
import { numeralsToDigits, readChoiceNumber } from './typed-numbers.ts';
import { readYesNo, soundsUnsure } from './typed-yes-no.ts';

export interface MatchOptions {
  /**
   * A bare number is the choice's number. False where the step reads numbers itself (hours, topic numbers): then
   * only a number marked as a choice's counts (「1番」, 'No. 1').
   */
  numbers: boolean;
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
const meaningfulPart = (key: string) => (/[^\p{ASCII}]/u.test(key) ? key.length >= 2 : key.length >= 3);

/** The keys and words of each choice, computed once per answer. */
function keyedChoices(shown: readonly Choice[]) {
  return shown.map((choice) => ({
    choice,
    keys: labelKeys(choice.label),
    words: (choice.words ?? []).map(answerKey).filter((w) => w !== ''),
  }));
}

/**
 * The choice a typed answer names for sure: its label (whole, without marks, or without its bracketed
 * explanation), one of its words, yes or no for a choice that means it, or its number. Runs before commands.
 */
export function matchChoice(typed: string, shown: readonly Choice[], options: MatchOptions): Choice | undefined {
  if (shown.length === 0) return undefined;
  const key = answerKey(typed);
  const keyed = keyedChoices(shown);

  if (key !== '') {
    // The whole label first; its part before a bracketed explanation only when no other label has it too.
    const whole = keyed.find((c) => c.keys[0] === key);
    if (whole) return whole.choice;
    const byLabel = unique(keyed.filter((c) => c.keys.includes(key)));
    if (byLabel) return byLabel.choice;
    const byWord = unique(keyed.filter((c) => c.words.includes(key)));
    if (byWord) return byWord.choice;
  }

  // Before the key: 👍 alone has no letters left once emoji are taken out.
  if (shown.some((c) => c.means)) {
    const yes = readYesNo(typed);
    if (yes !== undefined) {
      const meant = shown.find((c) => c.means === (yes ? 'yes' : 'no'));
      if (meant) return meant;
    }
  }
  if (key === '') return undefined;

  const bare = /^\d+$/.test(numeralsToDigits(cleanAnswer(typed)));
  if (options.numbers || !bare) {
    const n = readChoiceNumber(typed);
    if (n !== undefined) return shown[n - 1];
  }
  return undefined;
}

/**
 * The choice a typed answer probably means: a unique part of one label (「登録する」 of 「申請を登録する」), a word of
 * one choice inside the answer (「タイの子会社です」 names 「子会社」), or a label with a typo. Runs after commands
 * (「hours 1 call for Beta」 is a command, though it names a choice), and never for an unsure answer.
 */
export function matchChoiceLoosely(typed: string, shown: readonly Choice[]): Choice | undefined {
  if (shown.length === 0 || soundsUnsure(typed)) return undefined;
  const key = answerKey(typed);
  if (key === '') return undefined;
  const keyed = keyedChoices(shown);
  const spaced = spacedText(typed);

  if (meaningfulPart(key)) {
    // Words keep their boundaries ("register" in "Register the application"); Japanese ignores the marks (「利用実績を変更」).
    const japanese = /[^\p{ASCII}]/u.test(key);
    const containing = unique(
      keyed.filter(
        (c) =>
          labelTexts(c.choice.label).some((l) => containsAsPart(l, spaced)) || (japanese && c.keys.some((k) => containsAsPart(k, key))),
      ),
    );
    if (containing) return containing.choice;
  }
  const mentioned = unique(keyed.filter((c) => (c.choice.words ?? []).some((w) => mentions(spaced, spacedText(w)))));
  if (mentioned) return mentioned.choice;

  // A typo, not a part: 「Alpha株式会社」 is in two labels, and no typo of either.
  const allowance = typoAllowance(key);
  if (allowance === 0) return undefined;
  const close = keyed.filter((c) =>
    [...c.keys, ...c.words].some(
      (k) => Math.abs(k.length - key.length) <= allowance && !k.includes(key) && !key.includes(k) && editDistance(k, key) <= allowance,
    ),
  );
  return unique(close)?.choice;
}

/** Cleaned text with marks turned into single spaces: words keep their boundaries ("register the application"). */
function spacedText(input: string): string {
  return cleanAnswer(input).replace(labelNoiseGlobal, ' ').replace(/\s+/g, ' ').trim();
}

/** A label's texts for finding a part of it: whole, and without marks and numbers on the button. */
function labelTexts(label: string): string[] {
  return [...new Set([label, label.replace(buttonMarks, '')].map(spacedText))];
}

/** A word of at least a few letters (two for Japanese) that appears in the answer as a word. */
function mentions(answer: string, word: string): boolean {
  if (!meaningfulPart(word.replace(/\s/g, '')) || word.length >= answer.length) return false;
  return containsAsPart(answer, word);
}
