/** Turns a message key and parameters into text in one language. */
import { catalogs, type Locale, type MessageKey } from './catalog.ts';

export type MessageParams = Record<string, string | number>;
export type Translate<K extends string = MessageKey> = (key: K, params?: MessageParams) => string;

export function translator(locale: Locale): Translate {
  return translate(catalogs[locale]);
}

/**
 * A translator over the core's messages and a platform adapter's own (kept beside the adapter, e.g.
 * adapters/teams/i18n), for an adapter that renders the core's replies and words of its own.
 */
export function translatorWith<K extends string>(locale: Locale, own: Record<Locale, Record<K, string>>): Translate<MessageKey | K> {
  return translate({ ...catalogs[locale], ...own[locale] });
}

function translate(catalog: Record<string, string>): Translate<string> {
  return (key, params) => {
    const template = catalog[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** The user's language: their choice, else the platform locale, else Japanese. */
export function pickLocale(chosen: string | null | undefined, platformLocale: string | null | undefined): Locale {
  for (const candidate of [chosen, platformLocale]) {
    const base = candidate?.toLowerCase().split(/[-_]/)[0];
    if (base === 'ja' || base === 'en') return base;
  }
  return 'ja';
}
