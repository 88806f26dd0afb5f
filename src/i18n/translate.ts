/** Turns a message key and parameters into text in one language. */
import { catalogs, type Locale, type MessageKey } from './catalog.ts';

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(locale: Locale): Translate {
  const catalog: Record<string, string> = catalogs[locale];
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
