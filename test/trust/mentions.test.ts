/**
 * Naming people the way the platform names them, through the real endpoints: Slack `<@U…>` and `<@U…|name>`
 * (a user of the sender's own workspace) and Teams mention entities (the mentioned user's AAD object id)
 * grant roles, assign experts and publish slots for someone; `whoami` shows a person their identity key.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/app/start.ts';
import type { Platform } from '../../src/core/inbound.ts';
import { bookableEngagementOn } from '../booking/fixtures.ts';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';
import { startTeamsHarness, teamsBot, type TeamsHarness } from '../support/teams-harness.ts';
import { directServices } from '../support/direct-services.ts';

let slack: SlackHarness | undefined;
let teams: TeamsHarness | undefined;
afterEach(async () => {
  await slack?.close();
  await teams?.stop();
  slack = undefined;
  teams = undefined;
});

async function staff(running: RunningBot, key: string, displayName: string) {
  const [platform, tenant, userId] = key.split(':') as [Platform, string, string];
  const person = await directServices(running).people.resolve({ key, platform, tenant, userId, displayName });
  await directServices(running).people.grantRole({ personId: person.id, role: 'staff' });
}

async function rolesOf(running: RunningBot, key: string) {
  const person = await directServices(running).people.findByIdentityKey(key);
  return person ? { name: person.displayName, roles: person.roles.map((g) => `${g.role}${g.country ? `:${g.country}` : ''}`) } : null;
}

describe('Slack mentions', () => {
  it('grant a role, assign an expert and publish a slot for them, in the sender’s workspace', async () => {
    slack = await startSlackHarness();
    await staff(slack.running, 'slack:T1:USTAFF', 'hana');
    // Adopted, Forms in, nobody assigned yet.
    const id = await bookableEngagementOn(slack.running, { company: 'Acme', country: 'th', applicantKey: 'slack:T1:UAPP', expertKeys: [] });

    await slack.command('USTAFF', '/desk', 'role grant expert <@U2BOB|bob> th');
    expect(slack.lastMessage().text).toBe('bob（slack:T1:U2BOB）に「専門家」の権限を付与しました（対象: タイ）。');
    await slack.dm('USTAFF', 'role grant expert <@U3CAT> ベトナム');
    expect(slack.lastMessage().text).toBe('利用者 #4（名前未登録）（slack:T1:U3CAT）に「専門家」の権限を付与しました（対象: ベトナム）。');
    expect(await rolesOf(slack.running, 'slack:T1:U2BOB')).toEqual({ name: 'bob', roles: ['expert:th'] });
    expect(await rolesOf(slack.running, 'slack:T1:U3CAT')).toEqual({ name: '', roles: ['expert:vn'] });

    await slack.command('USTAFF', '/desk', `assign ${id} <@U2BOB|bob>`);
    expect(
      slack
        .messages()
        .slice(-2)
        .map((m) => m.text)
        .join('\n'),
    ).toContain(`bob さんを #${id} Acme（タイ） の担当専門家に割り当てました。`);
    expect(await directServices(slack.running).applications.expertsOf(id)).toEqual([
      (await directServices(slack.running).people.findByIdentityKey('slack:T1:U2BOB'))!.id,
    ]);

    await slack.command('USTAFF', '/desk', 'slots for <@U2BOB> add 2021-09-15 14:00 90m consultation');
    expect(slack.lastMessage().text).toContain('枠 #1 を登録しました');
    expect((await slack.running.db.prisma.slot.findFirstOrThrow()).expertId).toBe(
      (await directServices(slack.running).people.findByIdentityKey('slack:T1:U2BOB'))!.id,
    );

    // A mention's label never renames someone the bot knows.
    await slack.command('USTAFF', '/desk', 'role grant expert <@U2BOB|Mallory> vn');
    expect((await rolesOf(slack.running, 'slack:T1:U2BOB'))!.name).toBe('bob');
  });

  it('whoami shows the identity key, name, roles and companies', async () => {
    slack = await startSlackHarness();
    await bookableEngagementOn(slack.running, { company: 'Acme株式会社', country: 'th', applicantKey: 'slack:T1:UAPP', expertKeys: [] });
    await slack.command('UAPP', '/desk', 'whoami');
    const text = slack.lastMessage().text;
    expect(text).toContain('slack:T1:UAPP');
    expect(text).toContain('uapp');
    expect(text).toContain('申請企業');
    expect(text).toContain('Acme株式会社');
  });
});

describe('Teams mentions', () => {
  /** A message from `user` in the team's channel that mentions the bot and `person` (with their AAD object id). */
  function mentioning(h: TeamsHarness, user: string, text: string, person: { name: string; aad: string }) {
    const activity = h.activity('message', { user, text, in: 'channel' });
    return {
      ...activity,
      entities: [
        { type: 'mention', mentioned: teamsBot, text: `<at>${teamsBot.name}</at>` },
        {
          type: 'mention',
          mentioned: { id: `29:${person.aad}`, name: person.name, aadObjectId: person.aad },
          text: `<at>${person.name}</at>`,
        },
      ],
    };
  }

  it('grant a role and assign an expert by the mentioned user’s AAD object id', async () => {
    teams = await startTeamsHarness();
    await staff(teams.running, teams.identityKey('hana'), 'hana');
    const id = await bookableEngagementOn(teams.running, {
      company: 'Acme',
      country: 'th',
      applicantKey: teams.identityKey('aiko'),
      expertKeys: [],
    });
    const yamada = { name: 'Yamada Taro', aad: 'aad-yamada' };

    const granted = await teams.post(mentioning(teams, 'hana', 'role grant expert <at>Yamada Taro</at> th', yamada));
    // Staff answers asked in a channel go to the asker's personal chat; the channel gets a note.
    expect(granted.elsewhereText).toBe('Yamada Taro（teams:tenant-1:aad-yamada）に「専門家」の権限を付与しました（対象: タイ）。');
    expect(granted.hereText).toBe('この回答はチャネルの全員向けではないため、個人チャットでお送りしました。');
    expect(await rolesOf(teams.running, 'teams:tenant-1:aad-yamada')).toEqual({ name: 'Yamada Taro', roles: ['expert:th'] });

    const assigned = await teams.post(mentioning(teams, 'hana', `assign ${id} <at>Yamada Taro</at>`, yamada));
    expect(assigned.text).toContain(`Yamada Taro さんを #${id} Acme（タイ） の担当専門家に割り当てました。`);
    expect(await directServices(teams.running).applications.expertsOf(id)).toHaveLength(1);

    // Yamada's own identity, when they write, is the one the mention named.
    const whoami = await teams.message('whoami', { user: 'yamada', locale: 'en-US' });
    expect(whoami.text).toContain('Identity (what staff use to grant you a role): teams:tenant-1:aad-yamada');
    expect(whoami.text).toContain('Roles: expert (Thailand)');
  });
});
