/** The staff commands' answers beyond the happy path: lists and paging, the dashboard, refusals with codes, withdrawal. */
import { afterEach, describe, expect, it } from 'vitest';
import { createWorld, replyOf, type World } from './world.ts';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const en = { locale: 'en' };

describe('applications list', () => {
  it('lists in first-come order, ten to a page, with a button to open each and to page on', async () => {
    world = await createWorld();
    const { tb } = world;
    for (let i = 1; i <= 12; i++) {
      await world.apply({ company: `Company ${i}`, applicant: `u${i}`, stage: i === 3 ? 'received' : 'applied' });
      tb.clock.advanceMinutes(10);
    }
    const first = replyOf(await tb.say('alice', 'applications', en), 'choices')!;
    const lines = first.text.split('\n');
    expect(lines[0]).toBe('Applications (all): 12 — page 1 of 2');
    expect(lines[1]).toBe('• #1 Company 1 (Thailand) — applied — applied Wed 1 Sep 2021 10:00');
    expect(lines[3]).toBe('• #3 Company 3 (Thailand) — received — applied Wed 1 Sep 2021 10:20');
    expect(lines).toHaveLength(11);
    expect(first.choices.map((c) => c.label)).toEqual([...Array.from({ length: 10 }, (_, i) => `Open #${i + 1}`), 'Next (11–12 of 12)']);

    const second = replyOf(await tb.click('alice', [first], 'Next', en), 'choices')!;
    expect(second.text.split('\n')).toEqual([
      'Applications (all): 12 — page 2 of 2',
      '• #11 Company 11 (Thailand) — applied — applied Wed 1 Sep 2021 11:40',
      '• #12 Company 12 (Thailand) — applied — applied Wed 1 Sep 2021 11:50',
    ]);
    expect(second.choices.map((c) => c.label)).toEqual(['Open #11', 'Open #12', 'Previous']);

    const opened = await tb.click('alice', [second], 'Open #12', en);
    expect(replyOf(opened, 'facts')?.title).toBe('#12 Company 12 (Thailand)');
    expect(replyOf(opened, 'choices')?.choices.map((c) => c.label)).toEqual(['Mark received']);

    expect(replyOf(await tb.say('alice', 'applications received', en), 'choices')?.text.split('\n')).toEqual([
      'Applications (received): 1 — page 1 of 1',
      '• #3 Company 3 (Thailand) — received — applied Wed 1 Sep 2021 10:20',
    ]);
    expect(tb.textOf(await tb.say('alice', '申請一覧 採択', { locale: 'ja-JP' }))).toBe('該当する申請はありません（採択）。');
    expect(await tb.say('alice', 'applications sleeping', en)).toEqual([
      {
        kind: 'error',
        code: 'usage',
        text: 'There is no status "sleeping". Use one of: waiting, applied, received, screening, adopted, rejected, withdrawn, closed',
      },
    ]);
  });

  it('shows staff a dashboard: the quota summary and the applications waiting, oldest first', async () => {
    world = await createWorld();
    const { tb } = world;
    await world.apply({ stage: 'adopted' });
    await world.apply({ company: 'Beta Ltd.', applicant: 'dora', stage: 'screening' });
    const home = (user: string) =>
      tb.bot
        .home({
          platform: 'console',
          identity: { key: `console:${user}`, userId: user },
          conversation: { key: `console:${user}`, isDirect: true },
          locale: 'en',
          idempotencyKey: 'home',
        })
        .then((h) => h.replies);
    const staffHome = await home('alice');
    expect(replyOf(staffHome, 'facts')?.title).toBe('Program status (as of Wed 1 Sep 2021)');
    const waiting = staffHome.find((r) => r.kind === 'choices' && r.text.startsWith('Applications waiting'));
    expect(waiting).toMatchObject({
      text: 'Applications waiting for action: 1 (first come first)\n• #2 Beta Ltd. (Thailand) — screening — applied Wed 1 Sep 2021 10:00',
    });
    // Nobody else gets the staff dashboard.
    for (const user of ['bob', 'carol', 'zed']) expect(tb.textOf(await home(user))).not.toContain('Program status');
  });
});

