/**
 * Authorization, table-driven: every staff command tried by each role (staff, expert, applicant, nobody),
 * with the answer each gets. A refusal names the role needed, changes nothing, and is in the audit log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { createWorld, replyOf, type Stage, type World } from './world.ts';

type Who = 'alice' | 'bob' | 'carol' | 'zed';
const roleOf: Record<Who, string> = { alice: 'staff', bob: 'expert', carol: 'applicant', zed: 'no role' };

interface Row {
  command: string;
  /** The audit subject of a refusal (the command's name). */
  name: string;
  /** Where application #1 (Acme, Thailand; bob assigned once adopted) stands before the command. */
  stage: Stage;
  /** Who may run it; everyone else is refused. */
  allowed: Who[];
  /** The role a refusal names. */
  needed: string;
  /** What an allowed person sees. */
  expect: (replies: Reply[], text: string) => void;
  conversation?: string;
}

const staffOnly: Who[] = ['alice'];
const staffNeeded = 'JETRO program staff';

const rows: Row[] = [
  {
    command: 'role list',
    name: 'role',
    stage: 'applied',
    allowed: staffOnly,
    needed: staffNeeded,
    expect: (_r, t) => expect(t).toContain('Roles'),
  },
  {
    command: 'role grant expert console:dave th',
    name: 'role',
    stage: 'applied',
    allowed: staffOnly,
    needed: staffNeeded,
    expect: (_r, t) => expect(t).toContain('Granted the "expert" role'),
  },
  {
    command: 'applications',
    name: 'applications',
    stage: 'applied',
    allowed: staffOnly,
    needed: staffNeeded,
    expect: (_r, t) => expect(t).toContain('Applications (all): 1'),
  },
  {
    command: 'application 1',
    name: 'application',
    stage: 'adopted',
    allowed: ['alice', 'bob', 'carol'],
    needed: 'JETRO program staff / expert / applicant',
    expect: (r) => expect(replyOf(r, 'facts')?.title).toBe('#1 Acme Co., Ltd. (Thailand)'),
  },
  {
    command: 'receive 1',
    name: 'receive',
    stage: 'applied',
    allowed: staffOnly,
    needed: staffNeeded,
    expect: (_r, t) => expect(t).toContain('Recorded: the application form of #1'),
  },
  {
    command: 'screen 1',
    name: 'screen',
    stage: 'received',
    allowed: staffOnly,
    needed: staffNeeded,
    expect: (_r, t) => expect(t).toContain('Screening of #1'),
  },
  {
    command: 'adopt 1',
    name: 'adopt',
    stage: 'screening',
    allowed: staffOnly,
    needed: staffNeeded,
    expect: (_r, t) => expect(t).toContain('Adopted #1'),
  },
  // Irreversible: staff are asked first (confirmations.test.ts follows the confirmation through).
  {
    command: 'reject 1 outside the program',
    name: 'reject',
    stage: 'screening',
    allowed: staffOnly,
    needed: staffNeeded,
    expect: (_r, t) => expect(t).toContain('Reject #1 Acme Co., Ltd. (Thailand)? This cannot be undone.'),
  },
  {
    command: 'forms 1 both',
    name: 'forms',
    stage: 'adopted',
    allowed: staffOnly,
    needed: staffNeeded,
    expect: (_r, t) => expect(t).toContain('Recorded Form 1'),
  },
  {
    command: 'assign 1 console:erin',
    name: 'assign',
    stage: 'adopted',
    allowed: staffOnly,
    needed: staffNeeded,
    expect: (_r, t) => expect(t).toContain('erin is now assigned'),
  },
  {
    command: 'unassign 1 console:bob',
    name: 'unassign',
    stage: 'adopted',
    allowed: staffOnly,
    needed: staffNeeded,
    expect: (_r, t) => expect(t).toContain('bob is no longer assigned'),
  },
  {
    command: 'bind 1',
    name: 'bind',
    stage: 'adopted',
    allowed: staffOnly,
    needed: staffNeeded,
    conversation: 'console:acme-room',
    expect: (_r, t) => expect(t).toContain('This channel is now bound to #1'),
  },
  {
    command: 'followup 1 2021-12-10',
    name: 'followup',
    stage: 'adopted',
    allowed: staffOnly,
    needed: staffNeeded,
    expect: (_r, t) => expect(t).toContain('Recorded the follow-up meeting of #1'),
  },
  {
    command: 'close 1',
    name: 'close',
    stage: 'adopted',
    allowed: staffOnly,
    needed: staffNeeded,
    expect: (_r, t) => expect(t).toContain('Close the support for #1 Acme Co., Ltd. (Thailand)?'),
  },
  {
    command: 'quota',
    name: 'quota',
    stage: 'adopted',
    allowed: staffOnly,
    needed: staffNeeded,
    expect: (r) => expect(replyOf(r, 'facts')?.title).toContain('Program status'),
  },
  {
    command: 'quota Acme',
    name: 'quota',
    stage: 'adopted',
    allowed: staffOnly,
    needed: staffNeeded,
    expect: (r) => expect(replyOf(r, 'facts')?.title).toBe('#1 Acme Co., Ltd. (Thailand)'),
  },
  {
    command: 'export hours',
    name: 'export',
    stage: 'adopted',
    allowed: staffOnly,
    needed: staffNeeded,
    expect: (r) => expect(replyOf(r, 'file')?.filename).toBe('hours-20210901.csv'),
  },
  {
    command: 'export applications',
    name: 'export',
    stage: 'adopted',
    allowed: staffOnly,
    needed: staffNeeded,
    expect: (r) => expect(replyOf(r, 'file')?.filename).toBe('applications-20210901.csv'),
  },
  {
    command: 'withdraw Thailand',
    name: 'withdraw',
    stage: 'screening',
    allowed: ['carol'],
    needed: 'applicant',
    expect: (r) =>
      expect(replyOf(r, 'choices')?.text).toBe(
        'Withdraw the application #1 Acme Co., Ltd. (Thailand)? This cannot be undone. JETRO staff will be told.',
      ),
  },
];

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe.each(rows)('$command', (row) => {
  it.each(['alice', 'bob', 'carol', 'zed'] as Who[])('tried by %s', async (who) => {
    world = await createWorld();
    const { tb } = world;
    await tb.grant('erin', 'expert', { country: 'th' });
    const a = await world.apply({ stage: row.stage });
    if (row.stage === 'adopted') await tb.services.applications.assignExpert(a.id, world.ids.bob, tb.clock.now());
    const before = await world.get(a.id);
    const deniedBefore = (await world.audit('access.denied')).length;

    const replies = await tb.say(who, row.command, { locale: 'en', conversation: row.conversation });
    const text = tb.textOf(replies);

    if (row.allowed.includes(who)) {
      expect(replyOf(replies, 'error'), `${roleOf[who]} should be allowed: ${text}`).toBeUndefined();
      row.expect(replies, text);
      expect(await world.audit('access.denied')).toHaveLength(deniedBefore);
      return;
    }
    // Refused: the role needed, nothing changed, and the refusal recorded with who and what.
    // Refused in a channel: to the asker alone, as the answer would have been.
    const refusal = { kind: 'error', code: 'forbidden', text: `This needs the "${row.needed}" role.` };
    expect(replies).toEqual([row.conversation ? { ...refusal, private: true } : refusal]);
    expect(await world.get(a.id)).toEqual(before);
    const denied = await world.audit('access.denied');
    expect(denied).toHaveLength(deniedBefore + 1);
    expect(denied.at(-1)).toMatchObject({ actorId: world.ids[who], subjectId: row.name });
  });
});

