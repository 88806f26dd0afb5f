/** Transcripts through the real bot (real database, manual clock): what experts, applicants and staff see. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { engagement, usedMinutes } from './engagements.ts';

let tb: TestBot;
afterEach(() => tb.close());

const outboxTexts = async (personId: number) =>
  (await tb.db.prisma.outbox.findMany({ where: { personId }, orderBy: { id: 'asc' } })).map((row) =>
    tb.textOf(JSON.parse(row.replies) as Reply[]),
  );
const entries = (applicationId: number) => tb.db.prisma.hourEntry.findMany({ where: { applicationId }, orderBy: { id: 'asc' } });

describe('logging hours', () => {
  let acme: number;
  beforeEach(async () => {
    // 2021-09-01 08:00 in Bangkok.
    tb = await createTestBot({ now: '2021-09-01T01:00:00Z' });
    acme = await engagement(tb, { company: 'Acme', country: 'th', experts: ['bob'], applicant: 'ann' });
  });

  it('logs an entry and confirms duration, category, engagement, date and what is left', async () => {
    const replies = await tb.say('bob', 'hours 2 review NDA');
    expect(replies[0]).toMatchObject({ kind: 'facts' });
    const shown = tb.textOf(replies);
    expect(shown).toContain('2時間を記録しました（#');
    expect(shown).toContain('区分: 契約書・規則類のレビュー（内容から判定）');
    expect(shown).toContain('案件: Acme（タイ）');
    expect(shown).toContain('実施日: 2021年9月1日（水）');
    expect(shown).toContain('内容: review NDA');
    expect(shown).toContain('残り: 15時間');
    expect(shown).toContain('2時間 / 17時間（残り 15時間）');
    const [entry] = await entries(acme);
    expect(entry).toMatchObject({ minutes: 120, category: 'review', note: 'review NDA', workDate: '2021-09-01', voidedAt: null });
    expect(await usedMinutes(tb, acme)).toBe(120);
    expect(await tb.db.prisma.auditLog.count({ where: { action: 'hours.logged', subjectId: String(entry!.id) } })).toBe(1);
  });

  it('reads the durations people type, in Japanese and full width, and keeps the note verbatim', async () => {
    await tb.say('bob', 'hours 1時間30分 電話相談');
    await tb.say('bob', '時間 ４５分 ＮＤＡ　review <!channel> & <@U123>');
    await tb.say('bob', '/工数 1:15 研修資料作成');
    const logged = await entries(acme);
    expect(logged.map((e) => [e.minutes, e.category, e.note])).toEqual([
      [90, 'phone', '電話相談'],
      [45, 'review', 'ＮＤＡ　review <!channel> & <@U123>'],
      [75, 'materials', '研修資料作成'],
    ]);
  });

  it('says when the category was only a default, and lets the expert change it with a button', async () => {
    const replies = await tb.say('bob', 'hours 1 ヒアリング');
    expect(tb.textOf(replies)).toContain('内容から区分を判定できなかったため「面談（TV・WEB会議を含む）」としました。');
    const menu = await tb.click('bob', replies, '区分を変更');
    expect(tb.textOf(await tb.click('ann', menu, '電話'))).toContain('変更できるのは、ご自身の取り消されていない記録だけです。');
    expect(tb.textOf(await tb.click('bob', menu, '電話'))).toMatch(/#\d+の区分を「電話」に変更しました。/);
    expect((await entries(acme))[0]!.category).toBe('phone');
  });

  it('refuses travel with the reason and logs nothing', async () => {
    const replies = await tb.say('bob', 'hours 3 出張（バンコク→ラヨーン）');
    expect(replies[0]).toMatchObject({ kind: 'error', code: 'not_counted' });
    expect(tb.textOf(replies)).toContain('専門家の出張に要する時間は支援時間に含まれないため、記録しませんでした。');
    expect(await entries(acme)).toHaveLength(0);
  });

  it('explains unreadable durations with examples', async () => {
    const cases: [string, string][] = [
      ['hours 0 meeting', '0分は記録できません'],
      ['hours 9 meeting', '1件で記録できるのは8時間までです'],
      ['hours -1 meeting', 'マイナスの時間は記録できません'],
      ['hours abc meeting', '時間を読み取れませんでした'],
      ['hours 2', '時間のあとに作業内容を入力してください'],
      ['hours 1 meeting on 2021-02-30', '日付が正しくありません'],
    ];
    for (const [typed, expected] of cases) {
      const shown = tb.textOf(await tb.say('bob', typed));
      expect(shown, typed).toContain(expected);
      expect(shown, typed).toContain('例: hours 2 NDAレビュー');
    }
    expect(await entries(acme)).toHaveLength(0);
  });

  it('refuses what would pass the cap and shows the remaining hours; warns at 80%; notifies staff and the applicant at the cap', async () => {
    const sueId = await tb.grant('sue', 'staff');
    const annId = await tb.personId('ann');
    expect(tb.textOf(await tb.say('bob', 'hours 8 review NDA'))).not.toContain('⚠');
    const warned = tb.textOf(await tb.say('bob', 'hours 6 web会議'));
    expect(warned).toContain('⚠ 使用済みの時間が上限の80%を超えました（残り 3時間）。');

    const refused = await tb.say('bob', 'hours 4 規程レビュー');
    expect(refused[0]).toMatchObject({ kind: 'error', code: 'over_cap' });
    expect(tb.textOf(refused)).toContain(
      '4時間を記録するとAcme（タイ）の上限（17時間）を超えるため、記録しませんでした。残りは3時間です（使用済み 14時間）。',
    );
    expect(await outboxTexts(sueId)).toEqual([]);

    const full = tb.textOf(await tb.say('bob', 'hours 3 メール回答'));
    expect(full).toContain('残り 0時間');
    expect(full).toContain('上限（17時間）に達しました。ジェトロ事務局と申請企業にお知らせしました。');
    expect(await outboxTexts(sueId)).toEqual([expect.stringContaining('Acme（タイ）の支援時間が上限（17時間）に達しました')]);
    expect(await outboxTexts(annId)).toEqual([
      expect.stringContaining('Acme（タイ）の支援時間（上限17時間）をすべて使用しました。ご不明な点は CHIZAI@jetro.go.jp まで'),
    ]);

    const after = tb.textOf(await tb.say('bob', 'hours 0.25 電話'));
    expect(after).toContain('上限（17時間）に達しているため、15分を記録できませんでした。残りは0時間です。');
    expect(await usedMinutes(tb, acme)).toBe(17 * 60);
    expect(await tb.services.hours.sumMinutes(acme)).toBe(17 * 60);
  });

  it('logs a retried request once and answers the retry with the first answer', async () => {
    const input = {
      platform: 'console' as const,
      identity: { key: 'console:bob', userId: 'bob' },
      conversation: { key: 'console:bob', isDirect: true },
      text: 'hours 2 review NDA',
      idempotencyKey: 'slack-retry-1',
    };
    const first = await tb.handle(input);
    const retry = await tb.handle(input);
    expect(retry.duplicate).toBe(true);
    expect(retry.replies).toEqual(first.replies);
    expect(await entries(acme)).toHaveLength(1);
    expect(await usedMinutes(tb, acme)).toBe(120);
  });

  it('uses the engagement country’s calendar: no future dates, none before adoption', async () => {
    // 23:30 in Bangkok on 1 September, already 2 September in Tokyo.
    tb.clock.set(new Date('2021-09-01T16:30:00Z'));
    const future = await tb.say('bob', 'hours 1 meeting on 2021-09-02');
    expect(future[0]).toMatchObject({ kind: 'error', code: 'future_date' });
    expect(tb.textOf(future)).toContain('未来の日付には記録できません（Acme（タイ）の現地の今日は2021年9月1日（水）です）。');
    expect(tb.textOf(await tb.say('bob', 'hours 1 meeting'))).toContain('実施日: 2021年9月1日（水）');

    const early = await tb.say('bob', 'hours 1 meeting on 2021-08-19');
    expect(early[0]).toMatchObject({ kind: 'error', code: 'before_adoption' });
    expect(tb.textOf(early)).toContain('Acme（タイ）の採択日（2021年8月20日（金））より前の日付には記録できません。');
    expect(tb.textOf(await tb.say('bob', 'hours 1 meeting on 2021/8/20'))).toContain('実施日: 2021年8月20日（金）');
    expect(await entries(acme)).toHaveLength(2);
  });

  it('refuses after the support period has ended', async () => {
    tb.clock.set(new Date('2022-02-19T03:00:00Z'));
    const replies = await tb.say('bob', 'hours 1 follow-up meeting on 2022-02-18');
    expect(replies[0]).toMatchObject({ kind: 'error', code: 'support_ended' });
    expect(tb.textOf(replies)).toContain('支援期間は2022年2月18日（金）で終了したため、記録できません。');
    tb.clock.set(new Date('2022-02-18T10:00:00Z'));
    expect(tb.textOf(await tb.say('bob', 'hours 1 follow-up meeting'))).toContain('区分: 支援後のフォローアップ面談');
  });

  it('takes back the expert’s own last entry within a day; the entry stays, voided, and the hours come back', async () => {
    await tb.say('bob', 'hours 1 電話');
    await tb.say('bob', 'hours 2 review NDA');
    tb.clock.advanceMinutes(60);
    const undone = tb.textOf(await tb.say('bob', 'hours undo'));
    expect(undone).toMatch(/記録 #\d+（2時間・review NDA）を取り消しました。Acme（タイ）の残りは16時間です。/);
    const [phone, nda] = await entries(acme);
    expect(nda).toMatchObject({ voidReason: 'undo', voidedById: await tb.personId('bob') });
    expect(nda!.voidedAt).not.toBeNull();
    expect(phone!.voidedAt).toBeNull();
    expect(await usedMinutes(tb, acme)).toBe(60);
    expect(await tb.db.prisma.auditLog.count({ where: { action: 'hours.voided', subjectId: String(nda!.id) } })).toBe(1);

    tb.clock.advanceMinutes(24 * 60);
    expect(tb.textOf(await tb.say('bob', '時間 取り消し'))).toContain(
      `直前の記録 #${phone!.id} は記録から24時間以上たっているため、ご自身では取り消せません。`,
    );
    expect(await usedMinutes(tb, acme)).toBe(60);
  });

  it('lists entries a page at a time, voided ones marked', async () => {
    for (let i = 1; i <= 12; i++) await tb.say('bob', `hours 15m メール回答 ${i}`);
    await tb.say('bob', 'hours undo');
    const first = await tb.say('bob', 'hours list');
    const firstText = tb.textOf(first);
    expect(firstText).toContain('支援時間の記録（1–10件目 / 全12件）');
    expect(firstText).toContain('15分 メール — Acme（タイ）・bob: メール回答 12 （取消: 本人による取り消し）');
    expect(firstText).not.toContain('メール回答 2\n');
    const second = tb.textOf(await tb.click('bob', first, '次へ'));
    expect(second).toContain('支援時間の記録（11–12件目 / 全12件）');
    expect(second).toContain('メール回答 1');
    expect(tb.textOf(await tb.say('stranger', 'hours list'))).toContain('権限が必要です');
  });

  it('lets staff void any entry with a reason, tells the expert, and audits it', async () => {
    const sueId = await tb.grant('sue', 'staff');
    const bobId = await tb.personId('bob');
    await tb.say('bob', 'hours 3 review NDA');
    const [entry] = await entries(acme);

    expect(tb.textOf(await tb.say('bob', `hours void ${entry!.id} mistake`))).toContain('「ジェトロ事務局」の権限が必要です');
    expect(tb.textOf(await tb.say('sue', `hours void ${entry!.id}`))).toContain('使い方: hours void <記録番号> <理由>');
    // Taking hours back cannot be undone: staff are asked first, with who will be told.
    const question = await tb.say('sue', `hours void #${entry!.id} 同じ作業を二重に記録`);
    expect(tb.textOf(question)).toContain(
      `記録 #${entry!.id}（Acme（タイ）、3時間、review NDA、記録者: bob）を取り消しますか？取り消した時間は案件に戻ります。記録した専門家に理由とともに通知されます。`,
    );
    expect(await usedMinutes(tb, acme)).toBe(180);
    const done = tb.textOf(await tb.click('sue', question, '記録を取り消す'));
    // A second click on the same button changes nothing.
    expect(tb.textOf(await tb.click('sue', question, '記録を取り消す'))).toContain('このボタンは使えなくなりました');
    expect(done).toContain(`記録 #${entry!.id}（Acme（タイ）、3時間）を取り消しました。理由: 同じ作業を二重に記録。残りは17時間です。`);
    expect(await tb.db.prisma.hourEntry.findUnique({ where: { id: entry!.id } })).toMatchObject({
      voidedById: sueId,
      voidReason: '同じ作業を二重に記録',
    });
    expect(await usedMinutes(tb, acme)).toBe(0);
    expect(await outboxTexts(bobId)).toEqual([
      expect.stringContaining(
        `ジェトロ事務局が記録 #${entry!.id}（Acme（タイ）、3時間、review NDA）を取り消しました。理由: 同じ作業を二重に記録`,
      ),
    ]);
    expect(await tb.db.prisma.auditLog.count({ where: { action: 'hours.voided', actorId: sueId } })).toBe(1);

    expect(tb.textOf(await tb.say('sue', `hours void ${entry!.id} again`))).toContain('既に取り消されています（同じ作業を二重に記録）');
    expect(tb.textOf(await tb.say('sue', 'hours void 999 x'))).toContain('記録 #999 は見つかりません。');
    expect(await usedMinutes(tb, acme)).toBe(0);
  });

  it('answers in English', async () => {
    await tb.say('bob', 'language en');
    const shown = tb.textOf(await tb.say('bob', 'hours 1h30m call with HR on 2021-08-31'));
    expect(shown).toContain('Logged 1 h 30 min (#');
    expect(shown).toContain('Category: phone (from your description)');
    expect(shown).toContain('Engagement: Acme (Thailand)');
    expect(shown).toContain('Date: Tue 31 Aug 2021');
    expect(shown).toContain('1 h 30 min / 17 h (15 h 30 min left)');
  });
});

describe('who may log where', () => {
  beforeEach(async () => {
    tb = await createTestBot({ now: '2021-09-01T01:00:00Z' });
  });

  it('refuses people who are not experts', async () => {
    await engagement(tb, { company: 'Acme', country: 'th', experts: ['bob'], applicant: 'ann' });
    const replies = await tb.say('ann', 'hours 1 meeting');
    expect(replies[0]).toMatchObject({ kind: 'error', code: 'forbidden' });
    expect(tb.textOf(replies)).toContain('「専門家」の権限が必要です');
    expect(await tb.db.prisma.hourEntry.count()).toBe(0);
  });

  it('refuses an expert with no engagement, one not assigned to the named company, and one not assigned in a bound channel', async () => {
    await tb.grant('eve', 'expert', { country: 'th' });
    await engagement(tb, { company: 'Acme', country: 'th', experts: ['bob'], channelKey: 'slack:T1:CACME' });
    expect(tb.textOf(await tb.say('eve', 'hours 1 meeting'))).toContain(
      'あなたが担当する採択済みの案件が見つからないため、記録できません。',
    );
    // `for <company>` names only one's own engagements: another company's is not looked up (nor confirmed to exist).
    expect(tb.textOf(await tb.say('eve', 'hours 1 meeting for Acme'))).toContain(
      'あなたが担当する採択済みの案件が見つからないため、記録できません。',
    );
    expect(tb.textOf(await tb.say('eve', 'hours 1 meeting', { conversation: 'slack:T1:CACME' }))).toContain(
      'Acme（タイ）の担当専門家として登録されていないため',
    );
    expect(await tb.db.prisma.hourEntry.count()).toBe(0);
  });

  it('checks the expert’s grant for the engagement’s country', async () => {
    const appId = await engagement(tb, { company: 'Acme', country: 'th' });
    const bobId = await tb.grant('bob', 'expert', { country: 'vn' });
    await tb.db.prisma.assignment.create({ data: { applicationId: appId, expertId: bobId } });
    expect(tb.textOf(await tb.say('bob', 'hours 1 meeting'))).toContain('あなたが担当する採択済みの案件が見つからないため');
    await tb.grant('bob', 'expert', { country: 'th' });
    expect(tb.textOf(await tb.say('bob', 'hours 1 meeting'))).toContain('1時間を記録しました');
  });

  it('refuses an engagement that is not adopted', async () => {
    await engagement(tb, { company: 'Acme', country: 'th', experts: ['bob'], status: 'screening' });
    const replies = await tb.say('bob', 'hours 1 meeting');
    expect(replies[0]).toMatchObject({ kind: 'error', code: 'not_adopted' });
    expect(tb.textOf(replies)).toContain('Acme（タイ）は採択済みの案件ではない（または支援が終了した）ため、記録できません。');
  });
});

describe('choosing the engagement', () => {
  let acme: number;
  let beta: number;
  beforeEach(async () => {
    tb = await createTestBot({ now: '2021-09-01T01:00:00Z' });
    acme = await engagement(tb, { company: 'Acme', country: 'th', experts: ['bob'] });
    beta = await engagement(tb, { company: 'Beta', country: 'vn', experts: ['bob'], channelKey: 'slack:T1:CBETA' });
  });

  it('asks with a button per engagement when there are two, logs on the one clicked, and only once', async () => {
    const asked = await tb.say('bob', 'hours 2 review NDA', { key: 'ask-1' });
    expect(asked[0]).toMatchObject({ kind: 'choices' });
    expect(tb.textOf(asked)).toContain('どの案件の時間ですか？（2時間・review NDA）');
    expect(tb.textOf(asked)).toContain('Acme（タイ）');
    expect(tb.textOf(asked)).toContain('Beta（ベトナム）');
    expect(await tb.db.prisma.hourEntry.count()).toBe(0);

    const [a, b] = await Promise.all([tb.click('bob', asked, 'Beta'), tb.click('bob', asked, 'Beta')]);
    const answers = [tb.textOf(a), tb.textOf(b)];
    expect(answers.some((s) => s.includes('2時間を記録しました'))).toBe(true);
    const logged = await entries(beta);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ minutes: 120 });
    expect(await entries(acme)).toHaveLength(0);

    const late = tb.textOf(await tb.click('bob', asked, 'Acme'));
    expect(late).toContain('このボタンは使えなくなりました');
    expect(await tb.db.prisma.hourEntry.count()).toBe(1);
  });

  it('takes a typed company name as the answer', async () => {
    await tb.say('bob', 'hours 1 電話');
    expect(tb.textOf(await tb.say('bob', 'acme'))).toContain('案件: Acme（タイ）');
    expect(await entries(acme)).toHaveLength(1);
  });

  it('types the label, the number, or the entry again with its company: each answers once', async () => {
    await tb.say('bob', 'hours 1 電話');
    expect(tb.textOf(await tb.say('bob', 'Acme（タイ）'))).toContain('案件: Acme（タイ）');
    await tb.say('bob', 'hours 1 電話');
    expect(tb.textOf(await tb.say('bob', '2'))).toContain('案件: Beta（ベトナム）');
    // The same entry typed again, now naming its company: it answers the question, and is logged once.
    await tb.say('bob', 'hours 2 review NDA', { key: 'first' });
    const retyped = tb.textOf(await tb.say('bob', 'hours 2 review NDA for Acme'));
    expect(retyped).toContain('2時間を記録しました');
    expect((await entries(acme)).filter((e) => e.note === 'review NDA')).toHaveLength(1);
    expect(await tb.services.conversations.get('console:bob', 'console:bob')).toBeNull();
  });

  it('logs another entry typed while it asks, and keeps asking about the first', async () => {
    await tb.say('bob', 'hours 2 review NDA');
    const other = tb.textOf(await tb.say('bob', 'hours 1 call for Beta'));
    expect(other).toContain('1時間を記録しました');
    expect(other).toContain('「支援時間の記録（2時間・review NDA）」は途中のままです');
    expect(other).toContain('どの案件の時間ですか？（2時間・review NDA）');
    expect(await entries(beta)).toHaveLength(1);
    // An entry that needs asking too would lose the first: the expert is asked first.
    const asked = await tb.say('bob', 'hours 3 workshop');
    expect(tb.textOf(asked)).toContain('中断して「hours 3 workshop」に進みますか');
    const kept = await tb.click('bob', asked, '続ける');
    expect(tb.textOf(await tb.click('bob', kept, 'Acme'))).toContain('内容: review NDA');
  });

  it('uses the engagement bound to the channel, or the company named with for', async () => {
    expect(tb.textOf(await tb.say('bob', 'hours 1 電話', { conversation: 'slack:T1:CBETA' }))).toContain('案件: Beta（ベトナム）');
    expect(tb.textOf(await tb.say('bob', 'hours 1 review NDA for the new hires for Acme'))).toContain('内容: review NDA for the new hires');
    expect(await entries(acme)).toHaveLength(1);
    expect(tb.textOf(await tb.say('bob', 'hours 30m 電話 on 2021-08-30 for 株式会社ACME'))).toContain('実施日: 2021年8月30日（月）');
    expect(await entries(acme)).toHaveLength(2);
  });
});

describe('budget', () => {
  beforeEach(async () => {
    tb = await createTestBot({ now: '2021-09-01T01:00:00Z' });
    await engagement(tb, { company: 'Acme', country: 'th', experts: ['bob'], applicant: 'ann' });
    await engagement(tb, { company: 'Acme', country: 'sg', experts: ['kim'] });
    await engagement(tb, { company: 'Beta', country: 'vn', experts: ['bob'], status: 'screening' });
    await tb.say('bob', 'hours 3 review NDA');
    await tb.say('kim', 'hours 2 email');
  });

  it('shows applicants their company’s hours per country', async () => {
    const shown = tb.textOf(await tb.say('ann', '残り時間'));
    expect(shown).toContain('■ Acmeの支援時間');
    expect(shown).toContain('タイ ████░░░░░░░░░░░░░░░░ 3時間 / 17時間（残り 14時間）');
    expect(shown).toContain('シンガポール ████░░░░░░░░░░░░░░░░ 2時間 / 10時間（残り 8時間）');
    expect(shown).not.toContain('Beta');
  });

  it('shows used, booked and what is left after open bookings, as the booking summary does', async () => {
    const acmeTh = (await tb.db.prisma.application.findFirstOrThrow({ where: { country: 'th' } })).id;
    await tb.db.prisma.application.update({ where: { id: acmeTh }, data: { reservedMinutes: 90 } });
    const shown = tb.textOf(await tb.say('ann', 'budget'));
    expect(shown).toContain('タイ █████░░░░░░░░░░░░░░░ 3時間 / 17時間（予約中 1時間30分、予約分を除いた残り 12時間30分）');
    const english = tb.textOf(await tb.say('ann', 'budget', { locale: 'en' }));
    expect(english).toContain('3 h / 17 h (1 h 30 min booked, 12 h 30 min left after bookings)');
  });

  it('shows an applicant the company they name, if it is theirs', async () => {
    expect(tb.textOf(await tb.say('ann', 'budget acme'))).toContain('■ Acmeの支援時間');
    expect((await tb.say('ann', 'budget Beta'))[0]).toMatchObject({ kind: 'error', code: 'not_yours' });
  });

  it('shows experts their engagements, including one not adopted yet', async () => {
    const shown = tb.textOf(await tb.say('bob', 'budget'));
    expect(shown).toContain('Acme（タイ） ████░░░░░░░░░░░░░░░░ 3時間 / 17時間（残り 14時間）');
    expect(shown).not.toContain('シンガポール');
  });

  it('shows staff any company, or all adopted engagements', async () => {
    await tb.grant('sue', 'staff');
    const acme = tb.textOf(await tb.say('sue', 'budget acme'));
    expect(acme).toContain('タイ ████');
    expect(acme).toContain('シンガポール ████');
    const all = tb.textOf(await tb.say('sue', '予算'));
    expect(all).toContain('採択済み案件の支援時間（残りの少ない順）');
    expect(all.indexOf('Acme（シンガポール）')).toBeLessThan(all.indexOf('Acme（タイ）'));
    expect(tb.textOf(await tb.say('sue', 'budget Nobody'))).toContain('会社「Nobody」は見つかりませんでした。');
  });

  it('refuses people with no role', async () => {
    expect((await tb.say('stranger', 'budget'))[0]).toMatchObject({ kind: 'error', code: 'forbidden' });
  });

  it('puts remaining hours and recent entries on the dashboard', async () => {
    const home = (user: string) =>
      tb.bot
        .home({
          platform: 'console',
          identity: { key: `console:${user}`, userId: user },
          conversation: { key: `console:${user}`, isDirect: true },
          idempotencyKey: 'home',
        })
        .then((h) => h.replies);
    const expert = tb.textOf(await home('bob'));
    expect(expert).toContain('担当案件の支援時間');
    expect(expert).toContain('3時間 / 17時間（残り 14時間）');
    expect(expert).toContain('review NDA');
    expect(tb.textOf(await home('ann'))).toContain('タイ ████░░░░░░░░░░░░░░░░ 3時間 / 17時間（残り 14時間）');
  });
});
