/**
 * A whole booking conversation through the real bot (console identities, real database, manual clock):
 * the expert publishes slots, the applicant books a training with topics and a language, cancels, books
 * again and reschedules; each side sees what the other did.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { addSlot, bookableEngagement, choiceLabels, files, outboxFor } from './fixtures.ts';

let tb: TestBot;
afterEach(() => tb.close());

describe('booking transcript (console)', () => {
  it('publishes, books a training with topics and language, cancels and reschedules', async () => {
    tb = await createTestBot({ now: '2021-09-01T01:00:00Z' });
    await bookableEngagement(tb, { company: 'Acme Thailand', country: 'th', experts: ['somchai'], applicant: 'aiko' });
    await tb.grant('somchai', 'expert', { country: 'th' });

    // The expert publishes two training slots and a consultation slot, in Bangkok time.
    const first = await addSlot(tb, 'somchai', '2021-09-15 14:00 2h training');
    const second = await addSlot(tb, 'somchai', '2021-09-16 09:30 2h 研修');
    await addSlot(tb, 'somchai', '2021-09-17 10:00 90m consultation');
    const listed = tb.textOf(await tb.say('somchai', 'slots'));
    expect(listed).toContain(`#${first} 研修 2021年9月15日（水） 16:00–18:00（日本時間）／現地 14:00–16:00（UTC+7） — 空き`);
    expect(listed).toContain(`#${second} 研修 2021年9月16日（木） 11:30–13:30（日本時間）`);

    // The applicant books a training on topics 1, 4 and 5, in Thai.
    let r = await tb.say('aiko', '予約');
    expect(choiceLabels(r)).toEqual(['(A) 専門家による管理職向けコンサルテーション', '(B) 専門家による管理職・社員向け研修']);
    r = await tb.click('aiko', r, '社員向け研修');
    expect(tb.textOf(r)).toContain('4. 営業秘密流出リスクと従業員にかかる責任（従業員）');
    expect(tb.textOf(r)).toContain('6. 会社のとるべき営業秘密管理措置（社内体制の整備）（管理職）');
    r = await tb.click('aiko', r, '1. 営業秘密の概要');
    r = await tb.click('aiko', r, '4. 営業秘密流出リスク');
    r = await tb.click('aiko', r, '5. 社外取引・転職時');
    expect(choiceLabels(r)).toContain('☑ 4. 営業秘密流出リスクと従業員にかかる責任');
    r = await tb.click('aiko', r, '決定（3件選択中）');
    expect(choiceLabels(r)).toEqual(['日本語', 'タイ語']);
    r = await tb.click('aiko', r, 'タイ語');
    // Free training slots, soonest first, in Japan time and local time; the consultation slot is not offered.
    expect(choiceLabels(r)).toEqual([
      '2021年9月15日（水） 16:00–18:00（現地 14:00–16:00）',
      '2021年9月16日（木） 11:30–13:30（現地 09:30–11:30）',
    ]);
    r = await tb.click('aiko', r, '9月15日');
    const summary = tb.textOf(r);
    expect(summary).toContain(
      '内容: 研修テーマ 1. 営業秘密の概要、4. 営業秘密流出リスクと従業員にかかる責任、5. 社外取引・転職時の営業秘密にかかる留意点',
    );
    expect(summary).toContain('研修言語: タイ語');
    expect(summary).toContain('見込み時間: 2時間');
    expect(summary).toContain('予約後の残り時間: 15時間');
    r = await tb.click('aiko', r, '予約する');
    const confirmation = tb.textOf(r);
    expect(confirmation).toMatch(/予約 #(\d+) が確定しました/);
    const bookingId = Number(/予約 #(\d+) が確定/.exec(confirmation)![1]);
    expect(files(r)).toHaveLength(1);
    expect(files(r)[0]).toMatchObject({ mimeType: 'text/calendar', filename: `booking-${bookingId}.ics` });
    expect(files(r)[0]!.content).toContain('DTSTART:20210915T070000Z');

    // The expert got the confirmation with the calendar file, and both have a reminder a day before.
    const expertInbox = await outboxFor(tb, 'somchai');
    expect(expertInbox[0]!.text).toContain(`新しい予約 #${bookingId} が入りました（Acme Thailand、aiko さん）`);
    expect(files(expertInbox[0]!.replies)[0]!.content).toContain('DTEND:20210915T090000Z');
    expect(expertInbox.find((m) => m.dedupeKey?.startsWith('reminder:'))?.dueAt?.toISOString()).toBe('2021-09-14T07:00:00.000Z');
    expect((await outboxFor(tb, 'aiko')).find((m) => m.dedupeKey?.startsWith('reminder:'))?.dueAt?.toISOString()).toBe(
      '2021-09-14T07:00:00.000Z',
    );
    expect(tb.textOf(await tb.say('somchai', 'slots'))).toContain(`予約済み（#${bookingId} Acme Thailand）`);

    // The applicant cancels it; the expert is told and the reminders are withdrawn.
    r = await tb.say('aiko', 'bookings');
    expect(tb.textOf(r)).toContain(
      `#${bookingId} 研修: 研修テーマ 1. 営業秘密の概要、4. 営業秘密流出リスクと従業員にかかる責任、5. 社外取引・転職時の営業秘密にかかる留意点`,
    );
    r = await tb.click('aiko', r, 'キャンセル');
    r = await tb.click('aiko', r, 'キャンセルする');
    expect(tb.textOf(r)).toContain(
      `予約 #${bookingId}（2021年9月15日（水） 16:00–18:00（日本時間）／現地 14:00–16:00（UTC+7））をキャンセルしました。専門家に通知しました。`,
    );
    const afterCancel = await outboxFor(tb, 'somchai');
    expect(afterCancel.at(-1)!.text).toContain(
      `予約 #${bookingId}（Acme Thailand、2021年9月15日（水） 16:00–18:00（日本時間）／現地 14:00–16:00（UTC+7））が aiko さんによりキャンセルされました。`,
    );
    expect(files(afterCancel.at(-1)!.replies)[0]!.content).toContain('STATUS:CANCELLED');
    expect(afterCancel.find((m) => m.dedupeKey?.startsWith('reminder:'))?.cancelledAt).not.toBeNull();
    expect(tb.textOf(await tb.say('somchai', 'slots'))).toContain(
      `#${first} 研修 2021年9月15日（水） 16:00–18:00（日本時間）／現地 14:00–16:00（UTC+7） — 空き`,
    );

    // Book again (English this time), then reschedule to the next day's slot.
    await tb.say('aiko', 'language en');
    r = await tb.say('aiko', 'book');
    r = await tb.click('aiko', r, 'Training for managers and employees');
    r = await tb.say('aiko', '2, 3');
    r = await tb.click('aiko', r, 'Japanese');
    r = await tb.click('aiko', r, 'Wed 15 Sep 2021 16:00');
    r = await tb.click('aiko', r, 'Book');
    const second_ = Number(/Booking #(\d+) is confirmed/.exec(tb.textOf(r))![1]);
    r = await tb.say('aiko', 'bookings');
    r = await tb.click('aiko', r, 'Reschedule');
    expect(choiceLabels(r)).toEqual(['Thu 16 Sep 2021 11:30–13:30 JST (09:30–11:30 local)']);
    r = await tb.click('aiko', r, 'Thu 16 Sep');
    expect(tb.textOf(r)).toContain(
      `Move booking #${second_} (Wed 15 Sep 2021 16:00–18:00 Japan time / 14:00–16:00 local time (UTC+7)) to this slot?`,
    );
    r = await tb.click('aiko', r, 'Move to this slot');
    expect(tb.textOf(r)).toContain(
      `Booking #${second_} has been moved to Thu 16 Sep 2021 11:30–13:30 Japan time / 09:30–11:30 local time (UTC+7).`,
    );
    expect(files(r).map((f) => f.content.includes('STATUS:CANCELLED'))).toEqual([true, false]);
    const moved = (await outboxFor(tb, 'somchai')).at(-1)!;
    expect(moved.text).toContain('変更前: 2021年9月15日（水） 16:00–18:00');
    expect(moved.text).toContain('変更後: 2021年9月16日（木） 11:30–13:30');
    const aikoId = await tb.personId('aiko');
    const { slotId } = await tb.db.prisma.booking.findUniqueOrThrow({ where: { id: second_ } });
    const reminder = (await outboxFor(tb, 'aiko')).find((m) => m.dedupeKey === `reminder:booking:${second_}:slot:${slotId}:${aikoId}`);
    expect(reminder?.dueAt?.toISOString()).toBe('2021-09-15T02:30:00.000Z');
    expect(reminder?.cancelledAt).toBeNull();
  }, 60_000);
});
