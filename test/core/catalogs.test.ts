/**
 * Every message exists in Japanese and English with the same parameters: the core's and the features'
 * catalogs (src/i18n) and each platform adapter's own (adapters/<platform>/i18n).
 */
import { describe, expect, it } from 'vitest';
import { slackCatalogs } from '../../adapters/slack/i18n/translate.ts';
import { teamsCatalogs, teamsTranslator } from '../../adapters/teams/i18n/translate.ts';
import { catalogs } from '../../src/i18n/catalog.ts';
import { pickLocale, translator } from '../../src/i18n/translate.ts';
import { formatIsoDate } from '../../src/i18n/format.ts';

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const sets: [string, { ja: Record<string, string>; en: Record<string, string> }][] = [
  ['src/i18n', catalogs],
  ['adapters/slack/i18n', slackCatalogs],
  ['adapters/teams/i18n', teamsCatalogs],
];

describe.each(sets)('message catalog %s', (_name, { ja, en }) => {
  it('has the same keys in both languages', () => {
    expect(Object.keys(ja).length).toBeGreaterThan(0);
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  });

  it.each(Object.keys(ja))('%s has the same parameters in both languages and no empty text', (key) => {
    expect(ja[key]!.trim()).not.toBe('');
    expect(en[key]!.trim()).not.toBe('');
    expect(params(en[key]!)).toEqual(params(ja[key]!));
  });
});

describe('message catalogs', () => {
  it('give each key one meaning: an adapter defines none of the core catalog keys', () => {
    const core = new Set(Object.keys(catalogs.ja));
    for (const [, own] of sets.slice(1)) expect(Object.keys(own.ja).filter((k) => core.has(k))).toEqual([]);
  });

  it("lets an adapter's translator use the core's messages and its own", () => {
    const t = teamsTranslator('en');
    expect(t('core.unknown', { text: 'x' })).toBe('I did not understand "x". Type help to see what you can do.');
    expect(t('teams.file.sent', { filename: 'a.csv' })).toBe('✔ The file a.csv was saved in your OneDrive.');
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
