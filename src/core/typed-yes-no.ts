/**
 * Yes or no, however it is typed: 「はい」, 「はいあります」, 「もちろんです」, 「はい😀」, 👍, "Yes, we do.", "I agree",
 * 「同意はしません」, "disagree", 「使ったことはない」. The words are the vocabulary's; an answer that says both, or
 * says it is unsure (「たぶん」, "not sure"), is not read, so the question is asked again.
 */
import { vocabulary } from '../i18n/vocabulary.ts';
import { cleanAnswer, fold, scanPhrases } from './typed-text.ts';

type Polarity = 'yes' | 'no' | 'unsure';

const phrases = [
  ...vocabulary.yesNo.yes.map((p) => ({ phrase: fold(p), kind: 'yes' as Polarity })),
  ...vocabulary.yesNo.no.map((p) => ({ phrase: fold(p), kind: 'no' as Polarity })),
  ...vocabulary.yesNo.unsure.map((p) => ({ phrase: fold(p), kind: 'unsure' as Polarity })),
];
const negativeEndings = vocabulary.yesNo.negativeEndings.map(fold);

/** Emoji that answer: replaced by a word before the rest of the emoji are dropped as decoration. */
function emojiAsWords(input: string): string {
  let t = input;
  for (const e of vocabulary.decoration.emoji.yes) t = t.replaceAll(e, ' yes ');
  for (const e of vocabulary.decoration.emoji.no) t = t.replaceAll(e, ' no ');
  return t;
}

/** `true` for yes, `false` for no, undefined when the answer is neither, both, or unsure. */
export function readYesNo(input: string): boolean | undefined {
  const t = cleanAnswer(emojiAsWords(input));
  if (t === '') return undefined;
  const found = scanPhrases(t, phrases);
  if (found.length === 0 || found.some((f) => f.kind === 'unsure')) return undefined;
  if (found.every((f) => f.kind === 'yes')) return true;
  if (found.every((f) => f.kind === 'no')) return false;
  // Japanese negates at the end of the sentence: 「同意はしません」, 「はい、ありません」 are a no.
  const last = found.at(-1)!;
  if (last.kind === 'no' && negativeEndings.some((e) => last.phrase.endsWith(e))) return false;
  return undefined;
}

/** True when the answer says it is unsure (「たぶん」, "not sure"): nothing should be guessed from it. */
export function soundsUnsure(input: string): boolean {
  return scanPhrases(cleanAnswer(input), phrases).some((f) => f.kind === 'unsure');
}
