/** Roles in chat: staff grant and revoke by mention or identity key; experts per country; all audited. */
import { afterEach, describe, expect, it } from 'vitest';
import type { MentionInput as Mention, Platform } from '../../src/core/inbound.ts';
import type { Reply } from '../../src/core/reply.ts';
import { createWorld, type World } from './world.ts';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

let seq = 0;
/** A message from a Slack or Teams identity, straight into the bot (with the mentions its adapter would pass). */
async function sayAs(
  w: World,
  platform: Platform,
  tenant: string,
  userId: string,
  text: string,
  mentions: Mention[] = [],
): Promise<Reply[]> {
  const key = `${platform}:${tenant}:${userId}`;
  const result = await w.tb.handle({
    platform,
    identity: { key, tenant, userId },
    conversation: { key: `${platform}:${tenant}:D${userId}`, isDirect: true },
    text,
    mentions,
    locale: 'en-US',
    idempotencyKey: `roles-${++seq}`,
  });
  return result.replies;
}

async function rolesOf(w: World, key: string) {
  const p = await w.tb.services.people.findByIdentityKey(key);
  return p?.roles.map((g) => (g.country ? `${g.role}:${g.country}` : g.companyId !== null ? `${g.role}@${g.companyId}` : g.role)) ?? null;
}

async function grantStaff(w: World, key: string) {
  const [platform, tenant, userId] = key.split(':') as [Platform, string, string];
  const p = await w.tb.services.people.resolve({ key, platform, tenant, userId });
  await w.tb.services.people.grantRole({ personId: p.id, role: 'staff' });
}

