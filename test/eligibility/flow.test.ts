// The eligibility check and applying, end to end through the real bot on a real database: what the person sees.
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { tempDatabaseUrl } from '../support/temp-database.ts';

let tb: TestBot;
const opened: TestBot[] = [];
async function start(opts: Parameters<typeof createTestBot>[0] = {}): Promise<TestBot> {
  tb = await createTestBot(opts);
  opened.push(tb);
  return tb;
}
afterEach(async () => {
  for (const b of opened.splice(0)) await b.close();
});

const seen = (r: Reply[]) => tb.textOf(r);
const labels = (r: Reply[]) => r.flatMap((x) => (x.kind === 'choices' ? x.choices.map((c) => c.label) : []));

/** Answers from the first question to the summary: Japanese corporation in Thailand, all yes, no prior use. */
async function toSummary(user: string, countries = 'タイ'): Promise<Reply[]> {
  let r = await tb.say(user, '応募資格');
  r = await tb.click(user, r, '日本国内の法人');
  r = await tb.say(user, countries);
  r = await tb.say(user, 'はい'); // intent
  r = await tb.say(user, 'はい'); // consent
  for (let i = 0; i < countries.split(/と|、/).length; i++) r = await tb.say(user, 'いいえ'); // prior use per country
  return r;
}

async function outboxTextFor(personId: number): Promise<string[]> {
  const rows = await tb.db.prisma.outbox.findMany({ where: { personId }, orderBy: { id: 'asc' } });
  return rows.map((row) => tb.textOf(JSON.parse(row.replies) as Reply[]));
}

