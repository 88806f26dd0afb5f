/**
 * Staff answers and company data asked in a shared conversation go to the asker alone, through the real
 * endpoints: Slack shows them ephemeral, Teams sends them to the personal chat and leaves a note in the
 * channel. Public information (the eligibility check) stays where it was asked; STAFF_CHANNELS keep every
 * answer visible; a DM is as it always was.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/app/start.ts';
import type { Platform } from '../../src/core/inbound.ts';
import { bookableEngagementOn } from '../booking/fixtures.ts';
import { directServices } from '../support/direct-services.ts';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';
import { startTeamsHarness, teamsChannelConversation, teamsTenant, type TeamsHarness } from '../support/teams-harness.ts';

let slack: SlackHarness | undefined;
let teams: TeamsHarness | undefined;
afterEach(async () => {
  await slack?.close();
  await teams?.stop();
  slack = undefined;
  teams = undefined;
});

async function grantStaff(running: RunningBot, key: string): Promise<void> {
  const services = directServices(running);
  const [platform, tenant, userId] = key.split(':') as [Platform, string, string];
  const person = await services.people.resolve({ key, platform, tenant, userId, displayName: userId });
  await services.people.grantRole({ personId: person.id, role: 'staff' });
}

const quotaTitle = '採択・支援の状況';
const note = 'この回答はチャネルの全員向けではないため、個人チャットでお送りしました。';
const channelKey = `teams:${teamsTenant}:${teamsChannelConversation}`;

describe('Teams: private answers in a channel', () => {
  it('quota asked by staff in a channel arrives in their personal chat; the channel gets only a note', async () => {
    teams = await startTeamsHarness();
    await grantStaff(teams.running, teams.identityKey('hana'));

    const asked = await teams.message('quota', { user: 'hana', in: 'channel' });
    expect(asked.status).toBe(200);
    // The bot opened (or found) the personal chat with hana, in her tenant…
    expect(asked.created).toHaveLength(1);
    const opened = asked.created[0]!.body as { members?: { id: string }[]; tenantId?: string; isGroup?: boolean };
    expect(opened.members?.map((m) => m.id)).toEqual(['29:hana']);
    expect(opened.tenantId).toBe(teamsTenant);
    expect(opened.isGroup).toBe(false);
    // …and the answer went there, and only there.
    expect(asked.elsewhere.every((c) => c.conversationId === asked.created[0]!.conversationId)).toBe(true);
    expect(asked.elsewhereText).toContain(quotaTitle);
    expect(asked.hereText).toBe(note);
    expect(asked.hereText).not.toContain(quotaTitle);
  });

  it('when Teams refuses to open the personal chat, the channel is told to ask there and sees nothing private', async () => {
    teams = await startTeamsHarness();
    await grantStaff(teams.running, teams.identityKey('hana'));
    teams.connector.failNext(403);
    const asked = await teams.message('quota', { user: 'hana', in: 'channel' });
    expect(asked.status).toBe(200);
    expect(asked.hereText).toContain('個人チャットでお送りできませんでした');
    expect(asked.text).not.toContain(quotaTitle);
  });

  it('a repeated delivery is answered privately again (the marking is recorded with the replies)', async () => {
    teams = await startTeamsHarness();
    await grantStaff(teams.running, teams.identityKey('hana'));
    const first = await teams.message('quota', { user: 'hana', in: 'channel', id: 'quota-once' });
    expect(first.elsewhereText).toContain(quotaTitle);

    const again = await teams.message('quota', { user: 'hana', in: 'channel', id: 'quota-once' });
    expect(again.status).toBe(200);
    expect(again.hereText).toBe(note);
    expect(again.elsewhereText).toContain(quotaTitle);
  });

  it('the eligibility check stays in the channel', async () => {
    teams = await startTeamsHarness();
    const asked = await teams.message('eligibility', { user: 'newbie', in: 'channel' });
    expect(asked.hereText).toContain('貴社は次のどれに当たりますか。');
    expect(asked.created).toHaveLength(0);
    expect(asked.elsewhere).toHaveLength(0);
  });

  it('in a channel listed in STAFF_CHANNELS quota is shown in the channel', async () => {
    teams = await startTeamsHarness({ env: { STAFF_CHANNELS: `slack:T1:C9, ${channelKey}` } });
    await grantStaff(teams.running, teams.identityKey('hana'));
    const asked = await teams.message('quota', { user: 'hana', in: 'channel' });
    expect(asked.hereText).toContain(quotaTitle);
    expect(asked.created).toHaveLength(0);
    expect(asked.elsewhere).toHaveLength(0);
  });

  it('the personal chat is unchanged: quota is answered there', async () => {
    teams = await startTeamsHarness();
    await grantStaff(teams.running, teams.identityKey('hana'));
    const asked = await teams.message('quota', { user: 'hana' });
    expect(asked.hereText).toContain(quotaTitle);
    expect(asked.hereText).not.toContain(note);
    expect(asked.created).toHaveLength(0);
  });

  it('a confirmation sent privately is confirmed in the personal chat and acts on what was asked in the channel', async () => {
    teams = await startTeamsHarness();
    await grantStaff(teams.running, teams.identityKey('hana'));
    const id = await bookableEngagementOn(teams.running, {
      company: 'Acme',
      country: 'th',
      applicantKey: teams.identityKey('aiko'),
      expertKeys: [],
    });

    const asked = await teams.message(`close ${id}`, { user: 'hana', in: 'channel' });
    expect(asked.hereText).toBe(note);
    expect(asked.elsewhereText).toContain('[支援を終了する]');

    // Clicked in the personal chat: the question is open in the channel, and the button knows it.
    const confirmed = await teams.click(asked, '支援を終了する', { user: 'hana' });
    expect(confirmed.hereText).toContain('の支援を終了しました。');
    expect(confirmed.hereText).not.toContain(note);
    expect((await directServices(teams.running).applications.get(id))?.status).toBe('closed');
  });

  it('whoami in a channel answers privately and names the channel’s key for STAFF_CHANNELS', async () => {
    teams = await startTeamsHarness();
    const asked = await teams.message('whoami', { user: 'hana', in: 'channel', locale: 'en-US' });
    expect(asked.elsewhereText).toContain(`This conversation (for STAFF_CHANNELS): ${channelKey}`);
    expect(asked.hereText).toBe('I sent you the answer in our personal chat: it is not for everyone in this channel.');
  });
});

describe('Slack: private answers in a channel', () => {
  const quota = (text: string) => text.includes(`*${quotaTitle}`);

  it('/quota in a channel is ephemeral', async () => {
    slack = await startSlackHarness();
    await grantStaff(slack.running, `slack:${slack.team}:U1`);
    await slack.command('U1', '/quota', '', { channel: 'C1' });
    const shown = slack.messages().filter((m) => quota(m.text));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((m) => m.ephemeral && m.channel === 'C1')).toBe(true);
  });

  it('a mention in a channel asking for a staff answer is answered with chat.postEphemeral to the asker', async () => {
    slack = await startSlackHarness();
    await grantStaff(slack.running, `slack:${slack.team}:U1`);
    await slack.mention('U1', 'C1', 'quota');
    const ephemeral = slack.api.delivered('chat.postEphemeral');
    expect(ephemeral.some((c) => c.args.user === 'U1' && c.args.channel === 'C1' && quota(JSON.stringify(c.args.blocks)))).toBe(true);
    expect(slack.api.calls('chat.postMessage')).toHaveLength(0);
  });

  it('the eligibility check asked by a mention stays in the channel', async () => {
    slack = await startSlackHarness();
    await slack.mention('U2', 'C1', 'eligibility');
    const posted = slack.api.delivered('chat.postMessage');
    expect(posted.some((c) => c.args.channel === 'C1' && JSON.stringify(c.args.blocks).includes('日本国内の法人'))).toBe(true);
    expect(slack.api.calls('chat.postEphemeral')).toHaveLength(0);
  });

  it('a DM is unchanged: quota is posted as an ordinary message', async () => {
    slack = await startSlackHarness();
    await grantStaff(slack.running, `slack:${slack.team}:U1`);
    await slack.dm('U1', 'quota');
    const posted = slack.api.delivered('chat.postMessage');
    expect(posted.some((c) => c.args.channel === 'DU1' && quota(JSON.stringify(c.args.blocks)))).toBe(true);
    expect(slack.api.calls('chat.postEphemeral')).toHaveLength(0);
  });

  it('in a channel listed in STAFF_CHANNELS /quota is shown to everyone', async () => {
    slack = await startSlackHarness({ env: { STAFF_CHANNELS: 'slack:T1:C9' } });
    await grantStaff(slack.running, `slack:${slack.team}:U1`);
    await slack.command('U1', '/quota', '', { channel: 'C9' });
    const shown = slack.messages().filter((m) => quota(m.text));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((m) => !m.ephemeral && m.channel === 'C9')).toBe(true);
  });
});
