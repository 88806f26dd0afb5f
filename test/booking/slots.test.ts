/** Publishing slots: an expert's slots never overlap; removal; staff on an expert's behalf; who may do what. */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { addSlot, bookableEngagement, outboxFor } from './fixtures.ts';

let tb: TestBot;
afterEach(() => tb.close());

async function bookThrough(user: string, slotLabel: string): Promise<number> {
  let r = await tb.say(user, 'book');
  r = await tb.click(user, r, 'コンサルテーション');
  r = await tb.click(user, r, 'A2');
  r = await tb.click(user, r, slotLabel);
  r = await tb.click(user, r, '予約する');
  return Number(/予約 #(\d+) が確定/.exec(tb.textOf(r))![1]);
}

describe('slots', { timeout: 30_000 }, () => {
  it('refuses an overlapping slot of the same expert, and allows back-to-back slots and other experts', async () => {
    tb = await createTestBot();
    await tb.grant('somchai', 'expert', { country: 'th' });
    await tb.grant('niran', 'expert', { country: 'th' });
    const first = await addSlot(tb, 'somchai', '2021-09-15 14:00 90m consultation');
    const overlapping = await tb.say('somchai', 'slots add 2021-09-15 15:00 1h training');
    expect(overlapping[0]).toMatchObject({ kind: 'error', code: 'overlap' });
    expect(tb.textOf(overlapping)).toContain(
      `すでに登録済みの枠 #${first}（2021年9月15日（水） 16:00–17:30（日本時間）／現地 14:00–15:30（UTC+7））と重なっています。`,
    );
    const inside = await tb.say('somchai', 'slots add 2021-09-15 13:00 4h training');
    expect(inside[0]).toMatchObject({ kind: 'error', code: 'overlap' });
    await addSlot(tb, 'somchai', '2021-09-15 15:30 1h training');
    await addSlot(tb, 'somchai', '2021-09-15 13:00 1h training');
    await addSlot(tb, 'niran', '2021-09-15 14:00 90m consultation');
    expect(await tb.db.prisma.slot.count()).toBe(4);
  });

  it('lets only one of several simultaneous overlapping slots in', async () => {
    tb = await createTestBot();
    const expertId = await tb.grant('somchai', 'expert', { country: 'th' });
    const base = Date.parse('2021-09-15T07:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        tb.uow.run((s) =>
          s.slots.add({
            expertId,
            country: 'th',
            kind: 'consultation',
            startsAt: new Date(base + i * 10 * 60_000),
            minutes: 60,
            createdAt: tb.clock.now(),
          }),
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'overlap')).toHaveLength(5);
    expect(await tb.db.prisma.slot.count()).toBe(1);
  });

  it('refuses slots in the past, after the support period, of a bad length or with words it cannot read', async () => {
    tb = await createTestBot({ now: '2021-09-01T01:00:00Z' });
    await tb.grant('somchai', 'expert', { country: 'th' });
    expect((await tb.say('somchai', 'slots add 2021-08-31 14:00 1h consultation'))[0]).toMatchObject({ code: 'past' });
    const late = await tb.say('somchai', 'slots add 2022-02-18 21:30 1h consultation');
    expect(late[0]).toMatchObject({ code: 'after_period' });
    expect(tb.textOf(late)).toContain('2022年2月18日（金）');
    expect((await tb.say('somchai', 'slots add 2021-09-15 14:00 5m consultation'))[0]).toMatchObject({ code: 'bad_slot' });
    expect(tb.textOf(await tb.say('somchai', 'slots add 2021-09-15 14:00 1h lunch'))).toContain('「lunch」が読み取れませんでした');
    expect(tb.textOf(await tb.say('somchai', 'slots add 2021-09-15 1h consultation'))).toContain('開始時刻が読み取れませんでした');
    // A slot ending exactly at midnight Japan time on the last day is still inside the period.
    await addSlot(tb, 'somchai', '2022-02-18 21:00 1h consultation');
  });

  it('uses the program’s standard length when none is given', async () => {
    tb = await createTestBot();
    await tb.grant('somchai', 'expert', { country: 'th' });
    await addSlot(tb, 'somchai', '2021/9/15 14時 研修');
    await addSlot(tb, 'somchai', '2021-09-16 9時半 相談');
    const minutes = (await tb.db.prisma.slot.findMany({ orderBy: { id: 'asc' } })).map((s) => [s.kind, s.minutes]);
    expect(minutes).toEqual([
      ['training', tb.program.booking.defaultEstimateMinutes.training],
      ['consultation', tb.program.booking.defaultEstimateMinutes.consultation],
    ]);
  });

  it('removes an open slot, but a booked one only with a reason, which cancels the booking and tells the applicant', async () => {
    tb = await createTestBot();
    const appId = await bookableEngagement(tb, { company: 'Acme', country: 'th', experts: ['somchai'], applicant: 'aiko' });
    const open = await addSlot(tb, 'somchai', '2021-09-14 10:00 1h consultation');
    const booked = await addSlot(tb, 'somchai', '2021-09-15 14:00 90m consultation');
    expect(tb.textOf(await tb.say('somchai', `slots remove ${open}`))).toContain(
      `枠 #${open}（2021年9月14日（火） 12:00–13:00（日本時間）／現地 10:00–11:00（UTC+7））を削除しました。`,
    );

    const bookingId = await bookThrough('aiko', '9月15日');
    expect((await tb.db.prisma.application.findUniqueOrThrow({ where: { id: appId } })).reservedMinutes).toBe(90);
    const refused = await tb.say('somchai', `slots remove ${booked}`);
    expect(refused[0]).toMatchObject({ kind: 'error', code: 'booked' });
    expect(tb.textOf(refused)).toContain(`slots remove ${booked} <理由>`);

    // The booking is cancelled and the applicant told: asked first.
    const question = await tb.say('somchai', `slots remove ${booked} 現地の祝日と重なったため`);
    expect(tb.textOf(question)).toContain(
      `予約 #${bookingId}（Acme）はキャンセルされ、元に戻せません。申請企業に次の理由とともに通知されます: 現地の祝日と重なったため`,
    );
    expect((await tb.db.prisma.booking.findUniqueOrThrow({ where: { id: bookingId } })).status).toBe('booked');
    const removed = await tb.click('somchai', question, '枠を削除して予約をキャンセルする');
    expect(tb.textOf(removed)).toContain(`予約 #${bookingId}（Acme）をキャンセルしました`);
    const slot = await tb.db.prisma.slot.findUniqueOrThrow({ where: { id: booked } });
    const booking = await tb.db.prisma.booking.findUniqueOrThrow({ where: { id: bookingId } });
    expect([slot.status, booking.status, booking.cancelReason]).toEqual(['removed', 'cancelled', '現地の祝日と重なったため']);
    expect((await tb.db.prisma.application.findUniqueOrThrow({ where: { id: appId } })).reservedMinutes).toBe(0);
    const notice = (await outboxFor(tb, 'aiko')).at(-1)!;
    expect(notice.text).toContain(
      `予約 #${bookingId}（Acme、2021年9月15日（水） 16:00–17:30（日本時間）／現地 14:00–15:30（UTC+7））が somchai さんによりキャンセルされました。\n理由: 現地の祝日と重なったため`,
    );
    expect(tb.textOf(await tb.say('somchai', 'slots'))).toContain('今後の枠はありません。');
  });

  it('lets staff manage an expert’s slots, and nobody else touch them', async () => {
    tb = await createTestBot();
    await tb.grant('somchai', 'expert', { country: 'th' });
    await tb.grant('niran', 'expert', { country: 'th' });
    await tb.grant('sato', 'staff');
    await tb.grant('aiko', 'applicant');
    expect(tb.textOf(await tb.say('sato', 'slots add 2021-09-15 14:00 1h consultation'))).toContain('slots for <専門家のID> add');
    const added = await tb.say('sato', 'slots for console:somchai add 2021-09-15 14:00 1h consultation');
    expect(tb.textOf(added)).toContain('somchai さんの枠として登録しました');
    const id = (await tb.db.prisma.slot.findFirstOrThrow()).id;
    expect((await tb.db.prisma.slot.findFirstOrThrow()).expertId).toBe(await tb.personId('somchai'));
    expect(tb.textOf(await tb.say('sato', 'slots'))).toContain(
      `#${id} 相談 2021年9月15日（水） 16:00–17:00（日本時間）／現地 14:00–15:00（UTC+7） — 空き · somchai`,
    );
    expect(tb.textOf(await tb.say('sato', 'slots for console:nobody'))).toContain('「console:nobody」という専門家は見つかりませんでした');

    expect((await tb.say('niran', `slots remove ${id}`))[0]).toMatchObject({ kind: 'error', code: 'forbidden' });
    expect((await tb.say('aiko', 'slots'))[0]).toMatchObject({ kind: 'error', code: 'forbidden' });
    expect((await tb.say('somchai', 'slots for console:niran add 2021-09-16 14:00 1h consultation'))[0]).toMatchObject({
      code: 'forbidden',
    });
    expect(tb.textOf(await tb.say('sato', `slots for console:somchai remove ${id}`))).toContain(`枠 #${id}`);
    expect((await tb.db.prisma.slot.findUniqueOrThrow({ where: { id } })).status).toBe('removed');
    const audit = await tb.db.prisma.auditLog.findMany({ where: { subjectType: 'slot' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['slot.added', await tb.personId('sato')],
      ['slot.removed', await tb.personId('sato')],
    ]);
  });
});