describe('refusals with codes', () => {
  it('words invalid steps, unknown ids and missing reasons', async () => {
    world = await createWorld();
    const { tb } = world;
    const a = await world.apply({ stage: 'applied' });
    expect(await tb.say('alice', `adopt ${a.id}`, en)).toEqual([
      {
        kind: 'error',
        code: 'invalid_transition',
        text: '#1 Acme Co., Ltd. (Thailand) is "applied", so "Adopt" is not possible. Possible next: Mark received',
      },
    ]);
    expect(await tb.say('alice', 'receive 99', en)).toEqual([
      { kind: 'error', code: 'not_found', text: 'There is no application #99. Type applications to see the list.' },
    ]);
    expect(await tb.say('alice', 'receive', en)).toEqual([{ kind: 'error', code: 'usage', text: 'Usage: receive <id>' }]);
    await world.advance(a.id, 'screening');
    expect(replyOf(await tb.say('alice', `reject ${a.id}`, en), 'error')?.code).toBe('usage');
    const detail = await tb.say('alice', `application ${a.id}`, en);
    expect(tb.textOf(await tb.click('alice', detail, 'Reject', en))).toBe(
      'To reject, type the command with the reason (the applicant is told): reject 1 <reason>',
    );
    expect((await world.get(a.id)).status).toBe('screening');

    expect(replyOf(await tb.say('alice', `reject ${a.id} ${'x'.repeat(301)}`, en), 'error')).toMatchObject({ code: 'too_long' });
    const question = await tb.say('alice', `reject ${a.id} No local corporation in the region, see call of 1 Sep`, en);
    expect(tb.textOf(question)).toBe(
      'Reject #1 Acme Co., Ltd. (Thailand)? This cannot be undone. The applicant (carol) will be told this reason: No local corporation in the region, see call of 1 Sep\n  [1] Reject\n  [2] Do not reject',
    );
    expect((await world.get(a.id)).status).toBe('screening');
    // Anything but a yes leaves it as it is.
    expect(tb.textOf(await tb.say('alice', 'hmm', en))).toContain('That was not a yes, so nothing has changed.');
    expect((await world.get(a.id)).status).toBe('screening');
    const rejected = await tb.click(
      'alice',
      await tb.say('alice', `reject ${a.id} No local corporation in the region, see call of 1 Sep`, en),
      'Reject',
      en,
    );
    expect(tb.textOf(rejected)).toBe(
      'Rejected #1 Acme Co., Ltd. (Thailand). Reason: No local corporation in the region, see call of 1 Sep\nThe applicant has been notified.',
    );
    expect((await world.outboxTexts('carol')).at(-1)).toContain('理由: No local corporation in the region, see call of 1 Sep');
    expect((await world.audit('application.reject'))[0]?.details).toMatchObject({
      from: 'screening',
      to: 'rejected',
      reason: 'No local corporation in the region, see call of 1 Sep',
    });
  });

  it('records engagement facts only on an adopted engagement, for experts of its country, in a shared channel', async () => {
    world = await createWorld();
    const { tb } = world;
    const a = await world.apply({ stage: 'screening' });
    expect(replyOf(await tb.say('alice', `forms ${a.id} 1`, en), 'error')).toMatchObject({
      code: 'not_adopted',
      text: '#1 Acme Co., Ltd. (Thailand) is "screening": this can be recorded only for an adopted engagement.',
    });
    await world.advance(a.id, 'adopted');

    await tb.grant('vera', 'expert', { country: 'vn' });
    expect(replyOf(await tb.say('alice', `assign ${a.id} console:vera`, en), 'error')).toMatchObject({ code: 'not_expert_for_country' });
    expect(replyOf(await tb.say('alice', `assign ${a.id} console:nobody`, en), 'error')).toMatchObject({
      code: 'unknown_person',
      text: 'console:nobody has not used the bot yet.',
    });
    expect(tb.textOf(await tb.say('alice', `assign ${a.id} console:bob`, en))).toContain('bob is now assigned');
    expect(tb.textOf(await tb.say('alice', `assign ${a.id} console:bob`, en))).toBe(
      'bob is already assigned to #1 Acme Co., Ltd. (Thailand).',
    );

    expect(replyOf(await tb.say('alice', `bind ${a.id}`, en), 'error')?.code).toBe('direct_conversation');
    const b = await world.apply({ company: 'Beta Ltd.', applicant: 'dora', stage: 'adopted' });
    expect(tb.textOf(await tb.say('alice', `bind ${a.id}`, { ...en, conversation: 'console:room-1' }))).toContain('now bound to #1');
    expect(replyOf(await tb.say('alice', `bind ${b.id}`, { ...en, conversation: 'console:room-1' }), 'error')).toMatchObject({
      code: 'channel_taken',
      text: 'This channel is already bound to #1 Acme Co., Ltd. (Thailand).',
    });
    expect((await world.get(a.id)).channelKey).toBe('console:room-1');

    expect(replyOf(await tb.say('alice', `followup ${a.id} 2021-08-31`, en), 'error')).toMatchObject({ code: 'before_adoption' });
    expect(replyOf(await tb.say('alice', `followup ${a.id} 2022-02-19`, en), 'error')).toMatchObject({
      code: 'after_period',
      text: 'The date cannot be after the support period (until Fri 18 Feb 2022).',
    });
    expect(replyOf(await tb.say('alice', `followup ${a.id} someday`, en), 'error')?.code).toBe('usage');
    expect(tb.textOf(await tb.say('alice', `followup ${a.id}`, en))).toContain(
      'Recorded the follow-up meeting of #1 Acme Co., Ltd. (Thailand) on Wed 1 Sep 2021.',
    );

    expect(tb.textOf(await tb.say('alice', `forms ${a.id} 1`, en))).toContain('Recorded Form 1 (list of information held) of #1');
    tb.clock.advanceMinutes(60 * 24);
    expect(tb.textOf(await tb.say('alice', `forms ${a.id} both`, en))).toBe(
      'Recorded Form 2 (self-check sheet / expert comment sheet) of #1 Acme Co., Ltd. (Thailand) as received.\nThe applicant has been notified.\nForm 1 (list of information held): already received (the first date is kept).\n  [1] Assign an expert',
    );
    const after = await world.get(a.id);
    expect(after.form1ReceivedAt).toEqual(new Date('2021-09-01T01:00:00Z'));
    expect(after.form2ReceivedAt).toEqual(new Date('2021-09-02T01:00:00Z'));
  });
});

