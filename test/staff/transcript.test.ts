/**
 * One company from application to closing, through the real bot, in Japanese (the default): staff receive,
 * screen and adopt it, record Forms 1 and 2, grant and assign an expert, bind the company's channel; the
 * expert logs hours there; staff record the follow-up and close it. Then what each side was told.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, replyOf, type World } from './world.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.close());

describe('transcript: Acme in Thailand, from application to closing', () => {
  it('runs the whole pipeline and tells each side', async () => {
    const { tb } = world;
    const say = async (user: string, text: string, conversation?: string) => tb.textOf(await tb.say(user, text, { conversation }));

    // carol's application arrives (the eligibility flow would create it).
    const applied = await world.apply();
    expect(applied.status).toBe('applied');

    // alice, program staff, sees it first in line and opens it.
    const list = await tb.say('alice', '申請一覧 対応待ち');
    expect(tb.textOf(list)).toBe(
      '申請一覧（対応待ち）: 1件 — 1/1ページ\n• #1 Acme Co., Ltd.（タイ） — 申込済み — 申込 2021年9月1日（水） 10:00\n  [1] #1 を開く',
    );
    const detail = await tb.click('alice', list, '#1 を開く');
    expect(tb.textOf(detail)).toBe(
      [
        '■ #1 Acme Co., Ltd.（タイ）',
        '  状態: 申込済み',
        '  申請者: carol',
        '  申込日時: 2021年9月1日（水） 10:00',
        '  採択件数 ░░░░░░░░░░░░░░░░░░░░ 0件 ／ 目標 約40件',
        '次の操作を選んでください。',
        '  [1] 受領を記録',
      ].join('\n'),
    );

    const received = await tb.click('alice', detail, '受領を記録');
    expect(tb.textOf(received)).toBe(
      '#1 Acme Co., Ltd.（タイ） の申込書の受領を記録しました。\n申請者に通知しました。\n  [1] 審査を開始\n  [2] 不採択にする',
    );
    tb.clock.advanceMinutes(60 * 24);
    expect(await say('alice', '審査 1')).toBe(
      '#1 Acme Co., Ltd.（タイ） の審査を開始しました。\n申請者に通知しました。\n  [1] 採択する\n  [2] 不採択にする',
    );
    tb.clock.advanceMinutes(60 * 24);
    const adopted = await tb.click('alice', await tb.say('alice', '申請詳細 1'), '採択する');
    expect(tb.textOf(adopted)).toBe(
      // The real next steps, never closing the support.
      '#1 Acme Co., Ltd.（タイ） を採択しました。支援期間は 2021年9月3日（金） から 2022年2月18日（金） まで、支援時間の上限は 17時間 です。採択件数: 1件 ／ 目標 約40件。\n申請者に通知しました。\n  [1] 様式1・2を受領\n  [2] 専門家を割り当てる',
    );

    tb.clock.advanceMinutes(60 * 24 * 4);
    expect(await say('alice', '様式 1 両方')).toBe(
      '#1 Acme Co., Ltd.（タイ） の 保有情報リスト（様式1）、情報管理体制セルフチェックシート／専門家コメントシート（様式2） の受領を記録しました。\n申請者に通知しました。\n  [1] 専門家を割り当てる',
    );

    // The first staff member came from `npm run admin`; the expert is granted in chat.
    expect(await say('alice', 'role grant expert console:eri タイ')).toBe(
      'eri（console:eri）に「専門家」の権限を付与しました（対象: タイ）。',
    );
    expect(await say('eri', 'language ja')).toBe('表示言語を日本語にしました。');
    expect(await say('alice', '担当 1 console:eri')).toBe(
      'eri さんを #1 Acme Co., Ltd.（タイ） の担当専門家に割り当てました。\n専門家と申請者に通知しました。\n  [1] 専門家を割り当てる',
    );
    expect(await say('alice', 'bind 1', 'console:acme-room')).toBe(
      'このチャンネルを #1 Acme Co., Ltd.（タイ） に紐付けました。ここで記録された支援時間はこの案件に計上されます。',
    );

    // eri logs hours in the company's channel (the hours feature does the ledger).
    tb.clock.advanceMinutes(60 * 24 * 7);
    const logged = await say('eri', 'hours 2 NDAレビュー', 'console:acme-room');
    expect(logged).toContain('2時間');
    tb.clock.advanceMinutes(60 * 24 * 30);
    expect(await say('eri', 'hours 6 研修会での講演', 'console:acme-room')).toContain('6時間');
    tb.clock.advanceMinutes(60 * 24);
    expect(await say('eri', 'hours 6 研修会での講演（2日目）', 'console:acme-room')).toContain('6時間');
    const afterHours = await world.get(1);
    expect(afterHours.usedMinutes).toBe(14 * 60);

    // Staff see the engagement at 82% of its cap.
    const quota = await tb.say('alice', 'quota');
    expect(tb.textOf(quota)).toContain('上限の80%以上を利用した案件: #1 Acme Co., Ltd.（タイ） 82%（残り 3時間）');
    expect(replyOf(quota, 'facts')?.meters?.[1]).toEqual({ label: '支援時間の利用', used: 840, total: 1020, caption: '14時間 ／ 17時間' });

    tb.clock.advanceMinutes(60 * 24 * 20);
    expect(await say('alice', 'フォローアップ 1 2021-11-05')).toBe(
      '#1 Acme Co., Ltd.（タイ） のフォローアップ面談を 2021年11月5日（金） として記録しました。\n申請者に通知しました。',
    );
    // Closing cannot be undone: it asks first, naming who will be told; nothing changes until confirmed.
    expect(await say('alice', '支援終了 1')).toBe(
      '#1 Acme Co., Ltd.（タイ） の支援を終了しますか？終了すると元に戻せず、この案件には支援時間の記録も予約もできなくなります。申請者（carol）と担当専門家（eri）に通知されます。\n  [1] 支援を終了する\n  [2] 終了しない',
    );
    expect((await world.get(1)).status).toBe('adopted');
    expect(await say('alice', 'はい')).toBe('#1 Acme Co., Ltd.（タイ） の支援を終了しました。\n申請者に通知しました。');

    const final = await world.get(1);
    expect(final).toMatchObject({ status: 'closed', capMinutes: 1020, usedMinutes: 840, channelKey: 'console:acme-room' });
    expect(final.adoptedAt).toEqual(new Date('2021-09-03T01:00:00Z'));

    // What carol (the applicant) was told, in order.
    expect(await world.outboxTexts('carol')).toEqual([
      '#1 Acme Co., Ltd.（タイ） の申込書を受領しました。今後、ジェトロからお電話等で取り組みの状況をお伺いし、審査を行います。',
      '#1 Acme Co., Ltd.（タイ） の審査を開始しました。結果は改めてご連絡します。',
      '#1 Acme Co., Ltd.（タイ） が採択されました。支援期間は 2021年9月3日（金） から 2022年2月18日（金） まで、専門家による支援時間は最大 17時間 です。\n次に、保有情報リスト（様式1） と 情報管理体制セルフチェックシート／専門家コメントシート（様式2） にご記入のうえ、ジェトロにご提出ください。',
      '#1 Acme Co., Ltd.（タイ） の 保有情報リスト（様式1）、情報管理体制セルフチェックシート／専門家コメントシート（様式2） を受領しました。担当の専門家からご連絡します。',
      '#1 Acme Co., Ltd.（タイ） の担当専門家が決まりました: eri さん。専門家からご連絡します。',
      '#1 Acme Co., Ltd.（タイ） のフォローアップ面談を 2021年11月5日（金） として記録しました。',
      '#1 Acme Co., Ltd.（タイ） の支援を終了しました。ご利用いただき、ありがとうございました。',
    ]);
    // What eri (the expert) was told.
    expect(await world.outboxTexts('eri')).toEqual([
      '「専門家」の権限が付与されました（対象: タイ）。help で使えるコマンドを確認できます。',
      '#1 Acme Co., Ltd.（タイ） の担当に割り当てられました。支援時間の上限は 17時間（利用済み 0時間）、支援期間は 2022年2月18日（金） までです。企業へのご連絡をお願いします。',
      '#1 Acme Co., Ltd.（タイ） の支援が終了しました。この案件には支援時間を記録できなくなりました。',
    ]);

    // Every state change is in the audit log, with who did it.
    const trail = (await world.audit()).filter((e) => e.action.startsWith('application.') || e.action.startsWith('role.'));
    expect(trail.map((e) => [e.action, e.actorId])).toEqual([
      ['application.receive', world.ids.alice],
      ['application.screen', world.ids.alice],
      ['application.adopt', world.ids.alice],
      ['application.forms', world.ids.alice],
      ['role.grant', world.ids.alice],
      ['application.assign', world.ids.alice],
      ['application.bind', world.ids.alice],
      ['application.followup', world.ids.alice],
      ['application.close', world.ids.alice],
    ]);
  });
});
