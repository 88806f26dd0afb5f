/** `export hours` / `export applications`: CSV files (BOM, CRLF, quoting, formula guard) for staff. */
import { afterEach, describe, expect, it } from 'vitest';
import { createWorld, replyOf, type World } from './world.ts';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('exports', () => {
  it('exports the hours ledger with voided entries marked, quoted and guarded against formulas', async () => {
    world = await createWorld();
    const { tb } = world;
    const a = await world.apply({ stage: 'adopted' });
    const at = new Date('2021-09-02T03:00:00Z');
    await tb.db.prisma.hourEntry.create({
      data: {
        applicationId: a.id,
        expertId: world.ids.bob,
        minutes: 90,
        category: 'review',
        note: 'NDA review, "v2"\nsecond line',
        workDate: '2021-09-02',
        createdAt: at,
      },
    });
    await tb.db.prisma.hourEntry.create({
      data: {
        applicationId: a.id,
        expertId: world.ids.bob,
        minutes: 30,
        category: 'phone',
        note: '=HYPERLINK("http://evil.example","click")',
        workDate: '2021-09-02',
        createdAt: at,
        voidedAt: at,
        voidReason: '@wrong engagement',
      },
    });

    const replies = await tb.say('alice', 'export hours', { locale: 'en' });
    const file = replyOf(replies, 'file')!;
    expect(file).toMatchObject({ kind: 'file', filename: 'hours-20210901.csv', mimeType: 'text/csv', title: 'Hours ledger (2 entries)' });
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    expect(file.content).toBe(
      '\uFEFF' +
        [
          'Entry,Application,Company,Country,Expert,Work date,Hours,Category,Note,Logged at,Voided at,Void reason',
          '1,1,"Acme Co., Ltd.",Thailand,bob,2021-09-02,1.5,review of contracts and rules,"NDA review, ""v2""\nsecond line",2021-09-02 12:00,,',
          `2,1,"Acme Co., Ltd.",Thailand,bob,2021-09-02,0.5,phone,"'=HYPERLINK(""http://evil.example"",""click"")",2021-09-02 12:00,2021-09-02 12:00,'@wrong engagement`,
        ].join('\r\n') +
        '\r\n',
    );
    expect(await world.audit('export.hours')).toMatchObject([{ actorId: world.ids.alice, details: { filename: 'hours-20210901.csv' } }]);
  });

  it('exports the applications in first-come order with Japanese headers for a Japanese reader', async () => {
    world = await createWorld();
    const { tb } = world;
    const a = await world.apply({ stage: 'adopted' });
    await world.apply({ company: '=cmd|calc', applicant: 'mal', country: 'vn' });
    await tb.services.applications.assignExpert(a.id, world.ids.bob, tb.clock.now());
    await tb.db.prisma.application.update({ where: { id: a.id }, data: { usedMinutes: 150 } });

    const file = replyOf(await tb.say('alice', '出力 申請'), 'file')!;
    expect(file.title).toBe('申請一覧（2件）');
    const lines = file.content.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      '申請ID,企業名,国・地域,状態,申請者,申込日時,受領日時,審査開始日時,決定日時,採択日時,上限時間,利用時間,予約時間,残り時間,過去の利用時間,様式1受領,様式2受領,担当専門家,チャンネル,フォローアップ面談,支援終了日時',
    );
    expect(lines[1]).toBe(
      '1,"Acme Co., Ltd.",タイ,採択,carol,2021-09-01 10:00,2021-09-01 10:00,2021-09-01 10:00,2021-09-01 10:00,2021-09-01 10:00,17,2.5,0,14.5,0,,,bob,,,',
    );
    expect(lines[2]).toBe("2,'=cmd|calc,ベトナム,申込済み,mal,2021-09-01 10:00,,,,,0,0,0,0,0,,,,,,");
    expect(lines[3]).toBe('');
  });

  it('explains what can be exported', async () => {
    world = await createWorld();
    expect(await world.tb.say('alice', 'export everything', { locale: 'en' })).toEqual([
      { kind: 'error', code: 'usage', text: 'Usage: export hours|applications' },
    ]);
  });
});
