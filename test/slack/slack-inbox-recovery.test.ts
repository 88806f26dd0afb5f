/**
 * Requests another instance acknowledged and then died without handling (rows left pending in the inbox,
 * their lease run out) are handled when the bot starts: the slash command is logged and answered at its
 * response_url, the direct message answered in the DM. A row still leased (another instance at work on it)
 * is left alone; a Slack redelivery of a stored request is acknowledged and has no second effect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest } from '../../adapters/slack/verify-signature.ts';
import type { SlackAdapter } from '../../adapters/slack/create-slack-adapter.ts';
import { createServices } from '../../src/app/create-services.ts';
import { startBot, type RunningBot } from '../../src/app/start.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { loadProgram } from '../../src/program/load-program.ts';
import { engagement } from '../hours/engagements.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.ts';
import { tempDatabaseUrl } from '../support/temp-database.ts';

const team = 'T1';
const signingSecret = 'test-signing-secret';
const temp = tempDatabaseUrl();
let api: FakeSlackApi;
let running: RunningBot | undefined;
let acme: number;
let commandBody: Record<string, string>;
const minute = 60_000;

beforeAll(async () => {
  api = await startFakeSlackApi();
  const clock = new ManualClock(new Date('2021-09-01T01:00:00Z'));
  const silent = { debug() {}, info() {}, warn() {}, error() {} };

  // What the crashed instance left behind: an engagement, and three requests it had acknowledged.
  const db = await openDatabase(temp.url);
  const services = createServices({ db, program: loadProgram('fy2021'), clock, log: silent, flowTtlHours: 72 });
  acme = await engagement(
    { services, db, identity: (user) => ({ key: `slack:${team}:${user}`, platform: 'slack', tenant: team, userId: user }) },
    { company: 'Acme', country: 'th', experts: ['UBOB'] },
  );
  commandBody = {
    token: 'legacy',
    team_id: team,
    team_domain: 'test',
    channel_id: 'DUBOB',
    channel_name: 'directmessage',
    user_id: 'UBOB',
    user_name: 'bob',
    command: '/hours',
    text: '2 review NDA',
    api_app_id: 'A1',
    response_url: api.responseUrl(),
    trigger_id: 'trig-crashed',
  };
  const dm = {
    token: 'legacy',
    team_id: team,
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: 'EvCrashed',
    event_time: 1_630_000_000,
    authorizations: [{ team_id: team, user_id: 'UBOT', is_bot: true }],
    event: { type: 'message', channel: 'DUBOB', channel_type: 'im', user: 'UBOB', text: 'help', ts: '1630000000.000100' },
  };
  const leftBehind = (key: string, payload: unknown, leaseUntil: Date) =>
    db.prisma.inboxRequest.create({ data: { key, platform: 'slack', payload: JSON.stringify(payload), leaseUntil, createdAt: new Date(Date.now() - 3 * minute) } });
  await leftBehind(`slack:command:${team}:trig-crashed`, { kind: 'command', body: commandBody }, new Date(Date.now() - minute));
  await leftBehind('slack:event:EvCrashed', { kind: 'message', body: dm }, new Date(Date.now() - minute));
  // Still leased: an instance alive and at work on it.
  await leftBehind('slack:event:EvLeased', { kind: 'message', body: { ...dm, event_id: 'EvLeased', event: { ...dm.event, text: 'language en' } } }, new Date(Date.now() + 10 * minute));
  await db.close();

  running = await startBot({
    env: { NODE_ENV: 'test', PORT: '0', DATABASE_URL: temp.url, LOG_LEVEL: 'silent', SLACK_SIGNING_SECRET: signingSecret, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: api.apiUrl },
    clock,
    host: '127.0.0.1',
  });
});

afterAll(async () => {
  await running?.stop();
  await api.close();
  temp.cleanup();
});

const slackAdapter = () => running!.adapters.find((a) => a.name === 'slack') as SlackAdapter;

describe('requests a crashed instance acknowledged but did not handle', () => {
  it('are handled and answered when the bot starts; a request another instance still holds is left alone', async () => {
    await slackAdapter().idle(); // the recovery started by start()
    const prisma = running!.db.prisma;

    const replies = api.delivered('response_url');
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(replies[0]!.args)).toContain('2時間を記録しました');
    const entries = await prisma.hourEntry.findMany();
    expect(entries.map((e) => [e.requestKey, e.minutes, e.applicationId])).toEqual([[`slack:command:${team}:trig-crashed`, 120, acme]]);

    const inDm = api.delivered('chat.postMessage').filter((c) => c.args.channel === 'DUBOB');
    expect(inDm).toHaveLength(1);

    const rows = await prisma.inboxRequest.findMany({ orderBy: { key: 'asc' } });
    expect(rows.map((r) => [r.key, r.status, r.attempts])).toEqual([
      [`slack:command:${team}:trig-crashed`, 'done', 1],
      ['slack:event:EvCrashed', 'done', 1],
      ['slack:event:EvLeased', 'pending', 0],
    ]);
    // The leased one was not handled: the person's language is still unset.
    expect((await prisma.person.findFirstOrThrow({ where: { identities: { some: { key: `slack:${team}:UBOB` } } } })).locale).toBeNull();
  });

  it('acknowledges a Slack redelivery of a stored request and does nothing else', async () => {
    const body = new URLSearchParams(commandBody).toString();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const res = await fetch(`${running!.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': timestamp,
        'x-slack-signature': signSlackRequest(signingSecret, timestamp, body),
        'x-slack-retry-num': '1',
        'x-slack-retry-reason': 'http_timeout',
      },
      body,
    });
    expect(res.status).toBe(200);
    await slackAdapter().idle();
    expect(api.delivered('response_url')).toHaveLength(1);
    expect(await running!.db.prisma.hourEntry.count()).toBe(1);
    expect(await running!.db.prisma.processedRequest.count({ where: { key: `slack:command:${team}:trig-crashed` } })).toBe(1);
  });
});
