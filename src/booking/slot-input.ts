/**
 * Reads what an expert types after `slots add`: a date, a start time, a length, the kind and optionally the
 * country, in any order: `2021-09-15 14:00 90m consultation th`, `2021/9/15 14時 1.5h 研修`.
 */
import type { Program } from '../program/program-schema.ts';
import { maxSlotMinutes, minSlotMinutes, type SlotKind } from './slot.ts';

export interface SlotInput {
  isoDate: string;
  /** `HH:MM`, 24-hour. */
  time: string;
  /** Undefined when not given: the program's default estimate for the kind is used. */
  minutes?: number;
  kind: SlotKind;
  /** A country code when one was named. */
  country?: string;
}

export type SlotInputError =
  | { code: 'missing_date' | 'missing_time' | 'missing_kind' }
  | { code: 'bad_length'; min: number; max: number }
  | { code: 'unknown_word'; word: string };

export type ParsedSlotInput = ({ ok: true } & SlotInput) | ({ ok: false } & SlotInputError);

const kindWords: Record<SlotKind, readonly string[]> = {
  consultation: ['consultation', 'consult', 'a', '相談', 'コンサルテーション', 'コンサルティング', 'コンサル'],
  training: ['training', 'train', 'b', '研修', 'トレーニング', 'セミナー'],
};

const pad = (n: number) => String(n).padStart(2, '0');

function readDate(word: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(word);
  return m ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : undefined;
}

function readTime(word: string): string | undefined {
  const m = /^(\d{1,2})(?::(\d{2})|時(?:(\d{1,2})分)?|時半)$/.exec(word);
  if (!m) return undefined;
  const minutes = word.endsWith('時半') ? 30 : Number(m[2] ?? m[3] ?? 0);
  return `${pad(Number(m[1]))}:${pad(minutes)}`;
}

/** `90m`, `90min`, `90分`, `1.5h`, `2時間`, `1h30m`, `1時間30分`; undefined when the word is not a length. */
export function readLength(word: string): number | undefined {
  const hm = /^(\d+(?:\.\d+)?)(?:h|hr|hrs|hour|hours|時間)(?:(\d+)(?:m|min|mins|分))?$/.exec(word);
  if (hm) return Math.round(Number(hm[1]) * 60) + Number(hm[2] ?? 0);
  const m = /^(\d+)(?:m|min|mins|minutes|分|分間)$/.exec(word);
  return m ? Number(m[1]) : undefined;
}

function readCountry(word: string, program: Program): string | undefined {
  return program.countries.find((c) => c.code === word || c.aliases.some((a) => a.normalize('NFKC').toLowerCase() === word))?.code;
}

export function parseSlotInput(args: string, program: Program): ParsedSlotInput {
  const found: Partial<SlotInput> = {};
  for (const word of args.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean)) {
    const date = readDate(word);
    const time = readTime(word);
    const length = readLength(word);
    const kind = (Object.keys(kindWords) as SlotKind[]).find((k) => kindWords[k].includes(word));
    const country = readCountry(word, program);
    if (date && !found.isoDate) found.isoDate = date;
    else if (time && !found.time) found.time = time;
    else if (length !== undefined && found.minutes === undefined) found.minutes = length;
    else if (kind && !found.kind) found.kind = kind;
    else if (country && !found.country) found.country = country;
    else return { ok: false, code: 'unknown_word', word };
  }
  if (!found.isoDate) return { ok: false, code: 'missing_date' };
  if (!found.time) return { ok: false, code: 'missing_time' };
  if (!found.kind) return { ok: false, code: 'missing_kind' };
  if (found.minutes !== undefined && (found.minutes < minSlotMinutes || found.minutes > maxSlotMinutes))
    return { ok: false, code: 'bad_length', min: minSlotMinutes, max: maxSlotMinutes };
  return { ok: true, isoDate: found.isoDate, time: found.time, minutes: found.minutes, kind: found.kind, country: found.country };
}
