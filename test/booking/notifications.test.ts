/**
 * Cancelling and rescheduling tell the other side (outbox rows); reminders are scheduled a day before for
 * both sides, withdrawn on cancellation, moved on reschedule, and survive a restart of the bot.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { OutboxDispatcher, type ProactiveSender } from '../../src/core/outbox-dispatcher.ts';
import type { Reply } from '../../src/core/reply.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { addSlot, bookableEngagement, files, outboxFor } from './fixtures.ts';

let tb: TestBot;
afterEach(() => tb.close());

async function book(user: string, slotLabel: string): Promise<number> {
  let r = await tb.say(user, 'book');
  r = await tb.click(user, r, 'コンサルテーション');
  r = await tb.click(user, r, 'A1');
  r = await tb.click(user, r, slotLabel);
  r = await tb.click(user, r, '予約する');
  return Number(/予約 #(\d+) が確定/.exec(tb.textOf(r))![1]);
}

const reminderKey = (bookingId: number, slotId: number, personId: number) => `reminder:booking:${bookingId}:slot:${slotId}:${personId}`;

/** The person's reminder of the booking's session in its current slot. */
async function reminder(bookingId: number, user: string) {
  const { slotId } = await tb.db.prisma.booking.findUniqueOrThrow({ where: { id: bookingId } });
  return tb.db.prisma.outbox.findUnique({ where: { dedupeKey: reminderKey(bookingId, slotId, await tb.personId(user)) } });
}

/** Every reminder ever queued for the person about the booking, whichever slot it was in. */
async function allReminders(bookingId: number, user: string) {
  const personId = await tb.personId(user);
  return tb.db.prisma.outbox.findMany({
    where: { personId, dedupeKey: { startsWith: `reminder:booking:${bookingId}:slot:` } },
    orderBy: { id: 'asc' },
  });
}

