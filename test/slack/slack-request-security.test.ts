/**
 * Requests Slack did not sign, or signed too long ago, are refused with 401 and change nothing; Slack's
 * retries and repeated deliveries have one effect and one reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest } from '../../adapters/slack/verify-signature.ts';
import { startSlackHarness, textOfBlocks, type SlackHarness } from '../support/slack-harness.ts';
import { slackTestFeatures } from './support/slack-test-feature.ts';

let slack: SlackHarness;

beforeAll(async () => {
  slack = await startSlackHarness({ features: slackTestFeatures });
});
afterAll(async () => {
  await slack?.close();
});

const counts = async () => {
  const { prisma } = slack.running.db;
  return { requests: await prisma.processedRequest.count(), people: await prisma.person.count(), calls: slack.api.calls().length };
};

const dmEvent = (user: string, text: string, eventId: string) =>
  JSON.stringify({
    team_id: slack.team,
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ user_id: 'UBOT' }],
    event: { type: 'message', channel: `D${user}`, channel_type: 'im', user, text, ts: '1630458000.000100' },
  });

describe('signature verification', () => {
  it('refuses a wrong signature with 401 and stores nothing', async () => {
    const before = await counts();
    const body = dmEvent('UX', 'help', 'EvForged');
    const res = await slack.post(body, {
      contentType: 'application/json',
      signature: signSlackRequest('not-the-secret', String(Math.floor(Date.now() / 1000)), body),
    });
    expect(res.status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('refuses a body changed after signing', async () => {
    const before = await counts();
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = signSlackRequest(slack.signingSecret, ts, dmEvent('UX', 'help', 'EvTampered'));
    const res = await slack.post(dmEvent('UX', 'echo tampered', 'EvTampered'), {
      contentType: 'application/json',
      signature,
      timestampSec: Number(ts),
    });
    expect(res.status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('refuses a request without signature headers', async () => {
    const res = await fetch(slack.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: dmEvent('UX', 'help', 'EvBare'),
    });
    expect(res.status).toBe(401);
  });

  it('refuses a correctly signed request whose timestamp is more than five minutes old', async () => {
    const before = await counts();
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await slack.post(dmEvent('UX', 'help', 'EvStale'), { contentType: 'application/json', timestampSec: sixMinutesAgo });
    expect(res.status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('refuses a timestamp more than five minutes in the future', async () => {
    const res = await slack.post(dmEvent('UX', 'help', 'EvFuture'), {
      contentType: 'application/json',
      timestampSec: Math.floor(Date.now() / 1000) + 6 * 60,
    });
    expect(res.status).toBe(401);
  });

  it("answers Slack's URL verification challenge (signed)", async () => {
    const res = await slack.post(JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' }), {
      contentType: 'application/json',
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ challenge: 'abc123' });
  });

  it('accepts a form body whose content type carries a charset', async () => {
    const fields = new URLSearchParams({
      team_id: slack.team,
      user_id: 'UC',
      user_name: 'uc',
      channel_id: 'DUC',
      command: '/desk',
      text: 'echo charset',
      response_url: slack.api.responseUrl(),
      trigger_id: 'trig-charset',
    });
    const res = await slack.post(fields.toString(), { contentType: 'application/x-www-form-urlencoded; charset=utf-8' });
    expect(res.status).toBe(200);
    // The reply is the body of the acknowledgement.
    expect(textOfBlocks((JSON.parse(res.body) as { blocks: Record<string, unknown>[] }).blocks)).toBe('echo: charset');
  });
});

// A request Slack delivers again (it got no acknowledgement: a timeout, a crash after the turn committed)
// changes nothing again and is answered with the first answer, which may not have reached the person.
describe('retries have one effect', () => {
  it('an event retried with x-slack-retry-num is handled once and answered with the first answer', async () => {
    await slack.dm('UR', 'order', { eventId: 'EvOrder1' });
    const replies = () =>
      slack.api
        .delivered('chat.postMessage')
        .filter((c) => c.args.channel === 'DUR')
        .map((c) => textOfBlocks(c.args.blocks as Record<string, unknown>[]));
    expect(replies()).toEqual(['Which fruit?']);
    const stored = await slack.running.db.prisma.processedRequest.count();

    const res = await slack.dm('UR', 'order', { eventId: 'EvOrder1', retryNum: 1 });
    expect(res.status).toBe(200);
    await slack.dm('UR', 'order', { eventId: 'EvOrder1', retryNum: 2 });
    expect(replies()).toEqual(['Which fruit?', 'Which fruit?', 'Which fruit?']);
    expect(await slack.running.db.prisma.processedRequest.count()).toBe(stored);
    // Handled once: the flow is still at its first question, which a fresh message answers.
    await slack.dm('UR', 'apple');
    expect(slack.lastMessage().text).toBe('Order apple?');
  });

  it('a slash command delivered twice (same trigger) is handled once, both answered the same', async () => {
    const answer = (res: { body: string }) => textOfBlocks((JSON.parse(res.body) as { blocks: Record<string, unknown>[] }).blocks);
    const first = await slack.command('UR2', '/desk', 'count', { triggerId: 'trig-once' });
    const n = Number(/^count: (\d+)$/.exec(answer(first))?.[1]);
    expect(n).toBeGreaterThan(0);
    const stored = await slack.running.db.prisma.processedRequest.count();
    const again = await slack.command('UR2', '/desk', 'count', { triggerId: 'trig-once', retryNum: 1 });
    expect(again.body).toBe(first.body);
    expect(await slack.running.db.prisma.processedRequest.count()).toBe(stored);
    // The command ran once: the next one (another trigger) counts one more, not two.
    const next = await slack.command('UR2', '/desk', 'count', { triggerId: 'trig-next' });
    expect(answer(next)).toBe(`count: ${n + 1}`);
  });

  it('a click delivered twice moves the flow one step, both answered the same', async () => {
    await slack.dm('UR3', 'order');
    const question = slack.lastMessage();
    await slack.click('UR3', 'cherry', { message: question, triggerId: 'trig-click' });
    const answers = () =>
      slack
        .messages()
        .filter((m) => !m.replacesOriginal && m.channel === 'DUR3')
        .map((m) => m.text);
    expect(answers()).toEqual(['Which fruit?', 'Order cherry?']);
    await slack.click('UR3', 'cherry', { message: question, triggerId: 'trig-click', retryNum: 1 });
    expect(answers()).toEqual(['Which fruit?', 'Order cherry?', 'Order cherry?']);
    // One step only: "yes" now answers "Order cherry?".
    await slack.dm('UR3', 'yes');
    expect(slack.lastMessage().text).toContain('cherry');
  });
});
