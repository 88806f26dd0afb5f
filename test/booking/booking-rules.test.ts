/**
 * What may be booked: only adopted engagements with Forms 1 and 2 received and an expert assigned; never in
 * the past, inside the minimum lead time or after the support period; never beyond the hours left, counting
 * the other open bookings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bookSlot } from '../../src/booking/booking-service.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { addSlot, bookableEngagement, choiceLabels } from './fixtures.ts';

let tb: TestBot;
afterEach(() => tb.close());

const consultation = { kind: 'consultation' as const, menu: 'A1' };

async function reserved(appId: number): Promise<number> {
  return (await tb.db.prisma.application.findUniqueOrThrow({ where: { id: appId } })).reservedMinutes;
}

describe('who may book', { timeout: 30_000 }, () => {
  it('says which step is missing', async () => {
    tb = await createTestBot();
    await tb.grant('nocompany', 'applicant');
    expect(tb.textOf(await tb.say('nocompany', 'book'))).toContain('申請企業に紐づいていません');
    expect((await tb.say('stranger', 'book'))[0]).toMatchObject({ kind: 'error', code: 'forbidden' });

    await bookableEngagement(tb, { company: 'Waiting', country: 'th', applicant: 'w', status: 'screening' });
    expect(tb.textOf(await tb.say('w', 'book'))).toContain('Waiting（タイ）: 申請は現在「審査中」です。採択後に予約できます。');
    await bookableEngagement(tb, { company: 'NoForm1', country: 'vn', applicant: 'f1', experts: ['e1'], form1: false, form2: false });
    // Every missing step, not only the first: both forms here.
    const missing = tb.textOf(await tb.say('f1', 'book'));
    expect(missing).toContain('NoForm1（ベトナム）: 様式1「保有情報リスト」がまだ受領されていません。');
    expect(missing).toContain(
      'NoForm1（ベトナム）: 様式2「情報管理体制セルフチェックシート／専門家コメントシート」がまだ受領されていません。',
    );
    await bookableEngagement(tb, { company: 'NothingYet', country: 'th', applicant: 'n3', form1: false, form2: false });
    const three = tb.textOf(await tb.say('n3', 'book'));
    expect(three.match(/^• NothingYet/gm)).toHaveLength(3);
    expect(three).toContain('担当の専門家がまだ決まっていません');
    await bookableEngagement(tb, { company: 'NoForm2', country: 'vn', applicant: 'f2', experts: ['e1'], form2: false });
    expect(tb.textOf(await tb.say('f2', 'book'))).toContain(
      '様式2「情報管理体制セルフチェックシート／専門家コメントシート」がまだ受領されていません。',
    );
    await bookableEngagement(tb, { company: 'NoExpert', country: 'cn', applicant: 'ne' });
    expect(tb.textOf(await tb.say('ne', 'book', { locale: 'en' }))).toContain(
      'NoExpert (mainland China): no expert has been assigned yet.',
    );
  });

  it('asks which engagement when the company has several that can book', async () => {
    tb = await createTestBot();
    await bookableEngagement(tb, { company: 'Acme', country: 'th', applicant: 'aiko', experts: ['somchai'] });
    await bookableEngagement(tb, { company: 'Acme', country: 'vn', experts: ['minh'] });
    await bookableEngagement(tb, { company: 'Acme', country: 'cn', status: 'received' });
    await addSlot(tb, 'minh', '2021-09-15 14:00 1h consultation');
    let r = await tb.say('aiko', 'book');
    expect(choiceLabels(r)).toEqual(['Acme（タイ）', 'Acme（ベトナム）']);
    r = await tb.say('aiko', 'ベトナム');
    r = await tb.click('aiko', r, 'コンサルテーション');
    r = await tb.click('aiko', r, 'A1');
    expect(choiceLabels(r)).toEqual(['2021年9月15日（水） 16:00–17:00（現地 14:00–15:00）']);
  });
});

describe('when a slot may be booked', { timeout: 30_000 }, () => {
  it('keeps the minimum lead time: a slot 47 hours ahead is not offered nor bookable, one 49 hours ahead is', async () => {
    tb = await createTestBot({ now: '2021-09-01T01:00:00Z' });
    const appId = await bookableEngagement(tb, { company: 'Acme', country: 'th', applicant: 'aiko', experts: ['somchai'] });
    const soon = await addSlot(tb, 'somchai', '2021-09-03 07:00 1h consultation'); // 2021-09-03T00:00Z: 47 h ahead
    await addSlot(tb, 'somchai', '2021-09-03 09:00 1h consultation'); // 49 h ahead
    let r = await tb.say('aiko', 'book');
    r = await tb.click('aiko', r, 'コンサルテーション');
    r = await tb.click('aiko', r, 'A1');
    expect(choiceLabels(r)).toEqual(['2021年9月3日（金） 11:00–12:00（現地 09:00–10:00）']);

    const aiko = await tb.personId('aiko');
    const direct = await bookSlot(tb.services, {
      applicationId: appId,
      applicantId: aiko,
      slotId: soon,
      request: consultation,
      now: tb.clock.now(),
    });
    expect(direct).toMatchObject({ ok: false, code: 'too_soon' });
    tb.clock.set(new Date('2021-09-03T01:00:00Z'));
    expect(
      await bookSlot(tb.services, { applicationId: appId, applicantId: aiko, slotId: soon, request: consultation, now: tb.clock.now() }),
    ).toMatchObject({ ok: false, code: 'past' });
    expect(await reserved(appId)).toBe(0);
  });

  it('refuses a slot picked in time but confirmed once inside the lead time', async () => {
    tb = await createTestBot({ now: '2021-09-01T01:00:00Z' });
    await bookableEngagement(tb, { company: 'Acme', country: 'th', applicant: 'aiko', experts: ['somchai'] });
    await addSlot(tb, 'somchai', '2021-09-03 09:00 1h consultation');
    let r = await tb.say('aiko', 'book');
    r = await tb.click('aiko', r, 'コンサルテーション');
    r = await tb.click('aiko', r, 'A1');
    r = await tb.click('aiko', r, '9月3日');
    tb.clock.advanceMinutes(2 * 60);
    r = await tb.click('aiko', r, '予約する');
    expect(tb.textOf(r)).toContain('開始まで48時間を切った枠は予約できません。');
    expect(tb.textOf(r)).toContain('現在予約できる相談の枠がありません。');
    expect(await tb.db.prisma.booking.count()).toBe(0);
  });

  it('refuses slots that end after the support period, and everything once it is over', async () => {
    tb = await createTestBot({ now: '2022-02-10T01:00:00Z' });
    const appId = await bookableEngagement(tb, { company: 'Acme', country: 'th', applicant: 'aiko', experts: ['somchai'] });
    const expertId = await tb.personId('somchai');
    await addSlot(tb, 'somchai', '2022-02-18 10:00 2h consultation');
    // Straddles midnight Japan time on the last day; stored directly, as an older slot would be.
    const straddling = await tb.services.slots.add({
      expertId,
      country: 'th',
      kind: 'consultation',
      startsAt: new Date('2022-02-18T14:30:00Z'),
      minutes: 60,
      createdAt: tb.clock.now(),
    });
    let r = await tb.say('aiko', 'book');
    r = await tb.click('aiko', r, 'コンサルテーション');
    r = await tb.click('aiko', r, 'A2');
    expect(choiceLabels(r)).toEqual(['2022年2月18日（金） 12:00–14:00（現地 10:00–12:00）']);
    const aiko = await tb.personId('aiko');
    const slotId = straddling.ok ? straddling.slot.id : -1;
    expect(
      await bookSlot(tb.services, { applicationId: appId, applicantId: aiko, slotId, request: consultation, now: tb.clock.now() }),
    ).toMatchObject({
      ok: false,
      code: 'after_period',
    });

    tb.clock.set(new Date('2022-02-18T15:00:00Z'));
    expect(tb.textOf(await tb.say('aiko', 'book', { isCommand: true }))).toContain('支援期間は2022年2月18日（金）で終了しました。');
  });
});

describe('hours budget', { timeout: 30_000 }, () => {
  it('counts open bookings: a booking that would pass the cap is refused, and cancelling frees its hours', async () => {
    tb = await createTestBot();
    // Thailand: 17 h cap; 13 h already logged leaves 4 h.
    const appId = await bookableEngagement(tb, {
      company: 'Acme',
      country: 'th',
      applicant: 'aiko',
      experts: ['somchai'],
      usedMinutes: 13 * 60,
    });
    const aiko = await tb.personId('aiko');
    const a = await addSlot(tb, 'somchai', '2021-09-14 10:00 3h consultation');
    const b = await addSlot(tb, 'somchai', '2021-09-15 10:00 2h consultation');
    const c = await addSlot(tb, 'somchai', '2021-09-16 10:00 1h consultation');
    const book = (slotId: number) =>
      bookSlot(tb.services, { applicationId: appId, applicantId: aiko, slotId, request: consultation, now: tb.clock.now() });

    const first = await book(a);
    expect(first.ok).toBe(true);
    expect(await reserved(appId)).toBe(180);
    expect(await book(b)).toMatchObject({ ok: false, code: 'over_budget', remainingMinutes: 60 });
    expect((await tb.db.prisma.slot.findUniqueOrThrow({ where: { id: b } })).status).toBe('open');
    expect((await book(c)).ok).toBe(true);
    expect(await reserved(appId)).toBe(240);

    // The flow offers nothing more, and says why.
    let r = await tb.say('aiko', 'book');
    expect(tb.textOf(r)).toContain('支援時間の残りがありません（予約中の見込み時間を含みます）');

    // Cancelling the 3-hour booking frees 3 hours: now the 2-hour slot fits, and the flow offers it.
    if (!first.ok) throw new Error('unreachable');
    const cancelled = await tb.services.bookings.cancel({
      bookingId: first.details.booking.id,
      byId: aiko,
      reason: null,
      at: tb.clock.now(),
      slotAfter: 'open',
    });
    expect(cancelled.ok).toBe(true);
    expect(await reserved(appId)).toBe(60);
    r = await tb.say('aiko', 'book');
    r = await tb.click('aiko', r, 'コンサルテーション');
    r = await tb.click('aiko', r, 'A1');
    expect(choiceLabels(r)).toEqual([
      '2021年9月14日（火） 12:00–15:00（現地 10:00–13:00）',
      '2021年9月15日（水） 12:00–14:00（現地 10:00–12:00）',
    ]);
    r = await tb.click('aiko', r, '9月15日');
    expect(tb.textOf(r)).toContain('予約後の残り時間: 1時間');
    r = await tb.click('aiko', r, '予約する');
    expect(await reserved(appId)).toBe(180);
    r = await tb.say('aiko', 'book');
    r = await tb.click('aiko', r, 'コンサルテーション');
    r = await tb.click('aiko', r, 'A1');
    expect(tb.textOf(r)).toContain('残りの支援時間（1時間）に収まる枠がありません。');
  });

  it('stops counting a booking once its session has taken place (its hours are logged instead)', async () => {
    tb = await createTestBot({ now: '2021-09-01T01:00:00Z' });
    // Singapore: 10 h cap.
    const appId = await bookableEngagement(tb, { company: 'Acme', country: 'sg', applicant: 'aiko', experts: ['tan'] });
    const aiko = await tb.personId('aiko');
    const early = await addSlot(tb, 'tan', '2021-09-06 10:00 6h consultation');
    const later = await addSlot(tb, 'tan', '2021-09-20 10:00 6h consultation');
    const book = (slotId: number) =>
      bookSlot(tb.services, { applicationId: appId, applicantId: aiko, slotId, request: consultation, now: tb.clock.now() });
    const first = await book(early);
    expect(first.ok).toBe(true);
    expect(await book(later)).toMatchObject({ ok: false, code: 'over_budget', remainingMinutes: 240 });

    // The session took place and the expert logged 2 hours.
    tb.clock.set(new Date('2021-09-07T00:00:00Z'));
    await tb.db.prisma.application.update({ where: { id: appId }, data: { usedMinutes: 120 } });
    expect((await book(later)).ok).toBe(true);
    const bookings = await tb.db.prisma.booking.findMany({ orderBy: { id: 'asc' } });
    expect(bookings.map((b) => b.status)).toEqual(['done', 'booked']);
    expect(await reserved(appId)).toBe(360);
    expect(await tb.db.prisma.auditLog.count({ where: { action: 'booking.completed' } })).toBe(1);
  });

  it('releases the reservation when a session is completed, and never twice', async () => {
    tb = await createTestBot();
    const appId = await bookableEngagement(tb, { company: 'Acme', country: 'sg', applicant: 'aiko', experts: ['tan'] });
    const slotId = await addSlot(tb, 'tan', '2021-09-14 10:00 2h training');
    const outcome = await bookSlot(tb.services, {
      applicationId: appId,
      applicantId: await tb.personId('aiko'),
      slotId,
      request: { kind: 'training', topics: [6, 1], language: 'en' },
      now: tb.clock.now(),
    });
    if (!outcome.ok) throw new Error(outcome.code);
    expect(outcome.details.booking).toMatchObject({ menu: '1,6', language: 'en', estimateMinutes: 120 });
    expect(await reserved(appId)).toBe(120);
    expect((await tb.services.bookings.complete(outcome.details.booking.id)).ok).toBe(true);
    expect(await tb.services.bookings.complete(outcome.details.booking.id)).toMatchObject({ ok: false, code: 'not_open' });
    expect(await reserved(appId)).toBe(0);
    expect((await tb.db.prisma.slot.findUniqueOrThrow({ where: { id: slotId } })).status).toBe('booked');
  });
});
