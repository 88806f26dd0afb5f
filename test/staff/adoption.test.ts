/**
 * Adoption: optimistic concurrency (two staff adopting at once make one change), stale buttons, and the
 * adoption target (adopting past it needs an explicit confirmation; the program then counts as full).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { adoptionCount, isProgramFull } from '../../src/applications/adoption-target.ts';
import { applyPipelineEvent } from '../../src/applications/transitions.ts';
import { loadProgram } from '../../src/program/load-program.ts';
import { createWorld, replyOf, type World } from './world.ts';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('optimistic concurrency', () => {
  it('two staff typing adopt at once: one adoption, one notification, one audit entry', async () => {
    world = await createWorld();
    const { tb } = world;
    await tb.grant('dana', 'staff');
    const a = await world.apply({ stage: 'screening' });

    const [first, second] = await Promise.all([
      tb.say('alice', `adopt ${a.id}`, { locale: 'en' }),
      tb.say('dana', `adopt ${a.id}`, { locale: 'en' }),
    ]);
    const texts = [tb.textOf(first), tb.textOf(second)];
    expect(texts.filter((t) => t.startsWith('Adopted #1'))).toHaveLength(1);
    const loser = [first, second].find((r) => replyOf(r, 'error'))!;
    // Whether it lost at the version check or saw the adoption already made, it says the application is adopted.
    expect(['stale', 'invalid_transition']).toContain(replyOf(loser, 'error')!.code);
    expect(replyOf(loser, 'error')!.text).toContain('"adopted"');

    const after = await world.get(a.id);
    expect(after.status).toBe('adopted');
    expect(after.version).toBe(a.version + 1);
    expect(await world.audit('application.adopt')).toHaveLength(1);
    expect((await world.outboxTexts('carol')).filter((t) => t.includes('が採択されました'))).toHaveLength(1);
  });

  it('ten simultaneous attempts through the use case change it once', async () => {
    world = await createWorld();
    const { tb } = world;
    const a = await world.apply({ stage: 'screening' });
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        applyPipelineEvent(tb.services, {
          id: a.id,
          event: 'adopt',
          actorId: world!.ids.alice,
          at: tb.clock.now(),
          expectedVersion: a.version,
        }),
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok).every((o) => !o.ok && o.code === 'stale')).toBe(true);
    expect((await world.get(a.id)).version).toBe(a.version + 1);
  });

  it('the conditional update itself lets one of many writers with the same version through', async () => {
    world = await createWorld();
    const { tb } = world;
    const a = await world.apply({ stage: 'adopted' });
    const at = tb.clock.now();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        tb.services.applications.change(a.id, a.version, { followUpAt: new Date(at.getTime() + i * 86_400_000) }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'stale')).toHaveLength(9);
    expect((await world.get(a.id)).version).toBe(a.version + 1);
  });

  it('a button clicked after someone else changed the application says so and changes nothing', async () => {
    world = await createWorld();
    const { tb } = world;
    await tb.grant('dana', 'staff');
    const a = await world.apply({ stage: 'received' });
    const aliceView = await tb.say('alice', `application ${a.id}`, { locale: 'en' });
    const danaView = await tb.say('dana', `application ${a.id}`, { locale: 'en' });

    expect(tb.textOf(await tb.click('dana', danaView, 'Start screening', { locale: 'en' }))).toContain('Screening of #1');
    const late = await tb.click('alice', aliceView, 'Start screening', { locale: 'en' });
    expect(late).toEqual([
      {
        kind: 'error',
        code: 'stale',
        text: '#1 Acme Co., Ltd. (Thailand) was just changed by someone else (now "screening"). Please check the latest with application 1.',
      },
    ]);
    // The stale Reject button of the old card is refused the same way after an adoption.
    expect(await world.audit('application.screen')).toHaveLength(1);
  });

  it('adopt records the date and the cap of the country (Singapore: 10 h)', async () => {
    world = await createWorld();
    const { tb } = world;
    tb.clock.set(new Date('2021-09-14T06:30:00Z'));
    const sg = await world.apply({ country: 'sg', stage: 'screening' });
    const replies = await tb.say('alice', `adopt ${sg.id}`, { locale: 'en' });
    expect(tb.textOf(replies)).toContain(
      'Adopted #1 Acme Co., Ltd. (Singapore). Support period: Tue 14 Sep 2021 to Fri 18 Feb 2022; up to 10 h of expert support. Adopted so far: 1 of a target of about 40.',
    );
    const after = await world.get(sg.id);
    expect(after).toMatchObject({
      status: 'adopted',
      capMinutes: 600,
      adoptedAt: new Date('2021-09-14T06:30:00Z'),
      decidedAt: new Date('2021-09-14T06:30:00Z'),
    });
    expect((await world.audit('application.adopt'))[0]).toMatchObject({
      actorId: world.ids.alice,
      subjectId: String(sg.id),
      details: { from: 'screening', to: 'adopted', capMinutes: 600 },
    });
  });
});

describe('adoption target', () => {
  const smallProgram = { ...loadProgram('fy2021'), adoptionTarget: 2 };

  it('is shown on the detail and asks for confirmation past it; the program is then full', async () => {
    world = await createWorld({ program: smallProgram });
    const { tb } = world;
    await world.apply({ company: 'One KK', applicant: 'o1', stage: 'adopted' });
    expect(await isProgramFull(tb.services)).toBe(false);
    await world.apply({ company: 'Two KK', applicant: 'o2', stage: 'adopted' });
    expect(await adoptionCount(tb.services)).toBe(2);
    expect(await isProgramFull(tb.services)).toBe(true);

    const third = await world.apply({ stage: 'screening' });
    const detail = await tb.say('alice', `application ${third.id}`, { locale: 'en' });
    expect(replyOf(detail, 'facts')?.meters).toContainEqual({ label: 'Adopted', used: 2, total: 2, caption: '2 of a target of about 2' });

    const asked = await tb.click('alice', detail, 'Adopt', { locale: 'en' });
    expect(replyOf(asked, 'choices')).toMatchObject({
      text: 'The adoption target is reached (2 of about 2). Adopt #3 Acme Co., Ltd. (Thailand) anyway, as number 3?',
      choices: [{ label: 'Adopt as number 3', style: 'danger' }, { label: 'Do not adopt' }],
    });
    expect((await world.get(third.id)).status).toBe('screening');

    expect(tb.textOf(await tb.click('alice', asked, 'Do not adopt', { locale: 'en' }))).toBe('All right, nothing was changed.');
    expect((await world.get(third.id)).status).toBe('screening');

    const typed = await tb.say('alice', `adopt ${third.id}`, { locale: 'en' });
    const done = await tb.click('alice', typed, 'Adopt as number 3', { locale: 'en' });
    expect(tb.textOf(done)).toContain('Adopted so far: 3 of a target of about 2.\nNote: this is 1 past the adoption target.');
    expect((await world.get(third.id)).status).toBe('adopted');
    expect((await world.audit('application.adopt')).at(-1)?.details).toMatchObject({ pastTarget: true });
    // The confirmation button is spent: clicking it again adopts nothing twice.
    const again = await tb.click('alice', typed, 'Adopt as number 3', { locale: 'en' });
    expect(replyOf(again, 'error')?.code).toBe('stale');
    expect(await adoptionCount(tb.services)).toBe(3);
  });
});
