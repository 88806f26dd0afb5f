/** Categories inferred from notes in Japanese and English, travel refused, a sensible default. */
import { describe, expect, it } from 'vitest';
import { inferCategory } from '../../src/hours/infer-category.ts';
import { loadProgram } from '../../src/program/load-program.ts';

const program = loadProgram('fy2021');

describe('inferCategory', () => {
  it.each([
    ['review NDA', 'review'],
    ['NDAレビュー', 'review'],
    ['就業規則の確認', 'review'],
    ['秘密保持契約のドラフトにコメント', 'review'],
    ['reviewed the non-compete agreement', 'review'],
    ['電話相談', 'phone'],
    ['call with HR manager', 'phone'],
    ['phone consultation', 'phone'],
    ['メール回答', 'email'],
    ['answered questions by e-mail', 'email'],
    ['Email to the plant manager', 'email'],
    ['研修', 'lecture'],
    ['管理職向け講演', 'lecture'],
    ['training for employees', 'lecture'],
    ['lecture on trade secrets', 'lecture'],
    ['フォローアップ面談', 'follow_up'],
    ['follow-up meeting', 'follow_up'],
    ['研修資料作成', 'materials'],
    ['prepare slides', 'materials'],
    ['スライド準備', 'materials'],
    ['面談', 'meeting'],
    ['web会議で体制ヒアリング', 'meeting'],
    ['Zoom with the management team', 'meeting'],
    ['Teams会議', 'meeting'],
    ['ＮＤＡ　レビュー', 'review'],
  ])('%s → %s', (note, code) => {
    expect(inferCategory(note, program)).toEqual({ kind: 'counted', code, matched: true });
  });

  it.each(['出張（バンコク→チョンブリ）', '移動時間', 'travel to the factory', 'flight to Hanoi', 'commute', '工場訪問のための移動'])(
    'refuses travel: %s',
    (note) => {
      expect(inferCategory(note, program)).toEqual({ kind: 'not_counted', code: 'travel' });
    },
  );

  it('takes meetings as the default when no keyword is found, and says it was not matched', () => {
    expect(inferCategory('ヒアリング', program)).toEqual({ kind: 'counted', code: 'meeting', matched: false });
    expect(inferCategory('misc', program)).toEqual({ kind: 'counted', code: 'meeting', matched: false });
  });

  it('matches Latin keywords as whole words only', () => {
    expect(inferCategory('gmail filters', program)).toEqual({ kind: 'counted', code: 'meeting', matched: false });
    expect(inferCategory('recall of documents', program)).toEqual({ kind: 'counted', code: 'meeting', matched: false });
    expect(inferCategory('training', program).kind).toBe('counted'); // "train" is not a travel word
  });

  it('reads the keywords, their precedence and the default from the program definition', () => {
    const edited = {
      ...program,
      hourCategories: program.hourCategories.map((c) => (c.code === 'phone' ? { ...c, keywords: { ja: ['ヒアリング'], en: [] } } : c)),
      hourCategoryInference: {
        precedence: ['meeting', ...program.hourCategoryInference.precedence.filter((c) => c !== 'meeting')],
        default: 'email',
      },
    };
    expect(inferCategory('ヒアリング', edited)).toEqual({ kind: 'counted', code: 'phone', matched: true });
    expect(inferCategory('review NDA in a meeting', edited)).toEqual({ kind: 'counted', code: 'meeting', matched: true });
    expect(inferCategory('misc', edited)).toEqual({ kind: 'counted', code: 'email', matched: false });
  });

  it('uses only the categories the program defines', () => {
    const without = { ...program, hourCategories: program.hourCategories.filter((c) => c.code !== 'review' && c.code !== 'meeting') };
    expect(inferCategory('review NDA', without)).toEqual({ kind: 'counted', code: 'phone', matched: false });
  });
});
