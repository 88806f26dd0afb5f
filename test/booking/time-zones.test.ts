/**
 * Slots are entered in the expert's local time (the country's time zone from the program) and shown in
 * both Japan time and local time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { instantFromLocal, slotTimes, supportPeriodEnd } from '../../src/booking/local-time.ts';
import { loadProgram } from '../../src/program/load-program.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';

const program = loadProgram('fy2021');
const country = (code: string) => program.countries.find((c) => c.code === code)!;

describe('local time of slots', { timeout: 30_000 }, () => {
  it('reads a wall-clock time in each country as the right instant', () => {
    expect(instantFromLocal('2021-09-15', '14:00', country('th').timeZone)?.toISOString()).toBe('2021-09-15T07:00:00.000Z');
    expect(instantFromLocal('2021-09-15', '14:00', country('vn').timeZone)?.toISOString()).toBe('2021-09-15T07:00:00.000Z');
    expect(instantFromLocal('2021-09-15', '14:00', country('cn').timeZone)?.toISOString()).toBe('2021-09-15T06:00:00.000Z');
    expect(instantFromLocal('2021-09-15', '14:00', country('sg').timeZone)?.toISOString()).toBe('2021-09-15T06:00:00.000Z');
  });

  it('refuses dates and times that do not exist', () => {
    expect(instantFromLocal('2021-02-29', '10:00', 'Asia/Bangkok')).toBeUndefined();
    expect(instantFromLocal('2021-09-15', '24:30', 'Asia/Bangkok')).toBeUndefined();
    expect(instantFromLocal('2021-09-15', '9:75', 'Asia/Bangkok')).toBeUndefined();
  });

  it('shows Bangkok 14:00 as 16:00 Japan time and Shanghai 14:00 as 15:00 Japan time', () => {
    const bangkok = instantFromLocal('2021-09-15', '14:00', 'Asia/Bangkok')!;
    expect(slotTimes(bangkok, 90, country('th'), program, 'ja')).toEqual({
      home: '2021年9月15日（水） 16:00–17:30',
      local: '14:00–15:30',
      offset: 'UTC+7',
    });
    const shanghai = instantFromLocal('2021-09-15', '14:00', 'Asia/Shanghai')!;
    expect(slotTimes(shanghai, 60, country('cn'), program, 'en')).toEqual({
      home: 'Wed 15 Sep 2021 15:00–16:00',
      local: '14:00–15:00',
      offset: 'UTC+8',
    });
  });

  it('gives the local date too when it differs from the Japan date', () => {
    const late = instantFromLocal('2021-09-15', '23:00', 'Asia/Ho_Chi_Minh')!;
    expect(slotTimes(late, 60, country('vn'), program, 'ja')).toEqual({
      home: '2021年9月16日（木） 01:00–02:00',
      local: '2021年9月15日（水） 23:00–00:00',
      offset: 'UTC+7',
    });
  });

  it('ends the support period at midnight Japan time after its last day', () => {
    expect(supportPeriodEnd(program).toISOString()).toBe('2022-02-18T15:00:00.000Z');
  });
});

describe('slots entered through the bot', { timeout: 30_000 }, () => {
  let tb: TestBot;
  afterEach(() => tb.close());

  it('takes the time zone of the expert’s country', async () => {
    tb = await createTestBot();
    await tb.grant('somchai', 'expert', { country: 'th' });
    await tb.grant('li', 'expert', { country: 'cn' });
    expect(tb.textOf(await tb.say('somchai', 'slots add 2021-09-15 14:00 90m consultation'))).toContain(
      '2021年9月15日（水） 16:00–17:30（日本時間）／現地 14:00–15:30（UTC+7）',
    );
    expect(tb.textOf(await tb.say('li', 'slots add 2021-09-15 14:00 1h training', { locale: 'en' }))).toContain(
      'Wed 15 Sep 2021 15:00–16:00 Japan time / 14:00–15:00 local time (UTC+8)',
    );
    const stored = await tb.db.prisma.slot.findMany({ orderBy: { id: 'asc' } });
    expect(stored.map((s) => [s.country, s.startsAt.toISOString(), s.minutes])).toEqual([
      ['th', '2021-09-15T07:00:00.000Z', 90],
      ['cn', '2021-09-15T06:00:00.000Z', 60],
    ]);
  });

  it('asks an expert for several countries which one, and uses that country’s time', async () => {
    tb = await createTestBot();
    await tb.grant('minh', 'expert', { country: 'th' });
    await tb.grant('minh', 'expert', { country: 'sg' });
    const unsure = await tb.say('minh', 'slots add 2021-09-15 14:00 1h consultation');
    expect(unsure[0]).toMatchObject({ kind: 'error', code: 'which_country' });
    expect(tb.textOf(unsure)).toContain('th (タイ), sg (シンガポール)');
    expect(tb.textOf(await tb.say('minh', 'slots add 2021-09-15 14:00 1h consultation シンガポール'))).toContain(
      '15:00–16:00（日本時間）／現地 14:00–15:00（UTC+8）',
    );
    const refused = await tb.say('minh', 'slots add 2021-09-15 14:00 1h consultation vn');
    expect(refused[0]).toMatchObject({ kind: 'error', code: 'not_your_country' });
  });
});
