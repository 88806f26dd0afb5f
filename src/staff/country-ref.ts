/** Countries as staff type them: codes (`th`), names or aliases from the program (`タイ`, `mainland china`). */
import { normalizeText } from '../core/text-normalize.ts';
import type { Program } from '../program/program-schema.ts';
import type { Locale } from '../i18n/catalog.ts';

/** The country code `word` names, if any. */
export function countryCodeOf(program: Program, word: string): string | undefined {
  const w = normalizeText(word);
  return program.countries.find(
    (c) =>
      c.code === w || c.aliases.some((a) => normalizeText(a) === w) || normalizeText(c.name.ja) === w || normalizeText(c.name.en) === w,
  )?.code;
}

/** Country codes named by `words` (two-word names such as "mainland china" are tried first), and the words not understood. */
export function parseCountries(program: Program, words: string[]): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = i + 1 < words.length ? countryCodeOf(program, `${words[i]} ${words[i + 1]}`) : undefined;
    const code = pair ?? countryCodeOf(program, words[i]!);
    if (pair) i++;
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else unknown.push(words[i]!);
  }
  return { codes, unknown };
}

/** The country's name in the reader's language (the code itself if the program does not know it). */
export function countryName(program: Program, code: string, locale: Locale): string {
  return program.countries.find((c) => c.code === code)?.name[locale] ?? code;
}
