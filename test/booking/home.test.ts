/** The dashboard (Slack App Home, Teams welcome card): an expert's upcoming slots, an applicant's bookings. */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { addSlot, bookableEngagement } from './fixtures.ts';

let tb: TestBot;
afterEach(() => tb.close());

const home = (user: string) =>
  tb.bot
    .home({
      platform: 'console',
      identity: { key: `console:${user}`, userId: user },
      conversation: { key: `console:${user}`, isDirect: true },
      idempotencyKey: 'home',
    })
    .then((h) => h.replies);

describe('booking on the dashboard', { timeout: 30_000 }, () => {
  it('shows the expert’s upcoming slots and the applicant’s bookings; nothing for others', async () => {
    tb = await createTestBot({ now: '2021-09-01T01:00:00Z' });
    await bookableEngagement(tb, { company: 'Acme', country: 'th', applicant: 'aiko', experts: ['somchai'] });
    await tb.grant('sato', 'staff');
    const expertHome = async () => tb.textOf(await home('somchai'));
    expect(await expertHome()).toContain('今後の枠はありません。');
    const applicantBefore = tb.textOf(await home('aiko'));
    expect(applicantBefore).toContain('予約はまだありません。book で相談・研修を予約できます。');

    await addSlot(tb, 'somchai', '2021-09-15 14:00 1h consultation');
    await addSlot(tb, 'somchai', '2021-09-16 14:00 1h training');
    let r = await tb.say('aiko', 'book');
    r = await tb.click('aiko', r, 'コンサルテーション');
    r = await tb.click('aiko', r, 'A1');
    r = await tb.click('aiko', r, '9月15日');
    await tb.click('aiko', r, '予約する');

    const slots = await expertHome();
    expect(slots).toContain('■ 今後の予約枠');
    expect(slots).toContain('#1 相談: 2021年9月15日（水） 16:00–17:00（日本時間）／現地 14:00–15:00（UTC+7） · 予約済み');
    expect(slots).toContain('#2 研修: 2021年9月16日（木） 16:00–17:00（日本時間）／現地 14:00–15:00（UTC+7） · 空き');
    const bookings = tb.textOf(await home('aiko'));
    expect(bookings).toContain('■ 今後の予約');
    expect(bookings).toContain('#1 相談: 2021年9月15日（水） 16:00–17:00（日本時間）／現地 14:00–15:00（UTC+7）');
    const staff = tb.textOf(await home('sato'));
    expect(staff).not.toContain('今後の予約');

    // After the session, it is no longer upcoming.
    tb.clock.set(new Date('2021-09-17T00:00:00Z'));
    expect(tb.textOf(await home('aiko'))).not.toContain('#1 相談');
  });

  it('keeps other people out of a booking', async () => {
    tb = await createTestBot({ now: '2021-09-01T01:00:00Z' });
    await bookableEngagement(tb, { company: 'Acme', country: 'th', applicant: 'aiko', experts: ['somchai'] });
    await bookableEngagement(tb, { company: 'Bolt', country: 'th', applicant: 'ben', experts: ['niran'] });
    await addSlot(tb, 'somchai', '2021-09-15 14:00 1h consultation');
    let r = await tb.say('aiko', 'book');
    r = await tb.click('aiko', r, 'コンサルテーション');
    r = await tb.click('aiko', r, 'A1');
    r = await tb.click('aiko', r, '9月15日');
    await tb.click('aiko', r, '予約する');

    expect(tb.textOf(await tb.say('ben', 'bookings'))).toContain('今後の予約はありません。');
    expect((await tb.say('ben', 'bookings cancel 1'))[0]).toMatchObject({ kind: 'error', code: 'forbidden' });
    expect((await tb.say('niran', 'bookings cancel 1 no reason'))[0]).toMatchObject({ kind: 'error', code: 'forbidden' });
    expect((await tb.say('ben', 'bookings reschedule 1'))[0]).toMatchObject({ kind: 'error', code: 'forbidden' });
    expect((await tb.db.prisma.booking.findUniqueOrThrow({ where: { id: 1 } })).status).toBe('booked');
    // Ben's company's engagement has its own expert: Somchai's slot is never offered to Ben.
    r = await tb.say('ben', 'book');
    r = await tb.click('ben', r, 'コンサルテーション');
    r = await tb.click('ben', r, 'A1');
    expect(tb.textOf(r)).toContain('現在予約できる相談の枠がありません。');
  });
});
