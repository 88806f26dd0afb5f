/** Country and region names from the program definition, in the reader's language. */
import type { Locale } from '../i18n/catalog.ts';
import type { Program } from '../program/program-schema.ts';

export function countryName(program: Program, code: string, locale: Locale): string {
  return program.countries.find((c) => c.code === code)?.name[locale] ?? code.toUpperCase();
}

/** An excluded region stored by its English name (see rules.ts), in `locale`. */
export function excludedRegionName(program: Program, englishName: string, locale: Locale): string {
  return program.excludedRegions.find((r) => r.name.en === englishName)?.name[locale] ?? englishName;
}

/** Names joined as a list: 「タイ、ベトナム」 / "Thailand, Vietnam". */
export function joinNames(names: string[], locale: Locale): string {
  return names.join(locale === 'ja' ? '、' : ', ');
}