describe('withdrawal by the applicant', () => {
  it('asks first, then withdraws and tells staff; a decided application cannot be withdrawn', async () => {
    world = await createWorld();
    const { tb } = world;
    const a = await world.apply({ stage: 'received' });
    const question = await tb.say('carol', '取り下げ タイ');
    expect(tb.textOf(question)).toBe(
      '#1 Acme Co., Ltd.（タイ） の申請を取り下げますか？取り下げると元に戻せません。ジェトロ事務局に通知されます。\n  [1] 取り下げる\n  [2] 取り下げない',
    );
    expect(tb.textOf(await tb.click('carol', question, '取り下げない'))).toBe('そのままにしました。何も変更していません。');
    expect((await world.get(a.id)).status).toBe('received');
    // The question was answered: its other button no longer does anything.
    expect(replyOf(await tb.click('carol', question, '取り下げる'), 'error')?.code).toBe('bad_button');
    expect((await world.get(a.id)).status).toBe('received');
    // Asked again, a typed yes confirms.
    await tb.say('carol', '取り下げ タイ');
    expect(tb.textOf(await tb.say('carol', 'はい'))).toBe(
      '#1 Acme Co., Ltd.（タイ） の申請を取り下げました。ジェトロ事務局にも通知しました。',
    );
    expect((await world.get(a.id)).status).toBe('withdrawn');
    expect(await world.outboxTexts('alice')).toEqual(['#1 Acme Co., Ltd.（タイ） の申請が申請者により取り下げられました。']);
    expect((await world.audit('application.withdraw'))[0]).toMatchObject({
      actorId: world.ids.carol,
      details: { from: 'received', to: 'withdrawn' },
    });
    expect(await tb.say('carol', 'withdraw th', en)).toEqual([
      {
        kind: 'error',
        code: 'nothing_to_withdraw',
        text: 'There is no application you can withdraw (only applications not yet decided can be withdrawn).',
      },
    ]);
    expect(replyOf(await tb.say('carol', 'withdraw Taiwan', en), 'error')?.code).toBe('unknown_country');
  });
});
