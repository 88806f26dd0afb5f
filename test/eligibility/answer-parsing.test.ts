// Typed answers in Japanese and English, full-width or not.
import { describe, expect, it } from 'vitest';
import { parseCountries, parseEntityKind, parseYesNo } from '../../src/eligibility/answer-parsing.ts';
import { formatTypedAmount, readPriorUse } from '../../src/eligibility/prior-use-amount.ts';
import { translator } from '../../src/i18n/translate.ts';
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
    ['はいあります', true],
    ['もちろん', true],
    ['もちろんです！', true],
    ['はい😀', true],
    ['👍', true],
    ['Yes, we do.', true],
    ['yes we do', true],
    ['agree', true],
    ['I agree', true],
    ['えっと、はい', true],
    ['問題ありません', true],
    ['disagree', false],
    ["I don't agree", false],
    ['利用なし', false],
    ['使ったことはない', false],
    ['同意はしません', false],
    ['👎', false],
  ])('%s -> %s', (typed, expected) => expect(parseYesNo(typed)).toBe(expected));

  it.each(['たぶん', 'maybe', '', 'yes no', 'はいいいえ', 'not sure', 'はい、多分'])('%s is neither', (typed) =>
    expect(parseYesNo(typed)).toBeUndefined(),
  );
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
    ['日本法人です', 'japan_corporation'],
    ['弊社は現地法人です。', 'local_corporation'],
    ['We are a local subsidiary', 'local_corporation'],
    ['いずれにも当たらない', 'other'],
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
    ['バンコク', ['th']],
    ['Bangkok', ['th']],
    ['ホーチミン', ['vn']],
    ['Ho Chi Minh City', ['vn']],
    ['ハノイ', ['vn']],
    ['上海', ['cn']],
    ['深圳', ['cn']],
    ['thai', ['th']],
    ['タイ国', ['th']],
    ['タイランド', ['th']],
    ['Bankok', ['th']],
    ['バンコクとハノイに工場があります', ['th', 'vn']],
    ['We have a plant in Bangkok and an office in Saigon', ['th', 'vn']],
    ['2と3', ['th', 'vn']],
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
    ['Southeast Asia', [], [], ['southeast asia']],
    // One unknown place does not hide the others.
    ['深圳と香港', ['cn'], ['Hong Kong'], []],
    ['タイとフィリピン', ['th'], [], ['フィリピン']],
    ['台北とバンコク', ['th'], ['Taiwan'], []],
  ])('%s -> countries %j, excluded %j, unknown %j', (typed, countries, excluded, unknown) =>
    expect(parseCountries(typed, program)).toEqual({ countries, excluded, unknown }),
  );
});

describe('readPriorUse', () => {
  const t = translator('ja');
  it.each([
    ['19.5', '19.5時間', false, 1170],
    ['20', '20時間', true, 1200],
    ['２０', '20時間', true, 1200],
    ['１９．５', '19.5時間', false, 1170],
    ['20時間', '20時間', true, 1200],
    ['19.5時間', '19.5時間', false, 1170],
    ['20h', '20時間', true, 1200],
    ['20 hours', '20時間', true, 1200],
    ['1時間半', '1時間30分', false, 90],
    ['19時間30分', '19時間30分', false, 1170],
    ['90分', '90分', false, 90],
    ['約20時間', '20時間', true, 1200],
    ['二十時間', '20時間', true, 1200],
    ['十九時間', '19時間', false, 1140],
    ['0', '0時間', false, 0],
    // At the boundary, compared and shown exactly as typed.
    ['19.999', '19.999時間', false, 1199],
    ['19.99', '19.99時間', false, 1199],
    ['20.000', '20.000時間', true, 1200],
  ])('%s -> %s (reaches 20 h: %s), %i whole minutes', (typed, shown, reaches, minutes) => {
    const reading = readPriorUse(typed, 20);
    expect(reading?.kind).toBe('amount');
    if (reading?.kind !== 'amount') return;
    expect(formatTypedAmount(reading.amount, t)).toBe(shown);
    expect(reading.atLeastThreshold).toBe(reaches);
    expect(reading.wholeMinutes).toBe(minutes);
  });

  it.each([
    ['20時間以上', true],
    ['25時間超', true],
    ['more than 20 hours', true],
    ['5時間未満', false],
    ['less than 10 hours', false],
    ['20時間未満', false],
  ])('%s -> only the side of the threshold: %s', (typed, reaches) =>
    expect(readPriorUse(typed, 20)).toEqual({ kind: 'bound', atLeastThreshold: reaches }),
  );

  it.each(['abc', '20 30分', '-3', '', '10時間以上', 'はい'])('%s is no amount that can be placed', (typed) =>
    expect(readPriorUse(typed, 20)).toBeUndefined(),
  );
});
