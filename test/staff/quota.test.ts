/**
 * `quota`: adopted against the target (total and per country), applications per status, hours used and
 * left (total and per engagement), engagements at 80% or more, days left. It reads the counters kept on
 * each application, never the hour entries.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { quotaFigures } from '../../src/applications/quota.ts';
import { replyOf, createWorld, type World } from './world.ts';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** Sets an engagement's counters as the hours and booking features keep them. */
async function setCounters(w: World, id: number, usedMinutes: number, reservedMinutes = 0) {
  await w.tb.db.prisma.application.update({ where: { id }, data: { usedMinutes, reservedMinutes } });
}

async function program(w: World) {
  const acme = await w.apply({ stage: 'adopted' }); // #1 Thailand 17 h
  const beta = await w.apply({ company: 'Beta Ltd.', applicant: 'dora', country: 'sg', stage: 'adopted' }); // #2 Singapore 10 h
  const gamma = await w.apply({ company: 'Gamma KK', applicant: 'gil', country: 'cn', stage: 'closed' }); // #3 China 17 h, closed
  await w.apply({ company: 'Delta KK', applicant: 'del', country: 'vn', stage: 'screening' }); // #4
  await w.apply({ company: 'Epsilon KK', applicant: 'eps', country: 'th' }); // #5 applied
  await setCounters(w, acme.id, 14 * 60, 60); // 82%
  await setCounters(w, beta.id, 2 * 60);
  await setCounters(w, gamma.id, 17 * 60);
  return { acme, beta, gamma };
}

