/**
 * The Slack API failing (HTTP 500, or 429 with Retry-After) while the bot talks to it: no message is lost.
 *
 * - Notifications (the outbox) are retried with growing delays on the bot's clock, and delivered once.
 * - Replies to slash commands (posted to the response_url) are retried at once on 429 as Retry-After
 *   says, and after short growing pauses on 5xx, within the 30 minutes a response_url stays valid.
 * - Replies in a direct message go through the Web API client, which retries per its retry policy
 *   outside tests (fiveRetriesInFiveMinutes): run here with NODE_ENV=development to use it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hoursFeature } from '../../src/hours/feature.ts';
import { staffFeature } from '../../src/staff/feature.ts';
import { engagement, grant, type SetupTarget } from '../hours/engagements.ts';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';
import { directServices } from '../support/direct-services.ts';

let slack: SlackHarness | undefined;
afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

function usersOf(s: SlackHarness): SetupTarget {
  return {
    services: directServices(s.running),
    db: s.running.db,
    identity: (user) => ({ key: `slack:${s.team}:${user}`, platform: 'slack', tenant: s.team, userId: user }),
  };
}

const advance = (s: SlackHarness, ms: number) => s.clock.set(new Date(s.clock.now().getTime() + ms));

describe('the Slack API answering 500 or 429', () => {
  it('retries an outbox notification with growing delays and delivers it once', async () => {
    slack = await startSlackHarness({ features: [hoursFeature, staffFeature()] });
    const users = usersOf(slack);
    await engagement(users, { company: 'Acme', country: 'th', experts: ['UBOB'], capHours: 2 });
    await grant(users, 'USTAFF', 'staff');
    await slack.command('USTAFF', '/desk', 'help'); // staff talked to the bot: Slack can reach them
    const { prisma } = slack.running.db;
    const toStaff = () => slack!.api.calls('chat.postMessage').filter((c) => c.args.channel === 'DUSTAFF');

    slack.api.failNext('chat.postMessage', { status: 500 });
    await slack.command('UBOB', '/hours', '2 review NDA'); // reaches the 2-hour cap: staff are told
    expect(toStaff().map((c) => c.ok)).toEqual([false]);
    const queued = await prisma.outbox.findFirstOrThrow({ where: { sentAt: null } });
    expect(queued.attempts).toBe(1);
    expect(queued.dueAt!.getTime() - slack.clock.now().getTime()).toBe(2_000);

    // Not due yet: a pass now sends nothing.
    slack.running.dispatcher.kick();
    await slack.settle();
    expect(toStaff()).toHaveLength(1);

    // Due: Slack is rate limiting now; the next try waits twice as long.
    slack.api.failNext('chat.postMessage', { status: 429 });
    advance(slack, 2_000);
    slack.running.dispatcher.kick();
    await slack.settle();
    expect(toStaff().map((c) => c.ok)).toEqual([false, false]);
    const again = await prisma.outbox.findUniqueOrThrow({ where: { id: queued.id } });
    expect(again.attempts).toBe(2);
    expect(again.dueAt!.getTime() - slack.clock.now().getTime()).toBe(4_000);

    advance(slack, 4_000);
    slack.running.dispatcher.kick();
    await slack.settle();
    const delivered = toStaff().filter((c) => c.ok);
    expect(delivered).toHaveLength(1);
    expect(JSON.stringify(delivered[0]!.args.blocks)).toContain('上限（2時間）に達しました');
    expect((await prisma.outbox.findUniqueOrThrow({ where: { id: queued.id } })).sentAt).not.toBeNull();

    // Nothing more goes out later: delivered once.
    advance(slack, 600_000);
    slack.running.dispatcher.kick();
    await slack.settle();
    expect(toStaff().filter((c) => c.ok)).toHaveLength(1);
  }, 60_000);

  it('retries the reply to a click when its response_url answers 500 or 429', async () => {
    slack = await startSlackHarness({ features: [hoursFeature] });
    await engagement(usersOf(slack), { company: 'Acme', country: 'th', experts: ['UBOB'] });
    await slack.command('UBOB', '/hours', '1 review NDA');
    expect(slack.lastMessage()).toMatchObject({ via: 'ack' });
    expect(slack.lastMessage().text).toContain('1時間を記録しました');

    // A click is answered through its response_url: first the clicked message loses its buttons, then the reply.
    slack.api.failNext('response_url', { status: 500, times: 2 });
    await slack.click('UBOB', '区分を変更');
    expect(slack.api.calls('response_url').map((c) => c.ok)).toEqual([false, false, true, true]);
    expect(slack.lastMessage().text).toContain('の区分を選んでください');

    slack.api.failNext('response_url', { status: 429, times: 1 });
    await slack.click('UBOB', '電話');
    expect(slack.api.calls('response_url').map((c) => c.ok)).toEqual([false, false, true, true, false, true, true]);
    expect(slack.lastMessage().text).toContain('の区分を「電話」に変更しました');
    expect(await slack.running.db.prisma.hourEntry.count()).toBe(1);
  }, 60_000);

  it('retries the reply to a direct message through the Web API client (outside tests)', async () => {
    slack = await startSlackHarness({ features: [hoursFeature], env: { NODE_ENV: 'development' } });
    await engagement(usersOf(slack), { company: 'Acme', country: 'th', experts: ['UBOB'] });

    slack.api.failNext('chat.postMessage', { status: 500 });
    await slack.dm('UBOB', 'hours 1 review NDA');
    const posts = slack.api.calls('chat.postMessage').filter((c) => c.args.channel === 'DUBOB');
    expect(posts.map((c) => c.ok)).toEqual([false, true]);
    expect(slack.lastMessage().text).toContain('1時間を記録しました');
  }, 60_000);
});
