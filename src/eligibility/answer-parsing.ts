/**
 * Typed answers to the eligibility questions, in Japanese and English, full-width or half-width:
 * yes/no, the kind of entity, country lists and hours.
 */
import { normalizeText } from '../core/text-normalize.ts';
import type { Program } from '../program/program-schema.ts';
import type { EntityKind } from './rules.ts';

/** Trailing punctuation people add to a one-word answer (「はい。」, "yes!"). */
function clean(input: string): string {
  return normalizeText(input).replace(/[。．.!！?？、,]+$/u, '').trim();
}

const yesWords = ['はい', 'yes', 'y', 'yeah', 'yep', 'sure', 'ok', 'okay', 'うん', 'ええ', 'ある', 'あり', 'あります', '有', '有り', 'する', 'します', '同意', '同意する', '同意します', 'はい、あります', 'はい、します', 'はい、同意します'];
const noWords = ['いいえ', 'no', 'n', 'nope', 'いや', 'ない', 'なし', '無し', 'ありません', 'しない', 'しません', '同意しない', '同意しません', 'いいえ、ありません', 'いいえ、しません', 'いいえ、同意しません'];

/** `true` for はい / yes / y…, `false` for いいえ / no / n…, undefined when it is neither. */
export function parseYesNo(input: string): boolean | undefined {
  const t = clean(input);
  if (yesWords.includes(t)) return true;
  if (noWords.includes(t)) return false;
  return undefined;
}

const entityWords: Record<Exclude<EntityKind, 'other'>, readonly string[]> = {
  japan_corporation: ['日本法人', '日本の法人', '日本企業', '日本の企業', '日本国内の法人', '国内法人', '日本本社', '本社', 'japanese corporation', 'japanese company', 'japan', 'headquarters', 'hq'],
  local_corporation: ['現地法人', '現地の法人', '現法', '子会社', '現地子会社', 'local corporation', 'local company', 'local subsidiary', 'subsidiary'],
  representative_office: ['駐在員事務所', '駐在事務所', '事務所', 'representative office', 'rep office', 'liaison office'],
};
const otherWords = ['その他', 'どれでもない', 'いずれでもない', '該当なし', 'other', 'none', 'none of these', 'none of them'];

/** The kind of entity named by a typed answer, or undefined. */
export function parseEntityKind(input: string): EntityKind | undefined {
  const t = clean(input);
  for (const [kind, words] of Object.entries(entityWords) as [EntityKind, readonly string[]][]) {
    if (words.includes(t)) return kind;
  }
  return otherWords.includes(t) ? 'other' : undefined;
}

export interface ParsedPlaces {
  /** Program country codes, in the order typed, without repeats. */
  countries: string[];
  /** Excluded regions named (Hong Kong…), by their English name in the program. */
  excluded: string[];
  /** Parts of the answer that name no country. */
  unknown: string[];
}

// Words between country names: 「タイとベトナム」, "Thailand, Vietnam", "China and Thailand".
const separator = '(?:[\\s,、，/／・&+＋;；]|と|及び|および|や|です|のみ|だけ|(?<![a-z])(?:and|or|only)(?![a-z]))';
const onlySeparators = new RegExp(`^${separator}+$`, 'u');
const edgeSeparators = new RegExp(`^${separator}+|${separator}+$`, 'gu');
const allWords = ['all', 'all of them', 'すべて', '全て', '全部', '全部です', 'すべてです', '4カ国', '4か国', '4ヵ国', '4ヶ国'];

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[a-z0-9]/.test(ch);
}

/**
 * Reads the countries named in a typed answer. Names are the program's aliases (NFKC, case-insensitive);
 * Latin names must stand as words, so "th" does not match inside "south".
 */
export function parseCountries(input: string, program: Program): ParsedPlaces {
  const t = clean(input);
  if (allWords.includes(t)) return { countries: program.countries.map((c) => c.code), excluded: [], unknown: [] };

  const names = [
    ...program.countries.flatMap((c) => c.aliases.map((a) => ({ alias: normalizeText(a), country: c.code, excluded: undefined }))),
    ...program.excludedRegions.flatMap((r) => r.aliases.map((a) => ({ alias: normalizeText(a), country: undefined, excluded: r.name.en }))),
  ].sort((a, b) => b.alias.length - a.alias.length);

  const countries: string[] = [];
  const excluded: string[] = [];
  const unknown: string[] = [];
  let pending = '';
  const flush = () => {
    if (pending && !onlySeparators.test(pending)) unknown.push(pending.replace(edgeSeparators, '').trim());
    pending = '';
  };
  let i = 0;
  while (i < t.length) {
    const hit = names.find(
      (n) => t.startsWith(n.alias, i) && !(/^[a-z0-9]/.test(n.alias) && (isWordChar(t[i - 1]) || isWordChar(t[i + n.alias.length]))),
    );
    if (!hit) {
      pending += t[i];
      i += 1;
      continue;
    }
    flush();
    if (hit.country && !countries.includes(hit.country)) countries.push(hit.country);
    if (hit.excluded && !excluded.includes(hit.excluded)) excluded.push(hit.excluded);
    i += hit.alias.length;
  }
  flush();
  return { countries, excluded, unknown };
}

const hourUnit = '(?:h|hr|hrs|hour|hours|時間)';
const minuteUnit = '(?:m|min|mins|minute|minutes|分)';
// "20時間以上" and "20時間くらい" mean 20 hours for this rule.
const qualifier = '(?:以上|くらい|ぐらい|程度|ほど|位)?';
/** `19.5`, `20時間`, `1時間半`, `19時間30分`, `20 hours`: minutes only after an hour unit. */
const hoursPattern = new RegExp(`^(\\d+(?:\\.\\d+)?)\\s*(?:${hourUnit}\\s*(半)?(?:\\s*(\\d+)\\s*${minuteUnit})?)?\\s*${qualifier}$`, 'u');
const minutesPattern = new RegExp(`^(\\d+)\\s*${minuteUnit}\\s*${qualifier}$`, 'u');
const maxMinutes = 100_000;

/** Hours typed as `19.5`, `20時間`, `２０`, `20h`, `1時間半`, `19時間30分`, `90分`, in whole minutes; undefined when not a duration. */
export function parseHours(input: string): number | undefined {
  const t = clean(input)
    .replace(/^(?:約|およそ|about|approx\.?|approximately|around)\s*/u, '')
    .trim();
  const minutesOnly = minutesPattern.exec(t);
  if (minutesOnly) return Number(minutesOnly[1]) <= maxMinutes ? Number(minutesOnly[1]) : undefined;
  const m = hoursPattern.exec(t);
  if (!m) return undefined;
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (minutes >= 60) return undefined;
  const total = Math.round((Number(m[1]) + (m[2] ? 0.5 : 0)) * 60 + minutes);
  return total <= maxMinutes ? total : undefined;
}