describe('eligibility check, step by step', () => {
  it('asks one question at a time with buttons, shows a summary and the result per country, and registers the application', async () => {
    await start();
    const staffId = await tb.grant('jetro', 'staff');

    let r = await tb.say('alice', 'こんにちは');
    expect(seen(r)).toContain('応募条件を満たしているかを確認します');
    expect(labels(r)).toEqual([
      '日本国内の法人（海外に現地法人・工場・駐在員事務所あり）',
      '海外の現地法人',
      '日本企業の海外駐在員事務所',
      'いずれにも当たらない',
    ]);

    r = await tb.click('alice', r, '日本国内の法人');
    expect(seen(r)).toContain('現地法人・工場・駐在員事務所はどの国にありますか');
    expect(seen(r)).toContain('香港、マカオ、台湾は対象外です');
    r = await tb.click('alice', r, 'タイ');
    expect(seen(r)).toContain('選択中: タイ');
    expect(labels(r)).toContain('✓ タイ');
    r = await tb.click('alice', r, 'ベトナム');
    expect(seen(r)).toContain('選択中: タイ、ベトナム');
    r = await tb.click('alice', r, '決定');
    expect(seen(r)).toContain('営業秘密管理体制の整備に積極的に取り組む意思がありますか');
    expect(labels(r)).toEqual(['はい', 'いいえ']);

    r = await tb.click('alice', r, 'はい');
    expect(seen(r)).toContain('広報（事例紹介など）に協力することに同意いただけますか');
    r = await tb.say('alice', 'はい');
    expect(seen(r)).toContain('2019年4月1日（月）以降、タイで本事業を合計20時間以上利用したことがありますか');
    r = await tb.say('alice', '19.5');
    expect(seen(r)).toContain('19.5時間として記録しました');
    expect(seen(r)).toContain('ベトナムで本事業を合計20時間以上');
    r = await tb.click('alice', r, '20時間未満');

    expect(seen(r)).toContain('■ ご回答の内容');
    expect(seen(r)).toContain('国: タイ、ベトナム');
    expect(seen(r)).toContain('タイでの利用実績: 20時間未満・利用なし（19.5時間）');
    expect(labels(r)).toContain('「国」を変更');

    r = await tb.click('alice', r, 'この内容で結果を見る');
    const result = seen(r);
    expect(result).toContain('■ タイ: 応募できます');
    expect(result).toContain('■ ベトナム: 応募できます');
    expect(result).toContain('支援時間の上限: 17時間（1社・1カ国あたり）');
    expect(result).toContain('支援期間: 採択後から2022年2月18日（金）まで');
    expect(result).toContain('ジェトロ担当: 古賀、中山、峯');
    expect(result).toContain('本事業のサービスは無料です');
    expect(result).toContain('PDFファイルをCHIZAI@jetro.go.jp宛てにメールで');
    expect(result).toContain('保有情報リスト（様式1）');
    expect(result).toContain('電話: 03-3582-5198');
    expect(labels(r)).toEqual(['申請を登録する', '今はしない']);

    r = await tb.click('alice', r, '申請を登録する');
    expect(seen(r)).toContain('会社の名称を入力してください');
    r = await tb.say('alice', '株式会社サンプル');
    expect(seen(r)).toContain('株式会社サンプルのタイ向けの申請を登録しました');
    expect(seen(r)).toContain('株式会社サンプルのベトナム向けの申請を登録しました');

    // Recorded: company, the applicant role for it, one application per country with the answers, the audit trail.
    const aliceId = await tb.personId('alice');
    const apps = await tb.db.prisma.application.findMany({ orderBy: { id: 'asc' }, include: { company: true } });
    expect(apps.map((a) => [a.company.name, a.country, a.status, a.applicantId, a.priorUseMinutes])).toEqual([
      ['株式会社サンプル', 'th', 'applied', aliceId, 1170],
      ['株式会社サンプル', 'vn', 'applied', aliceId, 0],
    ]);
    expect(JSON.parse(apps[0]!.answers)).toMatchObject({
      entityKind: 'japan_corporation',
      intent: true,
      consent: true,
      priorUse: { atLeastThreshold: false, minutes: 1170 },
    });
    const grants = await tb.db.prisma.roleGrant.findMany({ where: { personId: aliceId } });
    expect(grants.map((g) => [g.role, g.companyId])).toEqual([['applicant', apps[0]!.companyId]]);
    const audit = await tb.db.prisma.auditLog.findMany({ where: { actorId: aliceId }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['company.created', 'application.created', 'application.created', 'role.granted']);

    // Program staff are notified, in their language, through the outbox.
    const staffMessages = await outboxTextFor(staffId);
    expect(staffMessages).toHaveLength(2);
    expect(staffMessages[0]).toContain('新しい申請が登録されました: 株式会社サンプル（タイ');

    // The applicant follows the status of their company's applications only.
    r = await tb.say('alice', '申請状況');
    expect(seen(r)).toContain('■ 株式会社サンプル（タイ）申請番号');
    expect(seen(r)).toContain('状況: 申請登録済み（受領確認待ち）');
    expect(seen(r)).toContain('申請日: 2021年9月1日（水）');
  });

  it('refuses to apply twice for the same company and country: its member sees the application, a stranger nothing of it', async () => {
    await start();
    const staffId = await tb.grant('jetro', 'staff');
    let r = await toSummary('alice');
    r = await tb.click('alice', r, 'この内容で結果を見る');
    r = await tb.click('alice', r, '申請を登録する');
    r = await tb.say('alice', 'サンプル株式会社');
    expect(seen(r)).toContain('申請を登録しました');
    const [app] = await tb.db.prisma.application.findMany();
    await tb.db.prisma.application.update({ where: { id: app!.id }, data: { status: 'screening' } });

    // Someone else types the same company in another width: "already registered", and nothing of it.
    r = await toSummary('bob');
    r = await tb.click('bob', r, 'この内容で結果を見る');
    r = await tb.click('bob', r, '申請を登録する');
    r = await tb.say('bob', 'ｻﾝﾌﾟﾙ株式会社');
    expect(seen(r)).toContain('「サンプル株式会社」はすでに登録されています');
    expect(seen(r)).toContain('ジェトロにお問い合わせください');
    expect(seen(r)).toContain('CHIZAI@jetro.go.jp');
    for (const secret of [`申請番号 ${app!.id}`, '審査中', '2021年9月1日', 'タイ向け']) expect(seen(r)).not.toContain(secret);
    expect(await tb.db.prisma.application.count()).toBe(1);
    // Typing a company's name does not make bob its applicant: his status shows only his waiting request.
    r = await tb.say('bob', 'status');
    expect(seen(r)).toContain('参加の申請（番号 1）は承認を待っています');
    expect(seen(r)).not.toContain('審査中');

    // Without its legal form it is another company: registered separately, and staff are told it may be a duplicate.
    r = await toSummary('carol');
    r = await tb.click('carol', r, 'この内容で結果を見る');
    r = await tb.click('carol', r, '申請を登録する');
    r = await tb.say('carol', 'ｻﾝﾌﾟﾙ');
    expect(seen(r)).toContain('サンプルのタイ向けの申請を登録しました');
    expect(seen(r)).not.toContain('審査中');
    expect((await outboxTextFor(staffId)).join('\n')).toMatch(
      /新しく登録された会社 #2 サンプル は、登録済みの #1 サンプル株式会社 と同じ会社かもしれません/,
    );
    r = await tb.say('carol', 'status');
    expect(seen(r)).not.toContain('サンプル株式会社');

    // The applicant may offer their known company by button the next time, and is told of its application.
    r = await toSummary('alice');
    r = await tb.click('alice', r, 'この内容で結果を見る');
    r = await tb.click('alice', r, '申請を登録する');
    expect(labels(r)).toEqual(['サンプル株式会社']);
    r = await tb.click('alice', r, 'サンプル株式会社');
    expect(seen(r)).toContain('サンプル株式会社のタイ向けの申請はすでに登録されています');
    expect(seen(r)).toContain('状況: 審査中');
    expect(seen(r)).toContain('2021年9月1日（水）登録');
  });

  it('goes back to change the previous answer without restarting', async () => {
    await start();
    let r = await tb.say('alice', '応募資格');
    r = await tb.say('alice', 'back');
    expect(seen(r)).toContain('これが最初の質問です');
    r = await tb.click('alice', r, '海外の現地法人');
    r = await tb.click('alice', r, 'タイ');
    r = await tb.click('alice', r, 'シンガポール');
    r = await tb.click('alice', r, 'タイ'); // toggled off again
    r = await tb.click('alice', r, '決定');
    expect(seen(r)).toContain('日本企業から出資を受けていますか');
    r = await tb.say('alice', 'いいえ');
    expect(seen(r)).toContain('取り組む意思');

    // One `back` returns to the previous question (toggling the countries did not count as steps).
    r = await tb.say('alice', '戻る');
    expect(seen(r)).toContain('日本企業から出資を受けていますか');
    r = await tb.say('alice', 'back');
    expect(seen(r)).toContain('選択中: シンガポール');
    r = await tb.click('alice', r, '決定');
    r = await tb.say('alice', 'はい'); // investment changed to yes
    r = await tb.say('alice', 'はい');
    r = await tb.say('alice', 'はい');
    expect(seen(r)).toContain('シンガポールで本事業を合計20時間以上');
    r = await tb.say('alice', 'no');
    expect(seen(r)).toContain('日本企業からの出資: はい');
    r = await tb.click('alice', r, 'この内容で結果を見る');
    expect(seen(r)).toContain('■ シンガポール: 応募できます');
    expect(seen(r)).toContain('支援時間の上限: 10時間');
  });

  it('asks a wrong answer again with the valid choices, and after three misses offers help or to stop', async () => {
    await start();
    let r = await tb.say('alice', '応募資格');
    r = await tb.click('alice', r, '日本国内');
    r = await tb.say('alice', '韓国');
    expect(seen(r)).toContain('「韓国」は対象国として読み取れませんでした。中国大陸、タイ、ベトナム、シンガポールから選んでください');
    r = await tb.say('alice', 'タイ');
    r = await tb.say('alice', 'たぶん');
    expect(seen(r)).toContain('回答を読み取れませんでした。次から選んでください: はい / いいえ');
    expect(seen(r)).toContain('取り組む意思がありますか');
    expect(seen(await tb.say('alice', 'わからない'))).toContain('取り組む意思があることが応募条件です');
    r = await tb.say('alice', '微妙');
    r = await tb.say('alice', '???');
    expect(seen(r)).toContain('ヘルプを見るか、中止できます');
    expect(labels(r)).toEqual(['ヘルプ', '続ける', '中止する']);
    r = await tb.click('alice', r, 'ヘルプ');
    expect(seen(r)).toContain('取り組む意思があることが応募条件です');
    expect(seen(r)).toContain('取り組む意思がありますか');
    r = await tb.say('alice', 'y');
    expect(seen(r)).toContain('同意いただけますか');
  });

  it('explains the question on help and asks the same question again', async () => {
    await start();
    let r = await tb.say('alice', 'eligibility', { locale: 'en' });
    r = await tb.click('alice', r, 'Corporation in Japan', { locale: 'en' });
    r = await tb.say('alice', 'Thailand, Vietnam', { locale: 'en' });
    r = await tb.say('alice', 'yes', { locale: 'en' });
    r = await tb.say('alice', 'yes', { locale: 'en' });
    expect(seen(r)).toContain('Since Mon 1 Apr 2019, has your company used this program in Thailand');
    r = await tb.say('alice', 'help', { locale: 'en' });
    expect(seen(r)).toContain('can apply too, but only from Thu 15 Jul 2021');
    expect(seen(r)).toContain('At any step: back, restart, cancel, help');
    expect(seen(r)).toContain('has your company used this program in Thailand for 20 hours or more');
    r = await tb.say('alice', '20 hours', { locale: 'en' });
    expect(seen(r)).toContain('Noted: 20 h.');
    expect(seen(r)).toContain('in Vietnam for 20 hours or more');
  });

  it('resumes where it stopped after the bot restarts, and when the command is typed again', async () => {
    const temp = tempDatabaseUrl();
    try {
      const first = await createTestBot({ databaseUrl: temp.url });
      tb = first;
      let r = await first.say('alice', '応募資格');
      r = await first.click('alice', r, '日本企業の海外駐在員事務所');
      r = await first.say('alice', 'ベトナム');
      expect(seen(r)).toContain('取り組む意思がありますか');
      await first.close();

      const second = await createTestBot({ databaseUrl: temp.url });
      tb = second;
      try {
        r = await second.say('alice', 'はい');
        expect(seen(r)).toContain('同意いただけますか');
        r = await second.say('alice', '応募資格');
        expect(seen(r)).toContain('前回の続きから再開します');
        expect(seen(r)).toContain('同意いただけますか');
        r = await second.say('alice', 'はい');
        r = await second.say('alice', 'いいえ');
        expect(seen(r)).toContain('法人の種別: 日本企業の海外駐在員事務所');
        expect(seen(r)).toContain('国: ベトナム');
      } finally {
        await second.close();
      }
    } finally {
      temp.cleanup();
    }
  });

  it('expires a flow left halfway after the configured time', async () => {
    await start();
    let r = await tb.say('alice', '応募資格');
    r = await tb.click('alice', r, '日本国内');
    tb.clock.advanceMinutes(71 * 60);
    r = await tb.say('alice', 'タイ');
    expect(seen(r)).toContain('取り組む意思'); // still alive within the 72 hours of the test configuration
    tb.clock.advanceMinutes(73 * 60);
    r = await tb.say('alice', 'はい');
    expect(seen(r)).toContain('前回の手続きは期限切れになったため、破棄しました');
    r = await tb.say('alice', '応募資格');
    expect(seen(r)).toContain('貴社は次のどれに当たりますか');
  });

  it('changes one answer from the summary and comes back to the summary', async () => {
    await start();
    let r = await toSummary('alice');
    r = await tb.click('alice', r, '「国」を変更');
    expect(seen(r)).toContain('選択中: タイ');
    r = await tb.click('alice', r, 'シンガポール');
    r = await tb.click('alice', r, '決定');
    // Only what the change made necessary is asked: the prior use in Singapore.
    expect(seen(r)).toContain('シンガポールで本事業を合計20時間以上');
    r = await tb.click('alice', r, '20時間以上利用した');
    expect(seen(r)).toContain('■ ご回答の内容');
    expect(seen(r)).toContain('国: タイ、シンガポール');
    expect(seen(r)).toContain('シンガポールでの利用実績: 20時間以上利用した');

    r = await tb.click('alice', r, '「広報への協力の同意」を変更');
    r = await tb.say('alice', 'いいえ');
    expect(seen(r)).toContain('広報への協力の同意: いいえ');
    // Without consent the per-country questions do not matter and are not shown.
    expect(seen(r)).not.toContain('利用実績');
    r = await tb.click('alice', r, 'この内容で結果を見る');
    expect(seen(r)).toContain('■ タイ: 応募条件を満たしていません');
    expect(seen(r)).toContain('理由: 事業終了後の広報（事例紹介など）への協力に同意いただくことが条件です');
    expect(seen(r)).not.toContain('本事業のサービスは無料です');
    expect(labels(r)).toEqual([]);
    expect(seen(r)).toContain('もう一度確認するときは');
  });

  it('says Hong Kong does not count and keeps mainland China', async () => {
    await start();
    let r = await tb.say('alice', '応募資格');
    r = await tb.click('alice', r, '日本国内');
    r = await tb.say('alice', '香港');
    expect(seen(r)).toContain('香港は本事業の対象外です（中国は中国大陸のみが対象です）');
    expect(seen(r)).toContain('まだ選ばれていません');
    r = await tb.say('alice', '中国と香港');
    expect(seen(r)).toContain('香港は本事業の対象外です');
    expect(seen(r)).toContain('取り組む意思がありますか');
    r = await tb.say('alice', 'はい');
    r = await tb.say('alice', 'はい');
    r = await tb.say('alice', '0');
    expect(seen(r)).toContain('対象外の地域: 香港');
    r = await tb.click('alice', r, 'この内容で結果を見る');
    expect(seen(r)).toContain('■ 中国大陸: 応募できます');
    expect(seen(r)).toContain('ジェトロ担当: 赤澤、中山、藤本');
  });

  it('a local corporation without Japanese investment is not eligible, with the reason', async () => {
    await start();
    let r = await tb.say('alice', '応募資格');
    r = await tb.say('alice', '現地法人');
    r = await tb.say('alice', 'タイ');
    r = await tb.say('alice', 'いいえ');
    r = await tb.say('alice', 'はい');
    r = await tb.say('alice', 'はい');
    r = await tb.click('alice', r, 'この内容で結果を見る');
    expect(seen(r)).toContain('■ タイ: 応募条件を満たしていません');
    expect(seen(r)).toContain('現地法人の場合、日本企業の出資を受けていることが条件です');
  });

  it('declining the offer ends the flow without registering', async () => {
    await start();
    let r = await toSummary('alice');
    r = await tb.click('alice', r, 'この内容で結果を見る');
    r = await tb.click('alice', r, '今はしない');
    expect(seen(r)).toContain('申請するときは、もう一度「応募資格」と入力してください');
    expect(await tb.db.prisma.application.count()).toBe(0);
    r = await tb.say('alice', 'help');
    expect(seen(r)).toContain('応募資格を確認し'); // the flow is over: help lists the commands
  });
});

describe('when the program does not take the application', () => {
  it('before the 20-hour rule date: eligible, but accepted only from that date, and no application offered', async () => {
    await start({ now: '2021-07-10T01:00:00Z' });
    let r = await tb.say('alice', '応募資格');
    r = await tb.click('alice', r, '日本国内');
    r = await tb.say('alice', 'タイ');
    r = await tb.say('alice', 'はい');
    r = await tb.say('alice', 'はい');
    r = await tb.say('alice', '20時間');
    r = await tb.click('alice', r, 'この内容で結果を見る');
    expect(seen(r)).toContain('■ タイ: 応募できます（受付開始日にご注意ください）');
    expect(seen(r)).toContain('受付は2021年7月15日（木）からです');
    expect(labels(r)).toEqual([]);
  });

  it('before the program opens', async () => {
    await start({ now: '2021-07-01T01:00:00Z' });
    let r = await toSummary('alice');
    r = await tb.click('alice', r, 'この内容で結果を見る');
    expect(seen(r)).toContain('■ タイ: 応募条件を満たしています');
    expect(seen(r)).not.toContain('応募できます');
    expect(seen(r)).toContain('本事業の申請受付は2021年7月7日（水）からです');
    expect(seen(r)).not.toContain('お申し込み: 所定の申請書');
    expect(labels(r)).toEqual([]);
  });

  it('after the support period ends', async () => {
    await start({ now: '2022-02-19T01:00:00Z' });
    // The first reply says so, before any question.
    const greeting = await tb.say('bob', 'こんにちは');
    const first = greeting[0]!;
    expect(first.kind === 'text' && first.text).toContain('本事業の支援期間は2022年2月18日（金）で終了しました');
    expect(seen(greeting).indexOf('終了しました')).toBeLessThan(seen(greeting).indexOf('貴社は次のどれに当たりますか'));
    let r = await toSummary('alice');
    expect(seen(await tb.say('carol', 'eligibility', { locale: 'en' }))).toMatch(
      /^The support period of the program ended on Fri 18 Feb 2022\.[\s\S]*Which of these/,
    );
    r = await tb.click('alice', r, 'この内容で結果を見る');
    expect(seen(r)).toContain('■ タイ: 応募条件を満たしています');
    expect(seen(r)).not.toContain('応募できます');
    expect(seen(r).indexOf('終了しました')).toBeLessThan(seen(r).indexOf('■ タイ'));
    expect(seen(r)).toContain('本事業の支援期間は2022年2月18日（金）で終了しました');
    expect(seen(r)).not.toContain('お申し込み: 所定の申請書');
    expect(labels(r)).toEqual([]);
  });

  it('once the adoption target is reached', async () => {
    await start();
    for (let i = 0; i < tb.program.adoptionTarget; i++) {
      const company = await tb.db.prisma.company.create({ data: { name: `Adopted ${i}`, nameKey: `adopted${i}` } });
      await tb.db.prisma.application.create({
        data: { companyId: company.id, country: 'th', status: 'adopted', adoptedAt: new Date('2021-08-01T00:00:00Z') },
      });
    }
    expect(seen(await tb.say('bob', 'hello', { locale: 'en' }))).toMatch(
      /^Hello, [\s\S]*has reached its planned number of adoptions \(about 40\), so applications are closed\./,
    );
    let r = await toSummary('alice');
    r = await tb.click('alice', r, 'この内容で結果を見る');
    expect(seen(r)).toContain('予定採択件数（40件程度）に達したため、申請の受付を締め切りました');
    expect(seen(r)).toContain('■ タイ: 応募条件を満たしています');
    expect(labels(r)).toEqual([]);
  });
});

describe('typed answers', () => {
  it('goes from greeting to registration typing only, as a manager in Bangkok would', async () => {
    await start();
    let r = await tb.say('somsak', 'こんにちは');
    r = await tb.say('somsak', '日本法人です');
    r = await tb.say('somsak', 'バンコクとホーチミンに工場があります');
    expect(seen(r)).toContain('取り組む意思がありますか');
    r = await tb.say('somsak', 'はいあります');
    r = await tb.say('somsak', 'もちろん');
    r = await tb.say('somsak', '十九時間');
    expect(seen(r)).toContain('19時間として記録しました');
    r = await tb.say('somsak', '使ったことはない');
    expect(seen(r)).toContain('ご回答の内容');
    r = await tb.say('somsak', 'この内容で結果を見る');
    expect(seen(r)).toContain('■ タイ: 応募できます');
    expect(seen(r)).toContain('申請書原本の郵送先については、改めて個別にご連絡します');
    r = await tb.say('somsak', '申請を登録する');
    r = await tb.say('somsak', 'サイアム精工株式会社です');
    expect(seen(r)).toContain('サイアム精工株式会社のタイ向けの申請を登録しました');
    expect(seen(r)).toContain('サイアム精工株式会社のベトナム向けの申請を登録しました');
  });

  it('compares the hours used with the rule exactly as typed, and shows them as typed', async () => {
    await start();
    await tb.say('alice', '応募資格');
    await tb.say('alice', '1');
    await tb.say('alice', 'タイ');
    await tb.say('alice', 'はい');
    await tb.say('alice', 'はい');
    let r = await tb.say('alice', '19.999');
    expect(seen(r)).toContain('19.999時間として記録しました');
    expect(seen(r)).toContain('タイでの利用実績: 20時間未満・利用なし（19.999時間）');
    r = await tb.say('alice', 'この内容で結果を見る');
    // Below 20 hours: no later acceptance date.
    expect(seen(r)).toContain('■ タイ: 応募できます');
    expect(seen(r)).not.toContain('受付開始日');
    r = await tb.say('alice', 'はい');
    await tb.say('alice', 'Exact Co.');
    const [app] = await tb.db.prisma.application.findMany();
    expect(app!.priorUseMinutes).toBe(1199);
    expect(JSON.parse(app!.answers)).toMatchObject({ priorUse: { atLeastThreshold: false, amount: { hours: '19.999' } } });
  });

  it('takes mainland China from 「深圳と香港」 and says why Hong Kong is not covered', async () => {
    await start();
    await tb.say('li', '応募資格');
    await tb.say('li', '現地法人です');
    const r = await tb.say('li', '深圳と香港');
    expect(seen(r)).toContain('香港は本事業の対象外です（中国は中国大陸のみが対象です）');
    expect(seen(r)).toContain('日本企業から出資を受けていますか');
  });

  it('runs a command typed mid-check and asks the question again; the check goes on', async () => {
    await start();
    await tb.say('alice', '応募資格');
    await tb.say('alice', '日本法人');
    const r = await tb.say('alice', 'status');
    expect(seen(r)).toContain('このアカウントで登録された申請はまだありません');
    expect(seen(r)).toContain('「応募資格の確認」は途中のままです');
    expect(seen(r)).toContain('どの国にありますか');
    expect(seen(await tb.say('alice', 'thai'))).toContain('取り組む意思がありますか');
  });

  it('starts English result lines with a capital', async () => {
    await start();
    await tb.say('carol', 'eligibility', { locale: 'en' });
    await tb.say('carol', 'Corporation in Japan', { locale: 'en' });
    await tb.say('carol', 'Shanghai', { locale: 'en' });
    await tb.say('carol', 'yes', { locale: 'en' });
    await tb.say('carol', 'I agree', { locale: 'en' });
    await tb.say('carol', 'never', { locale: 'en' });
    const r = seen(await tb.say('carol', 'Show the result', { locale: 'en' }));
    expect(r).toContain('■ Mainland China: eligible');
    expect(r).not.toMatch(/^■ mainland/m);
  });
});

describe('greeting, status and home', () => {
  it('a greeting from someone new starts the check; from staff it does not', async () => {
    await start();
    await tb.grant('jetro', 'staff');
    expect(seen(await tb.say('jetro', 'こんにちは'))).not.toContain('貴社は次のどれに当たりますか');
    expect(seen(await tb.say('newcomer', 'hello', { locale: 'en' }))).toContain('Which of these best describes your company?');
  });

  it('shows the applicant their applications on the home view; someone new is invited to check', async () => {
    await start();
    let r = await toSummary('alice');
    r = await tb.click('alice', r, 'この内容で結果を見る');
    r = await tb.click('alice', r, '申請を登録する');
    await tb.say('alice', 'Sample Co., Ltd.');
    const [app] = await tb.db.prisma.application.findMany();
    await tb.db.prisma.application.update({
      where: { id: app!.id },
      data: { status: 'adopted', adoptedAt: new Date('2021-09-10T01:00:00Z'), form1ReceivedAt: new Date('2021-09-11T01:00:00Z') },
    });
    const inbound = (user: string) => ({
      platform: 'console' as const,
      identity: { key: `console:${user}`, userId: user },
      conversation: { key: `console:${user}`, isDirect: true },
      locale: 'en',
      idempotencyKey: `home-${user}`,
    });
    const home = seen((await tb.bot.home(inbound('alice'))).replies);
    expect(home).toContain('Sample Co., Ltd. (Thailand) application no.');
    expect(home).toContain('Status: adopted');
    expect(home).toContain('Adopted: Fri 10 Sep 2021');
    expect(home).toContain('not yet submitted: Form 2');
    expect(seen((await tb.bot.home(inbound('stranger'))).replies)).toContain('type eligibility');
  });
});
