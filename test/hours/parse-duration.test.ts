/** The duration parser: every notation people type round-trips to the same minutes, and nothing crashes it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/hours/parse-duration.ts';
import { loadProgram } from '../../src/program/load-program.ts';

const limits = { maxMinutes: loadProgram('fy2021').hoursLedger.maxEntryMinutes };
const parse = (s: string) => parseDuration(s, limits);

/** ASCII to full-width (what a Japanese IME types): `1.5` → `１．５`. */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** `minutes` written in each notation the parser promises to read. */
function notations(minutes: number): string[] {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const decimalHours = String(Number((minutes / 60).toFixed(6)));
  const forms = [
    decimalHours,
    `${decimalHours}h`,
    `${decimalHours} hours`,
    `${decimalHours}時間`,
    `${minutes}m`,
    `${minutes} min`,
    `${minutes}分`,
    `${h}h${m}m`,
    `${h}h ${m}m`,
    `${h} hour ${m} minutes`,
    `${h}時間${m}分`,
    `${h}:${String(m).padStart(2, '0')}`,
  ];
  if (m === 30) forms.push(`${h}時間半`);
  return forms;
}

describe('parseDuration', () => {
  it.each([
    ['2', 120],
    ['1.5', 90],
    ['0.25', 15],
    ['2h', 120],
    ['90m', 90],
    ['1h30m', 90],
    ['1:30', 90],
    ['2時間', 120],
    ['30分', 30],
    ['1時間30分', 90],
    ['1.5時間', 90],
    ['1時間半', 90],
    ['２', 120],
    ['１．５', 90],
    ['１時間３０分', 90],
    ['1H30M', 90],
    ['.5', 30],
    ['8', 480],
  ])('reads %s as %i minutes', (input, minutes) => {
    expect(parse(input)).toEqual({ ok: true, minutes });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['0', 'zero'],
    ['0:00', 'zero'],
    ['0.001', 'zero'],
    ['-1', 'negative'],
    ['－２時間', 'negative'],
    ['−1h', 'negative'],
    ['8.5', 'too_long'],
    ['481m', 'too_long'],
    ['24時間', 'too_long'],
    ['two hours', 'unparseable'],
    ['1:75', 'unparseable'],
    ['1e3', 'unparseable'],
    ['Infinity', 'unparseable'],
    ['NaN', 'unparseable'],
    ['1,5', 'unparseable'],
    ['9'.repeat(400), 'not_finite'],
  ])('refuses %j as %s', (input, code) => {
    expect(parse(input)).toEqual({ ok: false, code });
  });

  it('rounds to the nearest whole minute, halves up, once on the total', () => {
    expect(parse('0.01')).toEqual({ ok: true, minutes: 1 }); // 0.6 min
    expect(parse('0.0125')).toEqual({ ok: true, minutes: 1 }); // 0.75 min
    expect(parse('0.5m')).toEqual({ ok: true, minutes: 1 }); // exactly half a minute rounds up
    expect(parse('0.4m')).toEqual({ ok: false, code: 'zero' });
    expect(parse('1h29.5m')).toEqual({ ok: true, minutes: 90 });
  });

  it('round-trips every accepted notation to the same minutes (also full-width, upper case, padded)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: limits.maxMinutes }),
        fc.constantFrom<(s: string) => string>(
          (s) => s,
          fullWidth,
          (s) => s.toUpperCase(),
          (s) => `  ${s}\t`,
        ),
        (minutes, dress) => {
          for (const form of notations(minutes)) expect(parse(dress(form)), form).toEqual({ ok: true, minutes });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses every notation of more than a working day, and every negative one', () => {
    fc.assert(
      fc.property(fc.integer({ min: limits.maxMinutes + 1, max: 100_000 }), (minutes) => {
        for (const form of notations(minutes)) expect(parse(form), form).toEqual({ ok: false, code: 'too_long' });
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: limits.maxMinutes }), (minutes) => {
        for (const form of notations(minutes)) expect(parse(`-${form}`), form).toEqual({ ok: false, code: 'negative' });
      }),
    );
  });

  it('never crashes and only answers whole minutes within the limits or a known code, whatever it is given', () => {
    const codes = ['empty', 'unparseable', 'zero', 'negative', 'not_finite', 'too_long'];
    const anything = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.stringMatching(/^[-0-9.:hm時間分半 ０-９．：]{0,20}$/),
      fc.double().map(String),
    );
    fc.assert(
      fc.property(anything, (input) => {
        const r = parse(input);
        if (r.ok) {
          expect(Number.isInteger(r.minutes)).toBe(true);
          expect(r.minutes).toBeGreaterThanOrEqual(1);
          expect(r.minutes).toBeLessThanOrEqual(limits.maxMinutes);
        } else {
          expect(codes).toContain(r.code);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
