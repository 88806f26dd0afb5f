/**
 * The booking conversation through real Slack requests (signed slash commands, DMs and button clicks
 * against the running server, replies to a fake Slack Web API): an expert publishes slots, an applicant
 * books a training with topics and a language, cancels, books again and reschedules; the expert is told
 * each time in their DM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';
import { bookableEngagementOn } from './fixtures.ts';

let slack: SlackHarness;
beforeAll(async () => {
  slack = await startSlackHarness({ now: '2021-09-01T01:00:00Z' });
  await bookableEngagementOn(slack.running, {
    company: 'Acme Thailand',
    country: 'th',
    applicantKey: 'slack:T1:UAPP',
    expertKeys: ['slack:T1:UEXP'],
  });
});
afterAll(async () => {
  await slack?.close();
});

/** Everything the bot posted to a DM channel since `from` (an index into messages()). */
const postedTo = (channel: string, from = 0) =>
  slack
    .messages()
    .slice(from)
    .filter((m) => m.channel === channel)
    .map((m) => m.text)
    .join('\n');

describe('booking in Slack', () => {
  it('publishes, books a training with topics and language, cancels and reschedules', async () => {
    // The expert publishes two training slots in Bangkok time.
    await slack.dm('UEXP', 'slots add 2021-09-15 14:00 2h training');
    expect(slack.lastMessage().text).toContain(
      '枠 #1 を登録しました: 研修、2021年9月15日（水） 16:00–18:00（日本時間）／現地 14:00–16:00（UTC+7）、2時間。',
    );
    await slack.dm('UEXP', 'slots add 2021-09-16 09:30 2h training');

    // The applicant books topics 1 and 4 in Thai with /book.
    await slack.command('UAPP', '/book', '');
    expect(slack.lastMessage().buttons.map((b) => b.label)).toEqual([
      '(A) 専門家による管理職向けコンサルテーション',
      '(B) 専門家による管理職・社員向け研修',
    ]);
    await slack.click('UAPP', '社員向け研修');
    await slack.click('UAPP', '1. 営業秘密の概要');
    await slack.click('UAPP', '4. 営業秘密流出リスク');
    await slack.click('UAPP', '決定（2件選択中）');
    await slack.click('UAPP', 'タイ語');
    expect(slack.lastMessage().buttons.map((b) => b.label)).toEqual([
      '2021年9月15日（水） 16:00–18:00（現地 14:00–16:00）',
      '2021年9月16日（木） 11:30–13:30（現地 09:30–11:30）',
    ]);
    await slack.click('UAPP', '9月15日');
    const beforeBooking = slack.messages().length;
    await slack.click('UAPP', '予約する');
    const confirmation = slack
      .messages()
      .slice(beforeBooking)
      .map((m) => m.text)
      .join('\n');
    expect(confirmation).toContain('予約 #1 が確定しました。');
    expect(confirmation).toContain('研修テーマ 1. 営業秘密の概要、4. 営業秘密流出リスクと従業員にかかる責任');
    expect(confirmation).toContain('タイ語');
    expect(slack.api.delivered('files.getUploadURLExternal').map((c) => c.args.filename)).toContain('booking-1.ics');
    expect(slack.api.delivered('upload').at(-1)!.args.content).toContain('DTSTART:20210915T070000Z');
    // The expert got the booking in their DM, with the calendar file.
    expect(postedTo('DUEXP', beforeBooking)).toContain('新しい予約 #1 が入りました（Acme Thailand、');
    expect(
      slack.api
        .delivered('files.completeUploadExternal')
        .map((c) => c.args.channel_id)
        .sort(),
    ).toEqual(['DUAPP', 'DUEXP']);

    // The applicant cancels from the list.
    await slack.command('UAPP', '/desk', 'bookings');
    expect(slack.lastMessage().text).toContain('#1 研修: 研修テーマ 1. 営業秘密の概要、4. 営業秘密流出リスクと従業員にかかる責任');
    await slack.click('UAPP', 'キャンセル');
    const beforeCancel = slack.messages().length;
    await slack.click('UAPP', 'キャンセルする');
    expect(postedTo('DUAPP', beforeCancel)).toContain(
      '予約 #1（2021年9月15日（水） 16:00–18:00（日本時間）／現地 14:00–16:00（UTC+7））をキャンセルしました。',
    );
    expect(postedTo('DUEXP', beforeCancel)).toMatch(
      /予約 #1（Acme Thailand、2021年9月15日（水） 16:00–18:00（日本時間）／現地 14:00–16:00（UTC\+7））が .+ さんによりキャンセルされました。/,
    );

    // Books again, then reschedules to the next day.
    await slack.command('UAPP', '/book', '');
    await slack.click('UAPP', '社員向け研修');
    await slack.click('UAPP', '2. 関連法（不正競争法');
    await slack.click('UAPP', '決定（1件選択中）');
    await slack.click('UAPP', '日本語');
    await slack.click('UAPP', '9月15日');
    await slack.click('UAPP', '予約する');
    await slack.command('UAPP', '/desk', 'bookings');
    await slack.click('UAPP', '日程を変更');
    expect(slack.lastMessage().buttons.map((b) => b.label)).toEqual(['2021年9月16日（木） 11:30–13:30（現地 09:30–11:30）']);
    await slack.click('UAPP', '9月16日');
    const beforeMove = slack.messages().length;
    await slack.click('UAPP', 'この枠に変更する');
    expect(postedTo('DUAPP', beforeMove)).toContain(
      '予約 #2 を 2021年9月16日（木） 11:30–13:30（日本時間）／現地 09:30–11:30（UTC+7） に変更しました。',
    );
    const toExpert = postedTo('DUEXP', beforeMove);
    expect(toExpert).toContain('の日程が');
    expect(toExpert).toContain('変更前: 2021年9月15日（水） 16:00–18:00');
    expect(toExpert).toContain('変更後: 2021年9月16日（木） 11:30–13:30');

    const bookings = await slack.running.db.prisma.booking.findMany({ orderBy: { id: 'asc' }, include: { slot: true } });
    expect(bookings.map((b) => [b.id, b.status, b.menu, b.language, b.slot.startsAt.toISOString()])).toEqual([
      [1, 'cancelled', '1,4', 'th', '2021-09-15T07:00:00.000Z'],
      [2, 'booked', '2', 'ja', '2021-09-16T02:30:00.000Z'],
    ]);
  }, 90_000);
});
