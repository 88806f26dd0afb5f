// Typed answers in Japanese and English, full-width or not.
import { describe, expect, it } from 'vitest';
import { parseCountries, parseEntityKind, parseHours, parseYesNo } from '../../src/eligibility/answer-parsing.ts';
import { loadProgram } from '../../src/program/load-program.ts';

const program = loadProgram('fy2021');

describe('parseYesNo', () => {
  it.each([
    ['はい', true],
    ['はい。', true],
    ['Yes', true],
    ['YES!', true],
    ['y', true],
    ['ｙ', true],
    ['ｙｅｓ', true],
    ['あります', true],
    ['同意します', true],
    ['いいえ', false],
    ['no', false],
    ['N', false],
    ['ｎｏ', false],
    ['ありません', false],
    ['しません', false],
  ])('%s -> %s', (typed, expected) => expect(parseYesNo(typed)).toBe(expected));

  it.each(['たぶん', 'maybe', '', 'yes no', 'はいいいえ'])('%s is neither', (typed) => expect(parseYesNo(typed)).toBeUndefined());
});

describe('parseEntityKind', () => {
  it.each([
    ['日本法人', 'japan_corporation'],
    ['Japanese corporation', 'japan_corporation'],
    ['現地法人', 'local_corporation'],
    ['ＬＯＣＡＬ ＣＯＲＰＯＲＡＴＩＯＮ', 'local_corporation'],
    ['駐在員事務所', 'representative_office'],
    ['representative office', 'representative_office'],
    ['その他', 'other'],
    ['none of these', 'other'],
  ])('%s -> %s', (typed, kind) => expect(parseEntityKind(typed)).toBe(kind));

  it('does not guess', () => expect(parseEntityKind('工場')).toBeUndefined());
});

describe('parseCountries', () => {
  it.each([
    ['中国', ['cn']],
    ['中国大陸', ['cn']],
    ['China', ['cn']],
    ['ＣＨＩＮＡ', ['cn']],
    ['mainland china', ['cn']],
    ['タイ', ['th']],
    ['ﾀｲ', ['th']],
    ['Thailand', ['th']],
    ['ベトナム', ['vn']],
    ['ヴェトナム', ['vn']],
    ['Viet Nam', ['vn']],
    ['シンガポール', ['sg']],
    ['ｓｉｎｇａｐｏｒｅ', ['sg']],
    ['タイとベトナム', ['th', 'vn']],
    ['Thailand, Vietnam', ['th', 'vn']],
    ['Thailand and Vietnam', ['th', 'vn']],
    ['タイ、ベトナム、シンガポール', ['th', 'vn', 'sg']],
    ['タイ・ベトナム', ['th', 'vn']],
    ['ベトナム タイ', ['vn', 'th']],
    ['タイとタイ', ['th']],
    ['すべて', ['cn', 'th', 'vn', 'sg']],
    ['all', ['cn', 'th', 'vn', 'sg']],
  ])('%s -> %j', (typed, countries) => expect(parseCountries(typed, program)).toEqual({ countries, excluded: [], unknown: [] }));

  it.each([
    ['香港', [], ['Hong Kong'], []],
    ['中国と香港', ['cn'], ['Hong Kong'], []],
    ['Taiwan and Thailand', ['th'], ['Taiwan'], []],
    ['澳門', [], ['Macau'], []],
    ['臺灣', [], ['Taiwan'], []],
    ['韓国', [], [], ['韓国']],
    ['タイと韓国', ['th'], [], ['韓国']],
    // Short Latin aliases ("th") only count as whole words.
    ['South Korea', [], [], ['south korea']],
    ['Thai land', [], [], ['thai land']],
  ])('%s -> countries %j, excluded %j, unknown %j', (typed, countries, excluded, unknown) =>
    expect(parseCountries(typed, program)).toEqual({ countries, excluded, unknown }),
  );
});

describe('parseHours', () => {
  it.each([
    ['19.5', 1170],
    ['20', 1200],
    ['２０', 1200],
    ['１９．５', 1170],
    ['20時間', 1200],
    ['２０時間', 1200],
    ['19.5時間', 1170],
    ['20h', 1200],
    ['20 hours', 1200],
    ['1時間半', 90],
    ['19時間30分', 1170],
    ['90分', 90],
    ['約20時間', 1200],
    ['20時間以上', 1200],
    ['0', 0],
  ])('%s -> %i minutes', (typed, minutes) => expect(parseHours(typed)).toBe(minutes));

  it.each(['abc', '20 30分', '19時間75分', '-3', '二十時間', ''])('%s is not a duration', (typed) => expect(parseHours(typed)).toBeUndefined());
});