describe('roles in chat', () => {
  it('Slack: a mention names a user of the staff member’s own workspace; an expert gets several countries', async () => {
    world = await createWorld();
    await grantStaff(world, 'slack:T1:UALICE');
    // The Slack adapter passes `<@U2BOB|bob>` as the word @bob and a mention of slack:T1:U2BOB (see slack-mentions.ts).
    const bob: Mention[] = [{ text: '@bob', identity: { key: 'slack:T1:U2BOB', tenant: 'T1', userId: 'U2BOB', displayName: 'bob' } }];
    const replies = await sayAs(world, 'slack', 'T1', 'UALICE', 'role grant expert @bob th ベトナム', bob);
    expect(world.tb.textOf(replies)).toBe('Granted the "expert" role to bob (slack:T1:U2BOB) for Thailand and Vietnam.');
    expect(await rolesOf(world, 'slack:T1:U2BOB')).toEqual(['expert:th', 'expert:vn']);
    const audit = await world.audit('role.grant');
    expect(audit.map((a) => a.details.country)).toEqual(['th', 'vn']);
    expect(audit[0]).toMatchObject({ details: { role: 'expert', identity: 'slack:T1:U2BOB' } });

    // Revoking one country keeps the other, once confirmed.
    expect(world.tb.textOf(await sayAs(world, 'slack', 'T1', 'UALICE', 'role revoke expert @bob vn', bob))).toContain(
      'Revoke the "expert" role of bob for Vietnam? They can no longer do what the role allows. bob will be told.',
    );
    expect(await rolesOf(world, 'slack:T1:U2BOB')).toEqual(['expert:th', 'expert:vn']);
    expect(world.tb.textOf(await sayAs(world, 'slack', 'T1', 'UALICE', 'yes'))).toBe('Revoked the "expert" role of bob for Vietnam.');
    expect(await rolesOf(world, 'slack:T1:U2BOB')).toEqual(['expert:th']);
    // The person is told in their language (Japanese by default), of the grant and of the revocation.
    const person = await world.tb.services.people.findByIdentityKey('slack:T1:U2BOB');
    const rows = await world.tb.db.prisma.outbox.findMany({ where: { personId: person!.id }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => (JSON.parse(r.replies) as { text: string }[])[0]!.text)).toEqual([
      '「専門家」の権限が付与されました（対象: タイ、ベトナム）。help で使えるコマンドを確認できます。',
      '「専門家」の権限が取り消されました（対象: ベトナム）。ご不明な点はジェトロ事務局にお問い合わせください。',
    ]);
  });

  it('Teams: the AAD object id the adapter passes, in the staff member’s tenant; identity keys work everywhere', async () => {
    world = await createWorld();
    await grantStaff(world, 'teams:tn1:aaaa-staff');
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(world.tb.textOf(await sayAs(world, 'teams', 'tn1', 'aaaa-staff', `role grant staff ${id}`))).toContain(`(teams:tn1:${id})`);
    expect(await rolesOf(world, `teams:tn1:${id}`)).toEqual(['staff']);
    await sayAs(world, 'teams', 'tn1', 'aaaa-staff', 'role grant expert slack:T9:U77 Singapore');
    expect(await rolesOf(world, 'slack:T9:U77')).toEqual(['expert:sg']);
    expect(world.tb.textOf(await sayAs(world, 'teams', 'tn1', 'aaaa-staff', 'role grant staff <at>Bob</at>'))).toContain(
      'I could not tell who "<at>Bob</at>" is.',
    );
  });

  it('applicants are granted for a company; experts need a country; unknown words are named', async () => {
    world = await createWorld();
    const { tb } = world;
    expect(tb.textOf(await tb.say('alice', 'role grant applicant console:dora Acme Co., Ltd.', { locale: 'en' }))).toBe(
      'Granted the "applicant" role to dora (console:dora) for Acme Co., Ltd..',
    );
    expect(await rolesOf(world, 'console:dora')).toEqual([`applicant@${world.acmeId}`]);
    expect(tb.textOf(await tb.say('alice', 'role grant applicant console:dora Nowhere', { locale: 'en' }))).toBe(
      '⚠ There is no company "Nowhere".',
    );
    expect(tb.textOf(await tb.say('alice', 'role grant expert console:erin', { locale: 'en' }))).toBe(
      '⚠ An expert is granted for one or more countries. Example: role grant expert @yamada Thailand Vietnam',
    );
    expect(tb.textOf(await tb.say('alice', 'role grant expert console:erin Taiwan', { locale: 'en' }))).toContain(
      '"Taiwan" is not one of the program\'s countries.',
    );
    expect(await rolesOf(world, 'console:erin')).toBeNull();
  });

  it('lists roles, and never revokes the last staff member', async () => {
    world = await createWorld();
    const { tb } = world;
    expect(tb.textOf(await tb.say('alice', 'role list', { locale: 'en' }))).toBe(
      ['Roles', '• JETRO program staff (1): alice', '• expert (1): bob (Thailand)', '• applicant (1): carol (Acme Co., Ltd.)'].join('\n'),
    );
    expect(await tb.say('alice', 'role revoke staff console:alice', { locale: 'en' })).toEqual([
      {
        kind: 'error',
        code: 'last_staff',
        text: 'The last program staff member cannot be revoked. Grant the staff role to someone else first.',
      },
    ]);
    await tb.say('alice', 'role grant staff console:dana', { locale: 'en' });
    expect(tb.textOf(await tb.say('dana', 'role revoke staff console:alice', { locale: 'en' }))).toContain(
      'Revoke the "JETRO program staff" role of alice?',
    );
    expect(tb.textOf(await tb.say('dana', 'yes', { locale: 'en' }))).toBe('Revoked the "JETRO program staff" role of alice.');
    // alice's next message is refused: roles are read on every message.
    expect(await tb.say('alice', 'quota', { locale: 'en' })).toEqual([
      { kind: 'error', code: 'forbidden', text: 'This needs the "JETRO program staff" role.' },
    ]);
    expect((await world.audit('role.revoke')).at(-1)).toMatchObject({
      actorId: await tb.personId('dana'),
      subjectId: String(world.ids.alice),
      details: { role: 'staff', revoked: 1 },
    });
  });
});
