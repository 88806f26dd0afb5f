/** The Teams adapter's translator: the core's messages and the adapter's own (ja.ts, en.ts beside this file). */
import type { Locale, MessageKey } from '../../../src/i18n/catalog.ts';
import { translatorWith, type Translate } from '../../../src/i18n/translate.ts';
import { teamsEn } from './en.ts';
import { teamsJa } from './ja.ts';

/** Both languages of the adapter's own messages (the catalog test checks they match). */
export const teamsCatalogs = { ja: teamsJa, en: teamsEn };

/** A message of the core's catalogs or of this adapter's own. */
export type TeamsKey = MessageKey | keyof typeof teamsJa;

export type TeamsTranslate = Translate<TeamsKey>;

export function teamsTranslator(locale: Locale): TeamsTranslate {
  return translatorWith(locale, teamsCatalogs);
}
