/**
 * The program category of an hour entry, guessed from the expert's note in Japanese or English. The
 * categories themselves (and what is not counted) come from the program definition; this file only knows
 * which words point to which code.
 */
import type { Program } from '../program/program-schema.ts';

export type CategoryInference =
  /** `matched` is false when no keyword was found and the default was taken (the expert may correct it). */
  | { kind: 'counted'; code: string; matched: boolean }
  /** The note describes work the program does not count (the expert's travel). */
  | { kind: 'not_counted'; code: string };

// Latin keywords match whole words; Japanese ones anywhere (Japanese has no spaces between words).
const keywords: Record<string, readonly string[]> = {
  travel: [
    'travel',
    'travelling',
    'traveling',
    'flight',
    'flights',
    'commute',
    'commuting',
    'taxi',
    'transit',
    'trip',
    '出張',
    '移動',
    '渡航',
    '往復',
    '交通',
    'フライト',
    '飛行機',
    '新幹線',
  ],
  follow_up: ['follow-up', 'follow up', 'followup', 'フォローアップ', 'フォロー'],
  review: [
    'nda',
    'ndas',
    'contract',
    'contracts',
    'agreement',
    'agreements',
    'review',
    'reviewed',
    'reviewing',
    'rules',
    'regulation',
    'regulations',
    'policy',
    'pledge',
    'clause',
    'clauses',
    '契約',
    'レビュー',
    '規程',
    '規則',
    '規定',
    '誓約書',
    '秘密保持',
    '条項',
    '添削',
    'チェック',
  ],
  materials: [
    'slides',
    'slide',
    'deck',
    'prepare',
    'prepared',
    'preparing',
    'preparation',
    'materials',
    'material',
    'handout',
    'handouts',
    'draft',
    'drafting',
    'report',
    '資料',
    '作成',
    'スライド',
    '準備',
    '報告書',
    'ドラフト',
  ],
  lecture: [
    'lecture',
    'lectures',
    'training',
    'seminar',
    'workshop',
    'presentation',
    '研修',
    '講演',
    '講義',
    'セミナー',
    '説明会',
    'トレーニング',
  ],
  phone: ['phone', 'call', 'calls', 'called', 'tel', 'telephone', '電話', '通話'],
  email: ['email', 'e-mail', 'emails', 'e-mails', 'mail', 'mails', 'メール', 'eメール'],
  meeting: [
    'meeting',
    'meetings',
    'mtg',
    'web meeting',
    'zoom',
    'teams',
    'webex',
    'visit',
    'consultation',
    'interview',
    '面談',
    '会議',
    'web会議',
    'tv会議',
    '打合せ',
    '打ち合わせ',
    'ミーティング',
    '相談',
    '訪問',
  ],
};

// Travel first: it is refused even when the trip was for a meeting. Then the activity (follow-up,
// contract review, preparing materials, lecturing) before the medium (phone, e-mail, meeting), because
// "review the NDA sent by e-mail" is contract review. Preparation comes before lecturing: 「研修資料作成」
// is preparing materials for a training, not the lecture itself.
const priority = ['follow_up', 'review', 'materials', 'lecture', 'phone', 'email', 'meeting'];

/** The category the program counts by default when the note names none: meetings are the most common work. */
export const defaultCategory = 'meeting';

function mentions(note: string, words: readonly string[]): boolean {
  return words.some((w) =>
    /^[\x20-\x7e]+$/.test(w) ? new RegExp(`(^|[^a-z0-9])${escapeRegExp(w)}($|[^a-z0-9])`).test(note) : note.includes(w),
  );
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Infers the category of `note`, using only the codes the program defines. */
export function inferCategory(note: string, program: Pick<Program, 'hourCategories' | 'notCounted'>): CategoryInference {
  const folded = note.normalize('NFKC').toLowerCase();
  for (const excluded of program.notCounted) {
    if (mentions(folded, keywords[excluded.code] ?? [])) return { kind: 'not_counted', code: excluded.code };
  }
  const codes = new Set(program.hourCategories.map((c) => c.code));
  for (const code of priority) {
    if (codes.has(code) && mentions(folded, keywords[code] ?? [])) return { kind: 'counted', code, matched: true };
  }
  const fallback = codes.has(defaultCategory) ? defaultCategory : program.hourCategories[0]!.code;
  return { kind: 'counted', code: fallback, matched: false };
}
