/**
 * Typed answers as the bot reads them: full-width folded, lower case, without the fillers, politeness,
 * punctuation and decorative emoji people add on a phone (「えっと、はい😀」 → 「はい」). The words come from
 * the vocabulary data; this file only applies them.
 */
import { vocabulary } from '../i18n/vocabulary.ts';

/** Emoji and their joiners, skin tones and variation selectors. */
const decorativeEmoji = /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\u200d|\uFE0E|\uFE0F/gu;
/** Punctuation at the edges of an answer (not ー: 「ノー」 ends with it). */
const edgePunctuation = /^[\s。．.!！?？、,，~〜～…:：;；"'“”‘’「」『』【】*＊]+|[\s。．.!！?？、,，~〜～…:：;；"'“”‘’「」『』【】*＊]+$/gu;

const isLatin = (ch: string | undefined) => ch !== undefined && /[a-z0-9]/.test(ch);
const byLength = (list: readonly string[]) => [...new Set(list.map(fold))].filter(Boolean).sort((a, b) => b.length - a.length);

/** NFKC, lower case, spaces collapsed: the common ground of every comparison. */
export function fold(input: string): string {
  return input.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const leading = byLength(vocabulary.decoration.leading);
const trailing = byLength(vocabulary.decoration.trailing);
const keepEndings = byLength(vocabulary.decoration.keepEndings);

function stripLeading(t: string): string | undefined {
  for (const w of leading) {
    // A Latin opener must stand as a word: "so" is not the start of "some".
    if (t.startsWith(w) && t.length > w.length && !(isLatin(w.at(-1)) && isLatin(t[w.length])))
      return t.slice(w.length).replace(edgePunctuation, '');
  }
  return undefined;
}

function stripTrailing(t: string): string | undefined {
  if (keepEndings.some((k) => t.endsWith(k))) return undefined;
  for (const w of trailing) {
    if (t.endsWith(w) && t.length > w.length && !(isLatin(w[0]) && isLatin(t[t.length - w.length - 1])))
      return t.slice(0, -w.length).replace(edgePunctuation, '');
  }
  return undefined;
}

/**
 * The answer without decoration: 「えっと、日本法人です。」 → 「日本法人」, "Well, yes please!" → "yes". Never strips
 * an answer down to nothing: 「そうですね」 alone stays as typed.
 */
export function cleanAnswer(input: string): string {
  let t = fold(input.replace(decorativeEmoji, ' ')).replace(edgePunctuation, '');
  for (let guard = 0; guard < 10; guard++) {
    const next = stripLeading(t) ?? stripTrailing(t);
    if (next === undefined || next === '') break;
    t = next;
  }
  return t;
}

/** Free text (a company name) without the politeness typed after it, case kept: 「サンプル商事です。」 → 「サンプル商事」. */
export function withoutTrailingPoliteness(input: string): string {
  const original = input.normalize('NFKC').trim();
  let t = original;
  for (let guard = 0; guard < 5; guard++) {
    // Japanese sentence ends (「。」, 「！」) may follow the politeness; a Latin full stop belongs to "Ltd.".
    const core = t.replace(/[\s。．!！?？、，]+$/u, '');
    const lower = core.toLowerCase();
    const w = trailing.find((x) => !/^[a-z]/.test(x) && lower.endsWith(x) && lower.length > x.length);
    if (!w || keepEndings.some((k) => lower.endsWith(k))) break;
    t = core.slice(0, core.length - w.length).trim();
  }
  return t === original ? original : t.replace(/[\s、，]+$/u, '');
}

/** Marks that carry no meaning when a label is typed back: brackets, check marks, dots, dashes, spaces. */
export const labelNoiseGlobal = /[\s・･·\-‐–—_/／.,、。，()（）「」『』【】[\]{}<>＜＞"'“”‘’:：;；!！?？✓✔☐☑☒✗✘•*＊#＃]/gu;

/** A string for equality tests: cleaned, then without spaces, brackets and marks (「Alpha株式会社（タイ）」 = 'alpha株式会社 タイ'). */
export function answerKey(input: string): string {
  return cleanAnswer(input).replace(labelNoiseGlobal, '');
}

/** A phrase found in a text, and where. */
export interface FoundPhrase<K> {
  phrase: string;
  kind: K;
  index: number;
}

/**
 * Finds the phrases in `text` left to right, the longest first at each position, without overlaps. Latin phrases
 * must stand as words ("no" is not found in "nothing"); Japanese ones are found anywhere. `text` must be folded.
 */
export function scanPhrases<K>(text: string, phrases: ReadonlyArray<{ phrase: string; kind: K }>): FoundPhrase<K>[] {
  const sorted = phrases.filter((p) => p.phrase !== '').sort((a, b) => b.phrase.length - a.phrase.length);
  const found: FoundPhrase<K>[] = [];
  let i = 0;
  while (i < text.length) {
    const hit = sorted.find(
      (p) =>
        text.startsWith(p.phrase, i) &&
        !(isLatin(p.phrase[0]) && isLatin(text[i - 1])) &&
        !(isLatin(p.phrase.at(-1)) && isLatin(text[i + p.phrase.length])),
    );
    if (!hit) {
      i += 1;
      continue;
    }
    found.push({ phrase: hit.phrase, kind: hit.kind, index: i });
    i += hit.phrase.length;
  }
  return found;
}

/** Levenshtein distance, for typos in labels and names ("Bankok", 「ベトナン」). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

/** How many typos a name of this length may carry and still be recognised: none for short ones. */
export function typoAllowance(key: string): number {
  const latin = /^[a-z0-9]+$/.test(key);
  if (latin) return key.length >= 9 ? 2 : key.length >= 5 ? 1 : 0;
  return key.length >= 8 ? 2 : key.length >= 4 ? 1 : 0;
}

/** True for a greeting on its own (「こんにちは」, "hello!"). */
export function isGreeting(input: string): boolean {
  const t = fold(input).replace(/[!！。.、,〜~ー]+$/u, '');
  return vocabulary.greetings.some((g) => fold(g) === t);
}
