/**
 * Two applicants booking the same slot at once: exactly one gets it; the other is told and offered the next
 * free slots. Also across two database connections (two bot instances), and for the hours budget.
 */
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { runTs } from '../support/run-process.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { addSlot, bookableEngagement, choiceLabels, outboxFor } from './fixtures.ts';

const bookBurst = path.join(import.meta.dirname, 'support', 'book-burst.ts');
let tb: TestBot;
afterEach(() => tb.close());

const newBooking = (slotId: number, applicationId: number, applicantId: number, createdAt: Date) => ({
  slotId,
  applicationId,
  applicantId,
  kind: 'consultation' as const,
  menu: 'A1',
  language: 'ja',
  estimateMinutes: 60,
  createdAt,
});

describe('the booking race', { timeout: 30_000 }, () => {
  it('gives the slot to exactly one of two applicants confirming at once; the other is offered the next free slots', async () => {
    tb = await createTestBot();
    await bookableEngagement(tb, { company: 'Acme', country: 'th', applicant: 'aiko', experts: ['somchai'] });
    await bookableEngagement(tb, { company: 'Bolt', country: 'th', applicant: 'ben', experts: ['somchai'] });
    const contested = await addSlot(tb, 'somchai', '2021-09-15 14:00 1h consultation');
    await addSlot(tb, 'somchai', '2021-09-16 14:00 1h consultation');
    await addSlot(tb, 'somchai', '2021-09-17 14:00 1h consultation');

    const toConfirmation = async (user: string) => {
      let r = await tb.say(user, 'book');
      r = await tb.click(user, r, 'コンサルテーション');
      r = await tb.click(user, r, 'A1');
      return tb.click(user, r, '9月15日');
    };
    const [aikoAsk, benAsk] = [await toConfirmation('aiko'), await toConfirmation('ben')];
    const [aiko, ben] = await Promise.all([tb.click('aiko', aikoAsk, '予約する'), tb.click('ben', benAsk, '予約する')]);

    const results = [aiko, ben].map((r) => tb.textOf(r));
    const winners = results.filter((t) => /予約 #\d+ が確定しました/.test(t));
    const losers = [aiko, ben].filter((r) => tb.textOf(r).includes('その枠はちょうど他の方が予約されました'));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    // The loser sees the next free slots, without the one they lost.
    expect(choiceLabels(losers[0]!)).toEqual([
      '2021年9月16日（木） 16:00–17:00（現地 14:00–15:00）',
      '2021年9月17日（金） 16:00–17:00（現地 14:00–15:00）',
    ]);

    const bookings = await tb.db.prisma.booking.findMany();
    expect(bookings).toHaveLength(1);
    expect(bookings[0]!.slotId).toBe(contested);
    const reservations = (await tb.db.prisma.application.findMany({ orderBy: { id: 'asc' } })).map((a) => a.reservedMinutes).sort();
    expect(reservations).toEqual([0, 60]);
    expect((await outboxFor(tb, 'somchai')).filter((m) => m.text.includes('新しい予約'))).toHaveLength(1);

    // …and can book the next one straight away.
    const loser = losers[0] === aiko ? 'aiko' : 'ben';
    let r = await tb.click(loser, losers[0]!, '9月16日');
    r = await tb.click(loser, r, '予約する');
    expect(tb.textOf(r)).toMatch(/予約 #\d+ が確定しました/);
  });

  it('lets exactly one of eight simultaneous attempts take a slot', async () => {
    tb = await createTestBot();
    const slotId = await (async () => {
      await tb.grant('somchai', 'expert', { country: 'th' });
      return addSlot(tb, 'somchai', '2021-09-15 14:00 1h consultation');
    })();
    const apps = await Promise.all(
      Array.from({ length: 8 }, (_, i) => bookableEngagement(tb, { company: `Company ${i}`, country: 'th', applicant: `a${i}` })),
    );
    const people = await Promise.all(apps.map((_, i) => tb.personId(`a${i}`)));
    const results = await Promise.all(
      apps.map((appId, i) => tb.services.bookings.book(newBooking(slotId, appId, people[i]!, tb.clock.now()))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'slot_taken')).toHaveLength(7);
    expect(await tb.db.prisma.booking.count()).toBe(1);
    const reserved = (await tb.db.prisma.application.findMany()).reduce((sum, a) => sum + a.reservedMinutes, 0);
    expect(reserved).toBe(60);
  });

  it('holds across processes: two bot instances on one database file race for the same six slots', async () => {
    tb = await createTestBot();
    await tb.grant('somchai', 'expert', { country: 'th' });
    const slots: number[] = [];
    for (let day = 13; day <= 18; day++) slots.push(await addSlot(tb, 'somchai', `2021-09-${day} 14:00 1h consultation`));
    const appA = await bookableEngagement(tb, { company: 'A', country: 'th', applicant: 'a' });
    const appB = await bookableEngagement(tb, { company: 'B', country: 'th', applicant: 'b' });
    const burst = async (appId: number, user: string) =>
      runTs(bookBurst, [tb.databaseUrl, slots.join(','), String(appId), String(await tb.personId(user))]);
    const runs = await Promise.all([burst(appA, 'a'), burst(appB, 'b')]);
    const [a, b] = runs.map((r) => {
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as string[];
    });
    // Each slot went to exactly one of the two instances.
    for (let i = 0; i < slots.length; i++) expect([a![i], b![i]].sort()).toEqual(['ok', 'slot_taken']);
    const bookings = await tb.db.prisma.booking.findMany();
    expect(new Set(bookings.map((x) => x.slotId)).size).toBe(6);
    expect(bookings).toHaveLength(6);
    const reserved = (await tb.db.prisma.application.findMany()).reduce((sum, x) => sum + x.reservedMinutes, 0);
    expect(reserved).toBe(6 * 60);
  }, 120_000);

  it('never reserves beyond the cap when one engagement books several slots at once', async () => {
    tb = await createTestBot();
    // Singapore: 10 h cap; six simultaneous 2-hour bookings: five fit.
    const appId = await bookableEngagement(tb, { company: 'Acme', country: 'sg', applicant: 'aiko', experts: ['tan'] });
    const aiko = await tb.personId('aiko');
    const slots: number[] = [];
    for (let day = 13; day <= 18; day++) slots.push(await addSlot(tb, 'tan', `2021-09-${day} 10:00 2h consultation`));
    const results = await Promise.all(
      slots.map((slotId) => tb.services.bookings.book({ ...newBooking(slotId, appId, aiko, tb.clock.now()), estimateMinutes: 120 })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.code === 'over_budget')).toHaveLength(1);
    const app = await tb.db.prisma.application.findUniqueOrThrow({ where: { id: appId } });
    expect(app.reservedMinutes).toBe(600);
    // The refused booking left its slot open.
    expect(await tb.db.prisma.slot.count({ where: { status: 'open' } })).toBe(1);
  });
});
