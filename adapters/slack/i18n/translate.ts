/** The Slack adapter's translator: the core's messages and the adapter's own (ja.ts, en.ts beside this file). */
import type { Locale, MessageKey } from '../../../src/i18n/catalog.ts';
import { translatorWith, type Translate } from '../../../src/i18n/translate.ts';
import { slackEn } from './en.ts';
import { slackJa } from './ja.ts';

/** Both languages of the adapter's own messages (the catalog test checks they match). */
export const slackCatalogs = { ja: slackJa, en: slackEn };

/** A message of the core's catalogs or of this adapter's own. */
export type SlackKey = MessageKey | keyof typeof slackJa;

export type SlackTranslate = Translate<SlackKey>;

export function slackTranslator(locale: Locale): SlackTranslate {
  return translatorWith(locale, slackCatalogs);
}
