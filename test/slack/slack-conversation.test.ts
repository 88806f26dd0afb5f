/**
 * End to end through the real server: signed Slack requests in, the bot's Web API calls and response_url
 * posts captured on a fake Slack on loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';
import { slackTestFeatures } from './support/slack-test-feature.ts';

let slack: SlackHarness;

beforeAll(async () => {
  slack = await startSlackHarness({ features: slackTestFeatures });
});
afterAll(async () => {
  await slack?.close();
});

describe('help', () => {
  it('answers a direct message in the DM', async () => {
    const res = await slack.dm('U1', 'help');
    expect(res.status).toBe(200);
    const reply = slack.lastMessage();
    expect(reply.via).toBe('chat.postMessage');
    expect(reply.channel).toBe('DU1');
    expect(reply.text).toContain('使えるコマンド');
    expect(reply.text).toContain('echo …');
  });

  it('answers the slash command privately, in the body of its acknowledgement', async () => {
    const res = await slack.command('U2', '/desk', 'help', { channel: 'C1' });
    expect(res.status).toBe(200);
    const reply = slack.lastMessage();
    expect(reply.via).toBe('ack');
    expect(reply.ephemeral).toBe(true);
    expect(reply.text).toContain('使えるコマンド');
  });

  it('runs the command named by the slash command with its text', async () => {
    await slack.command('U3', '/hours', '2 review NDA');
    expect(slack.lastMessage().text).toBe('logged: 2 review NDA');
    expect(slack.lastMessage().ephemeral).toBe(false);
  });

  it('acknowledges a slash command the app does not declare, and answers nothing', async () => {
    await slack.command('U3', '/hours', '1 before');
    const before = slack.messages().length;
    const res = await slack.command('U3', '/unknown', 'help');
    expect(res).toEqual({ status: 200, body: '' });
    expect(slack.messages()).toHaveLength(before);
  });
});

describe('buttons', () => {
  it('round trip: a click answers the flow, the clicked message loses its buttons and shows the choice', async () => {
    await slack.dm('U4', 'order');
    const question = slack.lastMessage();
    expect(question.text).toBe('Which fruit?');
    expect(question.buttons.map((b) => b.label)).toEqual(['apple', 'banana', 'cherry']);

    const res = await slack.click('U4', 'banana');
    expect(res.status).toBe(200);
    const sent = slack.messages();
    const rewrite = sent.at(-2)!;
    expect(rewrite.replacesOriginal).toBe(true);
    expect(rewrite.buttons).toEqual([]);
    expect(rewrite.text).toContain('Which fruit?');
    expect(rewrite.text).toContain(':white_check_mark: *banana*');
    const next = sent.at(-1)!;
    expect(next.text).toBe('Order banana?');
    expect(next.buttons.map((b) => b.label)).toEqual(['yes', 'no']);

    await slack.click('U4', 'yes');
    // The flow's last text echoes `<!channel>`: it arrives escaped, so nobody is pinged.
    expect(slack.lastMessage().text).toBe('Ordered banana &lt;!channel&gt;');
  });

  it('a button value that is not ours is refused and the message keeps its buttons', async () => {
    await slack.dm('U5', 'order');
    const question = slack.lastMessage();
    const forged = { ...question, buttons: question.buttons.map((b) => ({ ...b, value: '{"not":"ours"}' })) };
    await slack.click('U5', 'apple', { message: forged });
    const sent = slack.messages();
    expect(sent.some((m) => m.replacesOriginal && m.responseUrl !== undefined && m.channel === 'DU5')).toBe(false);
    expect(sent.at(-1)!.text).toContain(':warning:');
    expect(sent.at(-1)!.ephemeral).toBe(true);
  });
});
