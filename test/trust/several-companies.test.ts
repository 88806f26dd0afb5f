/**
 * A person who belongs to several companies: every applicant command acts only on those companies, takes
 * the company's name, and asks which when it matters (withdraw). Membership approval completes the
 * registration only with what can still be applied for.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';

let tb: TestBot;
afterEach(async () => {
  await tb?.close();
});

const labels = (r: Reply[]) => r.flatMap((x) => (x.kind === 'choices' ? x.choices.map((c) => c.label) : []));

async function applyFor(company: string, country: string, user: string): Promise<number> {
  const c = await tb.services.applications.findOrCreateCompany(company);
  const personId = await tb.grant(user, 'applicant', { companyId: c.id });
  const created = await tb.services.applications.create({
    companyId: c.id,
    country,
    applicantId: personId,
    answers: {},
    priorUseMinutes: 0,
    appliedAt: tb.clock.now(),
  });
  if (!created.created) throw new Error('exists');
  return created.application.id;
}

describe('several companies', () => {
  it('withdraw asks which application, takes the company name, and never reaches another company', async () => {
    tb = await createTestBot();
    const acme = await applyFor('Acme Co., Ltd.', 'th', 'ann');
    const beta = await applyFor('Beta株式会社', 'th', 'ann');
    const other = await applyFor('Gamma株式会社', 'th', 'gus');

    const asked = await tb.say('ann', 'withdraw タイ', { locale: 'en' });
    expect(tb.textOf(asked)).toContain('Several applications can be withdrawn. Which one?');
    expect(labels(asked)).toEqual([`#${acme} Acme Co., Ltd. (Thailand)`, `#${beta} Beta株式会社 (Thailand)`]);
    const question = await tb.click('ann', asked, 'Beta株式会社', { locale: 'en' });
    expect(tb.textOf(question)).toContain(
      `Withdraw the application #${beta} Beta株式会社 (Thailand)? This cannot be undone. JETRO staff will be told.`,
    );
    expect(tb.textOf(await tb.say('ann', 'yes', { locale: 'en' }))).toContain(
      `The application #${beta} Beta株式会社 (Thailand) has been withdrawn.`,
    );

    // By name: the company's own; another company's name reads as "not yours", whether it exists or not.
    expect(tb.textOf(await tb.say('ann', 'withdraw acme co ltd タイ', { locale: 'en' }))).toContain(
      `Withdraw the application #${acme} Acme Co., Ltd. (Thailand)?`,
    );
    await tb.say('ann', 'no', { locale: 'en' });
    for (const name of ['Gamma株式会社 タイ', 'Nowhere Inc. タイ'])
      expect(tb.textOf(await tb.say('ann', `withdraw ${name}`, { locale: 'en' }))).toContain(
        'is not one of the companies you are registered for',
      );
    expect((await tb.services.applications.get(other))!.status).toBe('applied');
    expect((await tb.services.applications.get(acme))!.status).toBe('applied');
  });

  it('status and budget take one of the person’s companies by name, and nothing else', async () => {
    tb = await createTestBot();
    await applyFor('Acme Co., Ltd.', 'th', 'ann');
    await applyFor('Beta株式会社', 'vn', 'ann');
    await applyFor('Gamma株式会社', 'th', 'gus');
    const all = tb.textOf(await tb.say('ann', 'status', { locale: 'en' }));
    expect(all).toContain('Acme Co., Ltd. (Thailand)');
    expect(all).toContain('Beta株式会社 (Vietnam)');
    const one = tb.textOf(await tb.say('ann', 'status ｂｅｔａ株式会社', { locale: 'en' }));
    expect(one).toContain('Beta株式会社 (Vietnam)');
    expect(one).not.toContain('Acme');
    expect(tb.textOf(await tb.say('ann', 'status Gamma株式会社', { locale: 'en' }))).toContain(
      '"Gamma株式会社" is not one of the companies you are registered for.',
    );
    expect(tb.textOf(await tb.say('ann', 'budget Gamma株式会社', { locale: 'en' }))).toContain(
      '"Gamma株式会社" is not one of your companies or engagements.',
    );
    expect(tb.textOf(await tb.say('ann', 'budget Nowhere', { locale: 'en' }))).toContain(
      '"Nowhere" is not one of your companies or engagements.',
    );
  });

  it('an approval after the program closed grants the membership and registers nothing new', async () => {
    tb = await createTestBot();
    await applyFor('Acme Co., Ltd.', 'th', 'ann');
    let r = await tb.say('bob', '応募資格');
    r = await tb.click('bob', r, '日本国内の法人');
    await tb.say('bob', 'ベトナム');
    await tb.say('bob', 'はい');
    await tb.say('bob', 'はい');
    r = await tb.say('bob', 'いいえ');
    r = await tb.click('bob', r, 'この内容で結果を見る');
    r = await tb.click('bob', r, '申請を登録する');
    expect(tb.textOf(await tb.say('bob', 'ACME CO., LTD.'))).toContain('参加の申請（番号 1）を送りました');
    tb.clock.set(new Date('2022-03-01T01:00:00Z')); // after the support period
    expect(tb.textOf(await tb.say('ann', 'approve-member 1', { locale: 'en' }))).toBe(
      'Approved request 1: bob is now an applicant for "Acme Co., Ltd.". They have been told.',
    );
    const bobId = await tb.personId('bob');
    const told = (await tb.db.prisma.outbox.findMany({ where: { personId: bobId } }))
      .map((o) => tb.textOf(JSON.parse(o.replies) as Reply[]))
      .join('\n');
    expect(told).toContain('現在、新たに登録できる申請はありませんでした。');
    expect(await tb.db.prisma.application.count()).toBe(1);
    expect(tb.textOf(await tb.say('bob', 'status'))).toContain('Acme Co., Ltd.（タイ）');
  });
});