describe('scope', () => {
  it('an expert sees only the engagements they are assigned to; an applicant only their own company', async () => {
    world = await createWorld();
    const { tb } = world;
    const acme = await world.apply({ stage: 'adopted' });
    const other = await world.apply({ company: 'Beta Ltd.', applicant: 'dora', stage: 'adopted' });
    await tb.services.applications.assignExpert(acme.id, world.ids.bob, tb.clock.now());

    expect(replyOf(await tb.say('bob', `application ${acme.id}`, { locale: 'en' }), 'facts')).toBeDefined();
    expect(await tb.say('bob', `application ${other.id}`, { locale: 'en' })).toEqual([
      { kind: 'error', code: 'forbidden', text: 'This needs the "JETRO program staff" role.' },
    ]);
    expect(replyOf(await tb.say('carol', `application ${acme.id}`, { locale: 'en' }), 'facts')).toBeDefined();
    expect(await tb.say('carol', `application ${other.id}`, { locale: 'en' })).toEqual([
      { kind: 'error', code: 'forbidden', text: 'This needs the "JETRO program staff" role.' },
    ]);
    // A missing id answers the same as someone else's, so ids cannot be probed.
    expect(await tb.say('carol', 'application 999', { locale: 'en' })).toEqual([
      { kind: 'error', code: 'forbidden', text: 'This needs the "JETRO program staff" role.' },
    ]);
    // Read-only for them: no buttons for pipeline steps.
    expect(replyOf(await tb.say('carol', `application ${acme.id}`, { locale: 'en' }), 'choices')).toBeUndefined();

    const denied = await world.audit('access.denied');
    expect(denied.map((d) => [d.actorId, d.details.applicationId ?? null])).toEqual([
      [world.ids.bob, other.id],
      [world.ids.carol, other.id],
      [world.ids.carol, 999],
    ]);
  });

  it('a forged button is checked like a typed command', async () => {
    world = await createWorld();
    const { tb } = world;
    const a = await world.apply({ stage: 'screening' });
    const staffView = await tb.say('alice', `application ${a.id}`, { locale: 'en' });
    // carol replays the staff member's Adopt button.
    expect(await tb.click('carol', staffView, 'Adopt', { locale: 'en' })).toEqual([
      { kind: 'error', code: 'forbidden', text: 'This needs the "JETRO program staff" role.' },
    ]);
    expect((await world.get(a.id)).status).toBe('screening');
    // dora (another company's applicant) replays carol's withdraw button.
    await world.apply({ company: 'Beta Ltd.', applicant: 'dora' });
    const question = await tb.say('carol', 'withdraw th', { locale: 'en' });
    // The confirmation is carol's question: dora has none waiting, so her click changes nothing.
    expect(await tb.click('dora', question, 'Withdraw', { locale: 'en' })).toEqual([
      { kind: 'error', code: 'bad_button', text: 'This button can no longer be used. Please start again from the command.' },
    ]);
    // The action the button carries, sent directly, is checked against dora's own companies.
    const button = question.flatMap((r) => (r.kind === 'choices' ? r.choices : [])).find((c) => c.label === 'Withdraw')!;
    const inner = (JSON.parse(button.value) as { v: string }).v;
    expect(
      (
        await tb.handle({
          platform: 'console',
          identity: { key: 'console:dora', userId: 'dora' },
          conversation: { key: 'console:dora', isDirect: true },
          action: inner,
          idempotencyKey: 'forged-1',
          locale: 'en',
        })
      ).replies,
    ).toEqual([{ kind: 'error', code: 'forbidden', text: 'This needs the "applicant" role.' }]);
    expect((await world.get(a.id)).status).toBe('screening');
  });
});
