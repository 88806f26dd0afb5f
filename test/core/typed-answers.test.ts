// The pieces every flow step reads typed answers with: cleaning, numbers and lists, exact decimals, the choice matcher.
import { describe, expect, it } from 'vitest';
import { matchChoice, matchChoiceLoosely } from '../../src/core/choice-matcher.ts';
import { compare, parseDecimal } from '../../src/core/exact-decimal.ts';
import type { Choice } from '../../src/core/reply.ts';
import { numeralsToDigits, readChoiceNumber, readNumberList } from '../../src/core/typed-numbers.ts';
import { cleanAnswer, isGreeting, withoutTrailingPoliteness } from '../../src/core/typed-text.ts';

describe('cleanAnswer', () => {
  it.each([
    ['えっと、日本法人です。', '日本法人'],
    ['弊社は現地法人です', '現地法人'],
    ['はい😀', 'はい'],
    ['Well, yes please!', 'yes'],
    ['ＹＥＳ！', 'yes'],
    ['1から3まで', '1から3まで'],
    ['そうですね', 'そう'],
  ])('%s -> %s', (typed, cleaned) => expect(cleanAnswer(typed)).toBe(cleaned));

  it('keeps a company name as typed, without the politeness after it', () => {
    expect(withoutTrailingPoliteness('サンプル商事株式会社です。')).toBe('サンプル商事株式会社');
    expect(withoutTrailingPoliteness('Book Off Trading Co., Ltd.')).toBe('Book Off Trading Co., Ltd.');
    expect(withoutTrailingPoliteness('株式会社まで')).toBe('株式会社まで');
  });

  it('knows a greeting on its own', () => {
    expect(isGreeting('こんにちは！')).toBe(true);
    expect(isGreeting('Hello')).toBe(true);
    expect(isGreeting('こんにちは、タイです')).toBe(false);
  });
});

describe('numbers', () => {
  it.each([
    ['二十時間', '20時間'],
    ['十九時間', '19時間'],
    ['二〇', '20'],
    ['百二十', '120'],
    ['twenty-one hours', '21 hours'],
  ])('%s -> %s', (typed, digits) => expect(numeralsToDigits(typed)).toBe(digits));

  it.each([
    ['1', 1],
    ['１番', 1],
    ['二つ目', 2],
    ['No. 3', 3],
    ['option 2', 2],
    ['the second one', 2],
    ['②', 2],
    ['3でお願いします', 3],
  ])('%s is choice %i', (typed, n) => expect(readChoiceNumber(typed)).toBe(n));

  it.each(['一覧', 'abc', '0', '1.5'])('%s is no choice number', (typed) => expect(readChoiceNumber(typed)).toBeUndefined());

  it.each([
    ['1-3', [1, 2, 3]],
    ['1〜3と5', [1, 2, 3, 5]],
    ['3-1', [1, 2, 3]],
    ['一、三、五', [1, 3, 5]],
    ['1 to 3 and 5', [1, 2, 3, 5]],
    ['テーマ1と4', [1, 4]],
  ])('%s lists %j', (typed, numbers) => expect(readNumberList(typed)).toEqual({ numbers, all: false, rest: '' }));

  it('reads all, and keeps what is not a number', () => {
    expect(readNumberList('全部').all).toBe(true);
    expect(readNumberList('1-3と判例').rest).toBe('判例');
  });
});

describe('exact decimals', () => {
  it('compares as typed: 19.999 is below 20, 20.000 is 20', () => {
    expect(compare(parseDecimal('19.999')!, parseDecimal('20')!)).toBe(-1);
    expect(compare(parseDecimal('20.000')!, parseDecimal('20')!)).toBe(0);
    expect(compare(parseDecimal('20.0001')!, parseDecimal('20')!)).toBe(1);
  });
});

describe('the choice matcher', () => {
  const choice = (label: string, extra: Partial<Choice> = {}): Choice => ({ label, value: label, ...extra });
  const entity = [
    choice('日本国内の法人（海外に現地法人・工場・駐在員事務所あり）', { words: ['日本法人'] }),
    choice('海外の現地法人', { words: ['現地法人', '子会社'] }),
    choice('日本企業の海外駐在員事務所'),
    choice('いずれにも当たらない'),
  ];
  const pick = (typed: string, shown: Choice[], numbers = true) =>
    matchChoice(typed, shown, { numbers })?.label ?? matchChoiceLoosely(typed, shown)?.label;

  it.each([
    ['海外の現地法人', '海外の現地法人'],
    ['日本国内の法人', '日本国内の法人（海外に現地法人・工場・駐在員事務所あり）'],
    ['「いずれにも当たらない」です', 'いずれにも当たらない'],
    ['日本法人です', '日本国内の法人（海外に現地法人・工場・駐在員事務所あり）'],
    ['2番', '海外の現地法人'],
    ['タイの子会社です', '海外の現地法人'],
    ['いずれにもあたらない', 'いずれにも当たらない'],
  ])('%s picks %s', (typed, label) => expect(pick(typed, entity)).toBe(label));

  it('does not guess between two labels, nor from an unsure answer', () => {
    expect(pick('法人', entity)).toBeUndefined();
    expect(pick('たぶん現地法人', entity)).toBeUndefined();
  });

  it('picks yes or no for choices that mean it, emoji included', () => {
    const yesNo = [choice('はい', { means: 'yes' }), choice('いいえ', { means: 'no' })];
    expect(pick('👍', yesNo)).toBe('はい');
    expect(pick('I agree', yesNo)).toBe('はい');
    expect(pick('同意はしません', yesNo)).toBe('いいえ');
  });

  it('leaves a bare number to a step that reads numbers, but not a numbered choice', () => {
    const hours = [choice('20時間以上利用した'), choice('20時間未満・利用なし')];
    expect(matchChoice('1', hours, { numbers: false })).toBeUndefined();
    expect(matchChoice('1番', hours, { numbers: false })?.label).toBe('20時間以上利用した');
    // 「0時間」 is not a part of 「20時間」.
    expect(matchChoiceLoosely('0時間', hours)).toBeUndefined();
  });
});
