// Installing the bot greets once; the personal chat is remembered so that notifications from the outbox
// reach the person in Teams, and a failed delivery stays in the outbox for another try.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from '../../src/core/reply.ts';
import { parseTeamsAddress } from '../../adapters/teams/teams-address.ts';
import { startTeamsHarness, textOfActivities, type TeamsHarness } from '../support/teams-harness.ts';
import { directServices } from '../support/direct-services.ts';

let teams: TeamsHarness;

beforeAll(async () => {
  teams = await startTeamsHarness();
});
afterAll(() => teams?.stop());

async function notify(user: string, message: string): Promise<void> {
  const person = await directServices(teams.running).people.findByIdentityKey(teams.identityKey(user));
  await directServices(teams.running).notifier.notify(person!.id, () => [text(message)]);
  await teams.running.dispatcher.idle();
}

async function outboxRows() {
  return teams.running.db.prisma.outbox.findMany({ orderBy: { id: 'asc' } });
}

describe('welcome', () => {
  it('welcomes a person once when they install the bot in a personal chat, in their language', async () => {
    const first = await teams.conversationUpdate(['bot'], { user: 'alice', locale: 'en-US' });
    expect(first.status).toBe(200);
    expect(first.text).toContain('Hello, this is the desk of the FY2021 Trade Secret Leakage Countermeasure Support Program');
    const again = await teams.conversationUpdate(['bot', 'alice'], { user: 'alice', locale: 'en-US' });
    expect(again.replies).toHaveLength(0);
  });

  it('remembers the personal chat at installation, so notifications can be sent before any message', async () => {
    await teams.conversationUpdate(['bot'], { user: 'bea' });
    const person = await directServices(teams.running).people.findByIdentityKey(teams.identityKey('bea'));
    const addresses = await directServices(teams.running).people.addressesOf(person!.id);
    expect(addresses.map((a) => [a.key, a.platform])).toEqual([[teams.identityKey('bea'), 'teams']]);
    expect(parseTeamsAddress(addresses[0]!.address)).toMatchObject({
      kind: 'conversation',
      reference: { conversation: { id: 'a:personal-bea' } },
    });
  });

  it('greets a channel once when the bot is added to a team, in Japanese by default', async () => {
    const added = await teams.conversationUpdate(['bot'], { user: 'carl', in: 'channel' });
    expect(added.text).toContain('このチャネルに追加していただき');
    expect(added.text).toContain('@Desk help');
    expect(teams.connector.calls.at(-1)!.conversationId).toBe('19:general@thread.tacv2');
    const again = await teams.conversationUpdate(['bot'], { user: 'carl', in: 'channel' });
    expect(again.replies).toHaveLength(0);
  });

  it('does not post in the channel when people join the team', async () => {
    const joined = await teams.conversationUpdate(['dan', 'erin'], { user: 'carl', in: 'channel' });
    expect(joined.status).toBe(200);
    expect(joined.replies).toHaveLength(0);
  });
});

describe('notifications', () => {
  it('delivers an outbox message to the personal chat, as a new message', async () => {
    await teams.message('help', { user: 'fay' });
    const before = teams.connector.calls.length;
    await notify('fay', '申請が採択されました。');
    const sent = teams.connector.since(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.conversationId).toBe('a:personal-fay');
    expect(textOfActivities([sent[0]!.body])).toBe('申請が採択されました。');
    expect((await outboxRows()).at(-1)!.sentAt).not.toBeNull();
  });

  it('keeps a message in the outbox when Teams refuses it, and delivers it on the next try', async () => {
    await teams.message('help', { user: 'gus' });
    teams.connector.failNext(403);
    const before = teams.connector.calls.length;
    await notify('gus', '予約が確定しました。');
    expect(teams.connector.since(before)).toHaveLength(0);
    const failed = (await outboxRows()).at(-1)!;
    expect(failed.sentAt).toBeNull();
    expect(failed.attempts).toBe(1);

    teams.clock.set(new Date(failed.dueAt!.getTime() + 60 * 60_000));
    teams.running.dispatcher.kick();
    await teams.running.dispatcher.idle();
    const sent = teams.connector.since(before);
    expect(sent.map((c) => c.conversationId)).toEqual(['a:personal-gus']);
    expect((await outboxRows()).at(-1)!.sentAt).not.toBeNull();
  });

  it('opens a personal chat for someone who has only used the bot in a channel', async () => {
    await teams.message('help', { user: 'hal', in: 'channel' });
    const before = teams.connector.calls.length;
    await notify('hal', '研修の前日です。');
    const calls = teams.connector.since(before);
    expect(calls.map((c) => c.kind)).toEqual(['createConversation', 'reply']);
    expect(calls[0]!.body).toMatchObject({ isGroup: false, members: [{ id: '29:hal' }], tenantId: 'tenant-1' });
    expect(calls[1]!.conversationId).toBe(calls[0]!.assignedId);
    expect(textOfActivities([calls[1]!.body])).toBe('研修の前日です。');
  });

  it('prefers the personal chat once the person has used it', async () => {
    await teams.message('help', { user: 'ivy', in: 'channel' });
    await teams.message('help', { user: 'ivy' });
    await teams.message('help', { user: 'ivy', in: 'channel' });
    const before = teams.connector.calls.length;
    await notify('ivy', 'お知らせです。');
    expect(teams.connector.since(before).map((c) => [c.kind, c.conversationId])).toEqual([['reply', 'a:personal-ivy']]);
  });
});
