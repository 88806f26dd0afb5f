/** Every message exists in Japanese and English with the same parameters. */
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../src/i18n/catalog.ts';
import { pickLocale, translator } from '../../src/i18n/translate.ts';
import { formatIsoDate } from '../../src/i18n/format.ts';

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  const ja: Record<string, string> = catalogs.ja;
  const en: Record<string, string> = catalogs.en;

  it('have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  });

  it.each(Object.keys(ja))('%s has the same parameters in both languages and no empty text', (key) => {
    expect(ja[key]!.trim()).not.toBe('');
    expect(en[key]!.trim()).not.toBe('');
    expect(params(en[key]!)).toEqual(params(ja[key]!));
  });

  it('fills parameters and leaves unknown ones visible', () => {
    expect(translator('en')('core.unknown', { text: 'x' })).toBe('I did not understand "x". Type help to see what you can do.');
    expect(translator('ja')('core.error.tooLong')).toContain('{max}');
  });

  it('picks the chosen language, else the platform locale, else Japanese', () => {
    expect(pickLocale('en', 'ja-JP')).toBe('en');
    expect(pickLocale(null, 'en-US')).toBe('en');
    expect(pickLocale(null, 'fr-FR')).toBe('ja');
    expect(pickLocale(undefined, undefined)).toBe('ja');
  });

  it('shows dates with the weekday as the program text does', () => {
    expect(formatIsoDate('2022-02-18', 'ja')).toBe('2022年2月18日（金）');
    expect(formatIsoDate('2021-07-15', 'ja')).toBe('2021年7月15日（木）');
    expect(formatIsoDate('2022-02-18', 'en')).toBe('Fri 18 Feb 2022');
  });
});
