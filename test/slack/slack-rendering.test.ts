/**
 * What people see in Slack: user text echoed back never pings or links, private answers stay private,
 * facts and meters, files, mentions in channels.
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

const sectionsOf = (blocks: Record<string, unknown>[]) => blocks.filter((b) => b.type === 'section');

describe('escaping', () => {
  it('a DM with a real @channel and a user mention comes back as plain text, not as markup', async () => {
    // Slack sends mentions as markup: <!channel>, <@U123>.
    await slack.dm('UE1', 'echo <!channel> please see <@U123>');
    const reply = slack.lastMessage();
    expect(reply.text).toBe('echo: @channel please see @U123');
    expect(reply.fallback).not.toMatch(/<[!@#]/);
    // verbatim: Slack does not turn the typed @channel back into a mention either.
    for (const s of sectionsOf(reply.blocks)) expect((s.text as { verbatim?: boolean }).verbatim).toBe(true);
  });

  it('a note that literally contains <!channel> and <@U123> is escaped', async () => {
    // What Slack sends when someone types the characters `<!channel>`: &, <, > encoded.
    await slack.dm('UE2', 'echo note &lt;!channel&gt; &lt;@U123&gt; &amp; co');
    const reply = slack.lastMessage();
    expect(reply.text).toBe('echo: note &lt;!channel&gt; &lt;@U123&gt; &amp; co');
    expect(JSON.stringify(reply.blocks)).not.toContain('<!channel>');
    expect(JSON.stringify(reply.blocks)).not.toContain('<@U123>');
    expect(reply.fallback).toBe('echo: note &lt;!channel&gt; &lt;@U123&gt; &amp; co');
  });

  it('slash command text with markup is escaped too', async () => {
    await slack.command('UE3', '/desk', 'echo <!here> <https://evil.example|click me>', { channel: 'C1' });
    const reply = slack.lastMessage();
    expect(reply.text).not.toMatch(/<[!@#h]/);
    expect(reply.text).toBe('echo: @here click me (https://evil.example)');
  });
});

describe('private and public replies', () => {
  it('a reply marked ephemeral is ephemeral; others are posted in the channel', async () => {
    await slack.command('UP1', '/desk', 'secret', { channel: 'C1' });
    expect(slack.lastMessage()).toMatchObject({ via: 'ack', ephemeral: true, text: 'only for you' });
    await slack.command('UP1', '/desk', 'echo hi', { channel: 'C1' });
    expect(slack.lastMessage()).toMatchObject({ via: 'ack', ephemeral: false, text: 'echo: hi' });
  });

  it('a mention in a channel is answered in its thread, privately when the reply says so', async () => {
    await slack.mention('UP2', 'C7', 'echo from channel');
    const pub = slack.lastMessage();
    expect(pub).toMatchObject({ via: 'chat.postMessage', channel: 'C7', text: 'echo: from channel' });
    const call = slack.api.delivered('chat.postMessage').at(-1)!;
    expect(call.args.thread_ts).toBeTruthy();

    await slack.mention('UP2', 'C7', 'secret');
    expect(slack.lastMessage()).toMatchObject({ via: 'chat.postEphemeral', channel: 'C7', text: 'only for you' });
    expect(slack.api.delivered('chat.postEphemeral').at(-1)!.args.user).toBe('UP2');
  });

  it("ignores the bot's own messages and edits in the DM, and answers the same message from a person", async () => {
    const dmEvent = (eventId: string, fields: Record<string, unknown>) =>
      slack.post(
        JSON.stringify({
          team_id: slack.team,
          type: 'event_callback',
          event_id: eventId,
          event: { type: 'message', channel: 'DUP3', channel_type: 'im', text: 'echo loop', ...fields },
        }),
        { contentType: 'application/json' },
      );
    const before = slack.api.calls().length;
    // As Slack sends the bot's own posts: with its bot id and its bot user.
    await dmEvent('EvBotEcho', { bot_id: 'BBOT', user: 'UBOT', ts: '1.1' });
    await dmEvent('EvEdit', { subtype: 'message_changed', ts: '1.2' });
    expect(slack.api.calls().length).toBe(before);
    // The same message from a person is answered: the count above would have seen an answer.
    await dmEvent('EvPerson', { user: 'UP3', ts: '1.3' });
    expect(slack.api.calls().length).toBeGreaterThan(before);
    expect(slack.lastMessage()).toMatchObject({ via: 'chat.postMessage', channel: 'DUP3', text: 'echo: loop' });
  });
});

describe('facts, meters and files', () => {
  it('facts become section fields and meters a text bar', async () => {
    await slack.dm('UF1', 'stats');
    const reply = slack.lastMessage();
    expect(reply.text).toContain('*Budget*');
    const fields = reply.blocks.flatMap((b) => (b.fields as { text: string }[] | undefined) ?? []).map((f) => f.text);
    expect(fields).toEqual(['*Used*\n3 h', '*Left*\n7 h']);
    expect(reply.text).toContain('*Thailand*\n`██████░░░░░░░░░░░░░░` 3 / 10 h');
  });

  it("a file asked for in a channel is uploaded to the person's DM, with a note where they asked", async () => {
    await slack.command('UF2', '/desk', 'export', { channel: 'C1' });
    const complete = slack.api.delivered('files.completeUploadExternal').at(-1)!;
    expect(complete.args.channel_id).toBe('DUF2');
    expect(slack.api.delivered('files.getUploadURLExternal').at(-1)!.args.filename).toBe('hours.csv');
    expect(slack.api.delivered('upload').at(-1)!.args.content).toContain('date,hours\n2021-09-01,2\n');
    expect(slack.lastMessage()).toMatchObject({
      via: 'response_url',
      ephemeral: true,
      text: 'ファイルはこのアプリとのダイレクトメッセージにお送りしました。',
    });
    // The reply before the file came with the acknowledgement.
    expect(
      slack
        .messages()
        .filter((m) => m.channel === 'C1')
        .map((m) => [m.via, m.text]),
    ).toContainEqual(['ack', 'Here is the export.']);
  });

  it('a file asked for in the DM is uploaded there, without a note', async () => {
    await slack.dm('UF3', 'export');
    expect(slack.api.delivered('files.completeUploadExternal').at(-1)!.args.channel_id).toBe('DUF3');
    expect(slack.lastMessage().text).toBe('Here is the export.');
  });
});