describe('booking notifications', { timeout: 30_000 }, () => {
  it('schedules a reminder for both sides a day before, and withdraws both when the applicant cancels', async () => {
    tb = await createTestBot({ now: '2021-09-01T01:00:00Z' });
    await bookableEngagement(tb, { company: 'Acme', country: 'th', applicant: 'aiko', experts: ['somchai'] });
    await addSlot(tb, 'somchai', '2021-09-15 14:00 1h consultation');
    const id = await book('aiko', '9月15日');
    for (const user of ['aiko', 'somchai']) {
      const row = await reminder(id, user);
      expect(row?.dueAt?.toISOString()).toBe('2021-09-14T07:00:00.000Z');
      expect(row?.cancelledAt).toBeNull();
      expect(tb.textOf(JSON.parse(row!.replies) as Reply[])).toContain(`リマインド: 24時間後に予約 #${id} があります。`);
    }
    expect(tb.textOf(await tb.say('aiko', `bookings cancel ${id}`))).toContain(
      `予約 #${id}（2021年9月15日（水） 16:00–17:00（日本時間）／現地 14:00–15:00（UTC+7））をキャンセルしました。`,
    );
    for (const user of ['aiko', 'somchai']) expect((await reminder(id, user))?.cancelledAt).not.toBeNull();
    const notice = (await outboxFor(tb, 'somchai')).at(-1)!;
    expect(notice.text).toContain(
      `予約 #${id}（Acme、2021年9月15日（水） 16:00–17:00（日本時間）／現地 14:00–15:00（UTC+7））が aiko さんによりキャンセルされました。`,
    );
    expect(notice.dedupeKey).toBeNull();
    expect(files(notice.replies)[0]!.content).toContain('STATUS:CANCELLED');
    // The applicant's cancellation frees the slot for others.
    expect((await tb.db.prisma.slot.findFirstOrThrow()).status).toBe('open');
    expect((await tb.db.prisma.booking.findUniqueOrThrow({ where: { id } })).cancelledById).toBe(await tb.personId('aiko'));
  });

  it('lets the applicant change nothing inside the lead time, but the expert and staff cancel any time with a reason', async () => {
    tb = await createTestBot({ now: '2021-09-01T01:00:00Z' });
    await bookableEngagement(tb, { company: 'Acme', country: 'th', applicant: 'aiko', experts: ['somchai'] });
    await tb.grant('sato', 'staff');
    await addSlot(tb, 'somchai', '2021-09-15 14:00 1h consultation');
    await addSlot(tb, 'somchai', '2021-09-16 14:00 1h consultation');
    const first = await book('aiko', '9月15日');
    const second = await book('aiko', '9月16日');
    tb.clock.set(new Date('2021-09-14T01:00:00Z')); // 30 hours before the first session

    const listed = await tb.say('aiko', 'bookings');
    expect(tb.textOf(listed)).toContain('開始まで48時間を切っているため、変更は専門家またはジェトロ事務局にご連絡ください。');
    const refused = await tb.say('aiko', `bookings cancel ${first}`);
    expect(refused[0]).toMatchObject({ kind: 'error', code: 'too_late' });
    expect((await tb.say('aiko', `bookings reschedule ${first}`))[0]).toMatchObject({ kind: 'error', code: 'too_late' });

    // Without a reason the expert is asked for one (and can leave it).
    expect(tb.textOf(await tb.say('somchai', `bookings cancel ${first}`))).toContain('キャンセルの理由を入力してください');
    expect(tb.textOf(await tb.say('somchai', 'cancel'))).toContain('中止しました');
    let r = await tb.say('somchai', 'bookings');
    r = await tb.click('somchai', r, 'キャンセル');
    expect(tb.textOf(r)).toContain('キャンセルの理由を入力してください');
    r = await tb.say('somchai', '急病のため');
    r = await tb.click('somchai', r, 'キャンセルする');
    expect(tb.textOf(r)).toContain(`予約 #${first}`);
    expect(tb.textOf(r)).toContain('申請企業に理由とともに通知しました。');
    const toApplicant = (await outboxFor(tb, 'aiko')).at(-1)!;
    expect(toApplicant.text).toContain(`が somchai さんによりキャンセルされました。\n理由: 急病のため`);

    // Staff cancel the other one: both the applicant and the expert are told.
    // Typed with the reason, it is asked first and says who will be told; nothing changes until confirmed.
    const question = tb.textOf(await tb.say('sato', `bookings cancel ${second} 台風の接近により延期します`));
    expect(question).toContain(
      `予約 #${second} を次の理由でキャンセルしますか。元に戻せません（この時間枠も削除されます）。申請企業（と担当の専門家）に理由とともに通知されます。`,
    );
    expect((await tb.db.prisma.booking.findUniqueOrThrow({ where: { id: second } })).status).toBe('booked');
    expect(tb.textOf(await tb.say('sato', 'はい'))).toContain('申請企業に理由とともに通知しました');
    expect((await outboxFor(tb, 'aiko')).at(-1)!.text).toContain('sato さんによりキャンセルされました。\n理由: 台風の接近により延期します');
    expect((await outboxFor(tb, 'somchai')).at(-1)!.text).toContain(
      'sato さんによりキャンセルされました。\n理由: 台風の接近により延期します',
    );
    expect((await tb.db.prisma.application.findFirstOrThrow()).reservedMinutes).toBe(0);
    // An expert who cannot keep a session withdraws its slot.
    expect((await tb.db.prisma.slot.findMany()).map((s) => s.status)).toEqual(['removed', 'removed']);
    const audit = await tb.db.prisma.auditLog.findMany({ where: { action: 'booking.cancelled' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => JSON.parse(a.details).reason)).toEqual(['急病のため', '台風の接近により延期します']);
  });

  it('moves the booking, the reservation and the reminders on reschedule, and tells the expert', async () => {
    tb = await createTestBot({ now: '2021-09-01T01:00:00Z' });
    const appId = await bookableEngagement(tb, { company: 'Acme', country: 'th', applicant: 'aiko', experts: ['somchai', 'niran'] });
    const from = await addSlot(tb, 'somchai', '2021-09-15 14:00 1h consultation');
    const sameExpert = await addSlot(tb, 'somchai', '2021-09-20 10:00 2h consultation');
    const otherExpert = await addSlot(tb, 'niran', '2021-09-22 10:00 1h consultation');
    const id = await book('aiko', '9月15日');

    let r = await tb.say('aiko', `bookings reschedule ${id}`);
    r = await tb.click('aiko', r, '9月20日');
    expect(tb.textOf(r)).toContain('予約後の残り時間: 15時間');
    r = await tb.click('aiko', r, 'この枠に変更する');
    expect(tb.textOf(r)).toContain(
      `予約 #${id} を 2021年9月20日（月） 12:00–14:00（日本時間）／現地 10:00–12:00（UTC+7） に変更しました。`,
    );
    const slots = await tb.db.prisma.slot.findMany({ orderBy: { id: 'asc' } });
    expect(slots.map((s) => [s.id, s.status])).toEqual([
      [from, 'open'],
      [sameExpert, 'booked'],
      [otherExpert, 'open'],
    ]);
    expect(await tb.db.prisma.booking.findUniqueOrThrow({ where: { id } })).toMatchObject({
      slotId: sameExpert,
      estimateMinutes: 120,
      status: 'booked',
    });
    expect((await tb.db.prisma.application.findUniqueOrThrow({ where: { id: appId } })).reservedMinutes).toBe(120);
    for (const user of ['aiko', 'somchai']) {
      expect((await reminder(id, user))?.dueAt?.toISOString()).toBe('2021-09-19T03:00:00.000Z');
      // The reminder of the slot it left is withdrawn, not moved: a reminder once queued is never sent twice.
      expect((await allReminders(id, user)).map((m) => m.cancelledAt !== null)).toEqual([true, false]);
    }
    const moved = (await outboxFor(tb, 'somchai')).at(-1)!;
    expect(moved.text).toContain(`予約 #${id}（Acme）の日程が aiko さんにより変更されました。`);
    expect(files(moved.replies).map((f) => f.filename)).toEqual([`booking-${id}-cancelled.ics`, `booking-${id}.ics`]);

    // To another expert's slot: the first expert loses it (and its reminder), the second one gains it.
    r = await tb.say('aiko', 'bookings');
    r = await tb.click('aiko', r, '日程を変更');
    r = await tb.click('aiko', r, '9月22日');
    r = await tb.click('aiko', r, 'この枠に変更する');
    expect((await allReminders(id, 'somchai')).every((m) => m.cancelledAt !== null)).toBe(true);
    expect((await reminder(id, 'niran'))?.dueAt?.toISOString()).toBe('2021-09-21T03:00:00.000Z');
    expect((await reminder(id, 'aiko'))?.dueAt?.toISOString()).toBe('2021-09-21T03:00:00.000Z');
    expect((await outboxFor(tb, 'somchai')).at(-1)!.text).toContain('aiko さんによりキャンセルされました');
    expect((await outboxFor(tb, 'niran')).map((m) => m.text).join('\n')).toContain(`新しい予約 #${id} が入りました（Acme、aiko さん）。`);
    expect((await tb.db.prisma.application.findUniqueOrThrow({ where: { id: appId } })).reservedMinutes).toBe(60);
  });

  it('keeps scheduled reminders across a restart and delivers them when due', async () => {
    tb = await createTestBot({ now: '2021-09-01T01:00:00Z' });
    await bookableEngagement(tb, { company: 'Acme', country: 'vn', applicant: 'aiko', experts: ['minh'] });
    await addSlot(tb, 'minh', '2021-09-15 14:00 1h consultation');
    const id = await book('aiko', '9月15日');
    const databaseUrl = tb.databaseUrl;
    await tb.db.close();

    // A new bot process on the same database.
    const restarted = await createTestBot({ now: '2021-09-14T07:00:00Z', databaseUrl });
    try {
      await restarted.services.people.saveAddress('console:aiko', 'aiko-terminal');
      const delivered: Reply[][] = [];
      const sender: ProactiveSender = { platform: 'console', send: async (_address, replies) => void delivered.push(replies) };
      const dispatcher = new OutboxDispatcher({
        uow: restarted.uow,
        clock: restarted.clock,
        log: restarted.services.log,
        senders: () => [sender],
      });
      dispatcher.kick();
      await dispatcher.idle();
      const texts = delivered.map((d) => restarted.textOf(d));
      expect(texts.some((t) => t.includes(`リマインド: 24時間後に予約 #${id} があります。`))).toBe(true);
      const { slotId } = await restarted.db.prisma.booking.findUniqueOrThrow({ where: { id } });
      const row = await restarted.db.prisma.outbox.findUnique({
        where: { dedupeKey: reminderKey(id, slotId, await restarted.personId('aiko')) },
      });
      expect(row?.sentAt).not.toBeNull();
    } finally {
      // Leaves the database file to the first bot, whose close() removes it.
      await restarted.close();
    }
  });
});
