/**
 * The program category of an hour entry, guessed from the expert's note in Japanese or English. The
 * categories, what is not counted, the words that point to each, which one wins when a note names several
 * and the default all come from the program definition; this file only knows how to match them.
 */
import type { Program } from '../program/program-schema.ts';

export type CategoryInference =
  /** `matched` is false when no keyword was found and the default was taken (the expert may correct it). */
  | { kind: 'counted'; code: string; matched: boolean }
  /** The note describes work the program does not count (the expert's travel). */
  | { kind: 'not_counted'; code: string };

type Keywords = Program['hourCategories'][number]['keywords'];

/** Latin keywords match whole words; Japanese ones anywhere (Japanese has no spaces between words). */
function mentions(note: string, keywords: Keywords): boolean {
  let matcher = matchers.get(keywords);
  if (!matcher) {
    const tests = [...keywords.ja, ...keywords.en].map((w) => {
      if (!/^[\x20-\x7e]+$/.test(w)) return (n: string) => n.includes(w);
      const word = new RegExp(`(^|[^a-z0-9])${escapeRegExp(w)}($|[^a-z0-9])`);
      return (n: string) => word.test(n);
    });
    matcher = (n) => tests.some((test) => test(n));
    matchers.set(keywords, matcher);
  }
  return matcher(note);
}

/** One matcher per keyword list of the program, built once (every logged entry is matched). */
const matchers = new WeakMap<Keywords, (note: string) => boolean>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Infers the category of `note`, using only the codes and words the program defines. */
export function inferCategory(
  note: string,
  program: Pick<Program, 'hourCategories' | 'notCounted' | 'hourCategoryInference'>,
): CategoryInference {
  const folded = note.normalize('NFKC').toLowerCase();
  // What is not counted first: travel is refused even when the trip was for a meeting.
  for (const excluded of program.notCounted) {
    if (mentions(folded, excluded.keywords)) return { kind: 'not_counted', code: excluded.code };
  }
  const byCode = new Map(program.hourCategories.map((c) => [c.code, c]));
  for (const code of program.hourCategoryInference.precedence) {
    const category = byCode.get(code);
    if (category && mentions(folded, category.keywords)) return { kind: 'counted', code, matched: true };
  }
  const fallback = program.hourCategoryInference.default;
  return { kind: 'counted', code: byCode.has(fallback) ? fallback : program.hourCategories[0]!.code, matched: false };
}