describe('quota', () => {
  it('computes the figures from the counters', async () => {
    world = await createWorld();
    await program(world);
    const q = await quotaFigures(world.tb.services, world.tb.clock.now());
    expect(q).toMatchObject({
      target: 40,
      adopted: 3,
      adoptedByCountry: [
        { country: 'cn', count: 1 },
        { country: 'th', count: 1 },
        { country: 'vn', count: 0 },
        { country: 'sg', count: 1 },
      ],
      byStatus: { applied: 1, received: 0, screening: 1, adopted: 2, rejected: 0, withdrawn: 0, closed: 1 },
      totalApplications: 5,
      // Used over all adopted engagements; left only in the open ones (17 + 10 − 14 − 2).
      hours: { capMinutes: 44 * 60, usedMinutes: 33 * 60, reservedMinutes: 60, leftMinutes: 11 * 60 },
      warnAtPercent: 80,
      supportEnds: '2022-02-18',
      daysLeft: 170,
    });
    expect(q.nearCap.map((e) => [e.companyName, e.percentUsed])).toEqual([['Acme Co., Ltd.', 82]]);
    expect(q.engagements).toHaveLength(3);
  });

  it('answers staff with facts and meters, in English and Japanese', async () => {
    world = await createWorld();
    await program(world);
    const replies = await world.tb.say('alice', 'quota', { locale: 'en' });
    const summary = replies[0]!;
    expect(summary).toEqual({
      kind: 'facts',
      title: 'Program status (as of Wed 1 Sep 2021)',
      facts: [
        { label: 'Adopted per country', value: 'mainland China 1 · Thailand 1 · Vietnam 0 · Singapore 1' },
        {
          label: 'Applications by status (5 in all)',
          value: 'applied 1 · received 0 · screening 1 · adopted 2 · rejected 0 · withdrawn 0 · closed 1',
        },
        { label: 'Hours left (open engagements)', value: '11 h' },
        { label: 'of which booked (estimates)', value: '1 h' },
        { label: 'Engagements at 80% of their cap or more', value: '#1 Acme Co., Ltd. (Thailand) 82% (3 h left)' },
        { label: 'Support period', value: '170 days left (until Fri 18 Feb 2022)' },
      ],
      meters: [
        { label: 'Adopted', used: 3, total: 40, caption: '3 of a target of about 40 (37 to go)' },
        { label: 'Hours used', used: 33 * 60, total: 44 * 60, caption: '33 h of 44 h' },
      ],
    });
    expect(replies[1]).toEqual({
      kind: 'facts',
      title: 'Hours per engagement (3, fullest first)',
      facts: [],
      meters: [
        { label: '#3 Gamma KK (mainland China) (closed)', used: 1020, total: 1020, caption: '17 h of 17 h (0 h left)' },
        { label: '#1 Acme Co., Ltd. (Thailand)', used: 840, total: 1020, caption: '14 h of 17 h (3 h left)' },
        { label: '#2 Beta Ltd. (Singapore)', used: 120, total: 600, caption: '2 h of 10 h (8 h left)' },
      ],
    });
    // The platform's locale is kept on the person: a Japanese reply needs a Japanese locale now.
    const ja = world.tb.textOf(await world.tb.say('alice', '採択状況', { locale: 'ja-JP' }));
    expect(ja).toContain('■ 採択・支援の状況（2021年9月1日（水）現在）');
    expect(ja).toContain('上限の80%以上を利用した案件: #1 Acme Co., Ltd.（タイ） 82%（残り 3時間）');
    expect(ja).toContain('支援期間の残り: あと170日（2022年2月18日（金）まで）');
  });

  it('reads counters, not the ledger: hour rows alone change nothing, and the ledger is never touched', async () => {
    // Every statement the bot sends, as the database receives it.
    const statements: string[] = [];
    world = await createWorld({ probe: { beforeStatement: (sql) => void statements.push(sql) } });
    const { acme } = await program(world);
    const { tb } = world;
    const before = await tb.say('alice', 'quota', { locale: 'en' });
    await tb.db.prisma.hourEntry.createMany({
      data: Array.from({ length: 500 }, (_, i) => ({
        applicationId: acme.id,
        expertId: world!.ids.bob,
        minutes: 30,
        category: 'meeting',
        note: `n${i}`,
        workDate: '2021-09-01',
      })),
    });
    statements.length = 0;
    expect(await tb.say('alice', 'quota', { locale: 'en' })).toEqual(before);
    expect(statements.length).toBeGreaterThan(0);
    // No statement of the quota turn names the hours ledger (Prisma quotes it `HourEntry`, our SQL "HourEntry").
    expect(statements.filter((sql) => /[`"]HourEntry[`"]/.test(sql))).toEqual([]);
  });

  it('counts days left to the end of the support period and says when it is over', async () => {
    world = await createWorld({ now: '2022-02-17T15:30:00Z' }); // 2022-02-18 00:30 in Tokyo: the last day
    expect((await quotaFigures(world.tb.services, world.tb.clock.now())).daysLeft).toBe(0);
    world.tb.clock.set(new Date('2022-02-18T15:00:00Z'));
    expect(replyOf(await world.tb.say('alice', 'quota', { locale: 'en' }), 'facts')?.facts.at(-1)).toEqual({
      label: 'Support period',
      value: 'ended (it ran until Fri 18 Feb 2022)',
    });
    expect(world.tb.textOf(await world.tb.say('alice', 'quota', { locale: 'en' }))).toContain('No application has been adopted yet.');
  });

  it('quota <company> gives one company’s detail; an unknown company is named back', async () => {
    world = await createWorld();
    await program(world);
    const { tb } = world;
    await tb.services.applications.assignExpert(1, world.ids.bob, tb.clock.now());
    const replies = await tb.say('alice', 'quota acme co., ltd.', { locale: 'en' });
    const detail = replyOf(replies, 'facts')!;
    expect(detail.title).toBe('#1 Acme Co., Ltd. (Thailand)');
    expect(detail.facts).toContainEqual({ label: 'Experts', value: 'bob' });
    expect(detail.facts).toContainEqual({ label: 'Booked (estimates)', value: '1 h' });
    expect(detail.meters).toEqual([{ label: 'Hours', used: 840, total: 1020, caption: '14 h of 17 h (3 h left)' }]);
    expect(await tb.say('alice', 'quota Nowhere Inc', { locale: 'en' })).toEqual([
      { kind: 'error', code: 'unknown_company', text: 'There is no company "Nowhere Inc".' },
    ]);
  });
});
