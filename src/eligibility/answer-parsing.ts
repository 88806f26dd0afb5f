/**
 * Typed answers to the eligibility questions, in Japanese and English, full-width or half-width: yes/no, the
 * kind of entity, and the countries (names, cities and regions from the program definition). The words are
 * data (src/i18n/vocabulary.json, the program definition); the choices shown are matched by the flow engine.
 */
import { readYesNo } from '../core/typed-yes-no.ts';
import { readNumberList } from '../core/typed-numbers.ts';
import { answerKey, cleanAnswer, editDistance, fold, scanPhrases, typoAllowance } from '../core/typed-text.ts';
import { vocabulary } from '../i18n/vocabulary.ts';
import type { Program } from '../program/program-schema.ts';
import type { EntityKind } from './rules.ts';

/** `true` for はい / yes / 👍 / 「もちろんです」…, `false` for いいえ / no / 「同意しません」…, undefined otherwise. */
export function parseYesNo(input: string): boolean | undefined {
  return readYesNo(input);
}

const entityKinds = Object.keys(vocabulary.choices.entity) as EntityKind[];

/** The kind of entity named by a typed answer (「日本法人です」, 'local subsidiary'), or undefined. */
export function parseEntityKind(input: string): EntityKind | undefined {
  const key = answerKey(input);
  return entityKinds.find((kind) => vocabulary.choices.entity[kind].some((w) => answerKey(w) === key));
}

export interface ParsedPlaces {
  /** Program country codes, in the order typed, without repeats. */
  countries: string[];
  /** Excluded regions named (Hong Kong…), by their English name in the program. */
  excluded: string[];
  /** Parts of the answer that name no country, as typed. */
  unknown: string[];
}

interface PlaceName {
  phrase: string;
  kind: { country?: string; excluded?: string };
}

/** Every name the program knows for its countries and the regions it excludes, folded. */
function placeNames(program: Program): PlaceName[] {
  return [
    ...program.countries.flatMap((c) =>
      [...c.aliases, ...c.places, c.name.ja, c.name.en].map((a) => ({ phrase: fold(a), kind: { country: c.code } })),
    ),
    ...program.excludedRegions.flatMap((r) =>
      [...r.aliases, ...r.places, r.name.ja, r.name.en].map((a) => ({ phrase: fold(a), kind: { excluded: r.name.en } })),
    ),
  ];
}

const fillerPhrases = [...vocabulary.places.filler, ...vocabulary.lists.separators, ...vocabulary.lists.only].map((w) => ({
  phrase: fold(w),
  kind: 'filler' as const,
}));
const allWords = new Set(vocabulary.lists.all.map(fold));
const edgeMarks = /^[\s,、，/／・&+;；。.!?！？()（）「」✓✔☐☑]+|[\s,、，/／・&+;；。.!?！？()（）「」✓✔☐☑]+$/gu;

const marks = /[\s,、，/／・&+;；。.!?！？()（）「」✓✔☐☑]/gu;
// Single kanji (「国」, 「市」) stay when a name is shown back: 「韓国」 is not 「韓」.
const fillerWords = fillerPhrases
  .map((f) => f.phrase)
  .filter((w) => w.length > 1 || /^\p{Script=Hiragana}$/u.test(w))
  .sort((a, b) => b.length - a.length);
const isLatin = (ch: string | undefined) => ch !== undefined && /[a-z]/.test(ch);

/** A part between place names says nothing when it is only separators and filler words (「に工場があります」, 'we have a plant in'). */
function isFiller(piece: string): boolean {
  let rest = piece;
  for (const hit of scanPhrases(piece, fillerPhrases).reverse())
    rest = rest.slice(0, hit.index) + rest.slice(hit.index + hit.phrase.length);
  // A count among the names (「タイとベトナムの2カ国」) says nothing more about which.
  return rest.replace(marks, '').replace(/\d+/gu, '') === '';
}

/** An unknown name without the filler words around it, for saying which part was not understood: 「フィリピンに工場」 → 「フィリピン」. */
function trimFillers(part: string): string {
  let t = part.replace(edgeMarks, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of fillerWords) {
      if (t.length > w.length && t.endsWith(w) && !(isLatin(w[0]) && isLatin(t.at(-w.length - 1)))) {
        t = t.slice(0, -w.length).replace(edgeMarks, '');
        changed = true;
      } else if (t.length > w.length && t.startsWith(w) && !(isLatin(w.at(-1)) && isLatin(t[w.length]))) {
        t = t.slice(w.length).replace(edgeMarks, '');
        changed = true;
      }
    }
  }
  return t;
}

/** A place name with a typo ('Bankok', 'Vietnum'): the one name close enough, if exactly one country or region has it. */
function closeName(piece: string, names: PlaceName[]): PlaceName | undefined {
  const key = answerKey(piece);
  const allowance = typoAllowance(key);
  if (allowance === 0) return undefined;
  const close = names.filter(
    (n) => Math.abs(n.phrase.length - key.length) <= allowance && editDistance(answerKey(n.phrase), key) <= allowance,
  );
  const targets = new Set(close.map((n) => n.kind.country ?? `x:${n.kind.excluded}`));
  return targets.size === 1 ? close[0] : undefined;
}

/**
 * Reads the countries named in a typed answer: country names, cities and regions (「バンコク」, 'Ho Chi Minh City',
 * 「深圳」), the regions the program excludes (Hong Kong…), words around them (「バンコクに工場があります」), small typos,
 * 「全部」, and the countries' numbers as shown (「1と2」). Latin names stand as words: "th" is not found in "south".
 */
export function parseCountries(input: string, program: Program): ParsedPlaces {
  const t = cleanAnswer(input);
  if (allWords.has(t) || program.allCountries.some((w) => answerKey(w) === answerKey(t)))
    return { countries: program.countries.map((c) => c.code), excluded: [], unknown: [] };
  const numbered = readNumberList(t);
  if (
    !numbered.all &&
    numbered.rest === '' &&
    numbered.numbers.length > 0 &&
    numbered.numbers.every((n) => n >= 1 && n <= program.countries.length)
  ) {
    return { countries: numbered.numbers.map((n) => program.countries[n - 1]!.code), excluded: [], unknown: [] };
  }

  const names = placeNames(program);
  const hits = scanPhrases(t, names);
  const countries: string[] = [];
  const excluded: string[] = [];
  const unknown: string[] = [];
  const take = (kind: PlaceName['kind']) => {
    if (kind.country && !countries.includes(kind.country)) countries.push(kind.country);
    if (kind.excluded && !excluded.includes(kind.excluded)) excluded.push(kind.excluded);
  };
  const between = (piece: string) => {
    if (isFiller(piece)) return;
    // A piece may hold several unknown names: 「フィリピンとマレーシア」.
    for (const part of splitList(piece)) {
      if (isFiller(part)) continue;
      const close = closeName(trimFillers(part), names);
      if (close) take(close.kind);
      else unknown.push(trimFillers(part));
    }
  };
  let at = 0;
  for (const hit of hits) {
    between(t.slice(at, hit.index));
    take(hit.kind);
    at = hit.index + hit.phrase.length;
  }
  between(t.slice(at));
  return { countries, excluded, unknown: unknown.filter((u) => u !== '') };
}

const listSeparators = new RegExp(
  `(?:${[...vocabulary.lists.separators]
    .map(fold)
    .sort((a, b) => b.length - a.length)
    .map((w) =>
      /^[a-z]/.test(w) ? `(?<![a-z])${w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![a-z])` : w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'),
    )
    .join('|')})`,
  'gu',
);

function splitList(piece: string): string[] {
  return piece
    .split(listSeparators)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
