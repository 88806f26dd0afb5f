/** The pure parts of the Slack adapter: escaping, markup decoding, Block Kit limits, signatures, mentions. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeMrkdwn, plainTextFromSlack } from '../../adapters/slack/escape-mrkdwn.ts';
import { withoutBotMention } from '../../adapters/slack/inbound-from-slack.ts';
import { markChosen } from '../../adapters/slack/mark-chosen.ts';
import { limits, renderBlocks, renderReplies } from '../../adapters/slack/render-blocks.ts';
import { signSlackRequest, verifySlackSignature } from '../../adapters/slack/verify-signature.ts';
import { encodeAction } from '../../src/core/action-value.ts';
import { choices, error, text, type Reply } from '../../src/core/reply.ts';

describe('escapeMrkdwn / plainTextFromSlack', () => {
  it('escapes exactly &, < and >', () => {
    expect(escapeMrkdwn('<!channel> & <@U1> "quotes" \'single\'')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; "quotes" \'single\'');
  });

  it('escaped text never contains markup, whatever was typed', () => {
    fc.assert(fc.property(fc.string(), (s) => !/[<>]/.test(escapeMrkdwn(s))));
  });

  it('decoding what Slack encodes gives back what was typed', () => {
    fc.assert(fc.property(fc.string(), (s) => plainTextFromSlack(escapeMrkdwn(s)) === s));
  });

  it('turns mentions and links into readable text', () => {
    expect(
      plainTextFromSlack(
        '<@U1|ann> <@U2> <!channel> <!here> <#C1|general> <!subteam^S1|@legal> <https://x.example|site> <https://y.example> <mailto:a@b.example|a@b.example>',
      ),
    ).toBe('@ann @U2 @channel @here #general @legal site (https://x.example) https://y.example a@b.example');
  });

  it("strips the bot's mention from an app_mention", () => {
    expect(withoutBotMention('<@UBOT> hours 2 review', 'UBOT')).toBe('hours 2 review');
    expect(withoutBotMention('please <@UBOT|desk> help', 'UBOT')).toBe('please help');
    expect(withoutBotMention('<@UBOT> echo <@U9>', undefined)).toBe('echo <@U9>');
  });
});

describe('renderReplies', () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ label: `option ${i}`, value: encodeAction({ h: 'x', v: String(i) }) }));

  it('puts at most 25 buttons in an actions block, with unique action ids', () => {
    const { messages } = renderReplies([choices('Pick', many(30))]);
    const actions = messages[0]!.blocks.filter((b) => b.type === 'actions') as { elements: { action_id: string }[] }[];
    expect(actions.map((a) => a.elements.length)).toEqual([25, 5]);
    const ids = actions.flatMap((a) => a.elements.map((e) => e.action_id));
    expect(new Set(ids).size).toBe(30);
  });

  it('keeps every message within 50 blocks', () => {
    const replies: Reply[] = Array.from({ length: 120 }, (_, i) => text(`line ${i}`));
    const { messages } = renderReplies(replies);
    expect(messages.length).toBe(3);
    for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(limits.blocksPerMessage);
    expect(messages.flatMap((m) => m.blocks)).toHaveLength(120);
  });

  it('splits long text into sections within the limit, without cutting an escaped character', () => {
    const long = '<&>'.repeat(2000);
    const [message] = renderReplies([text(long)]).messages;
    const sections = message!.blocks.map((b) => (b as { text: { text: string } }).text.text);
    for (const s of sections) {
      expect(s.length).toBeLessThanOrEqual(limits.sectionText);
      expect(s).toMatch(/^(&lt;|&amp;|&gt;)+$/);
    }
    expect(sections.join('')).toBe(escapeMrkdwn(long));
  });

  it('separates ephemeral and public replies into different messages; errors are ephemeral', () => {
    const { messages } = renderReplies([text('a'), text('b', true), error('x', 'bad'), text('c')]);
    expect(messages.map((m) => [m.ephemeral, m.blocks.length])).toEqual([
      [false, 1],
      [true, 2],
      [false, 1],
    ]);
  });

  it("cuts button labels to Slack's 75 characters", () => {
    const [message] = renderReplies([choices('Pick', [{ label: 'x'.repeat(100), value: encodeAction({ h: 'x', v: '1' }) }])]).messages;
    const button = (message!.blocks[1] as { elements: { text: { text: string } }[] }).elements[0]!;
    expect(button.text.text.length).toBeLessThanOrEqual(75);
  });

  it('the home view stays within 100 blocks', () => {
    const blocks = renderBlocks(
      Array.from({ length: 150 }, (_, i) => text(`row ${i}`)),
      100,
      (count) => `${count} more`,
    );
    expect(blocks).toHaveLength(100);
    expect(JSON.stringify(blocks.at(-1))).toContain('51 more');
  });
});

describe('markChosen', () => {
  it('replaces the clicked choice set and keeps the rest of the message', () => {
    const { messages } = renderReplies([
      text('intro'),
      choices('Q1', [{ label: 'a', value: '1' }]),
      choices('Q2', [{ label: 'b', value: '2' }]),
    ]);
    const blocks = messages[0]!.blocks;
    const clicked = blocks.find((b) => b.type === 'actions')!.block_id;
    const updated = markChosen(blocks, clicked, 'a <b>');
    expect(updated.map((b) => b.type)).toEqual(['section', 'section', 'context', 'section', 'actions']);
    expect(JSON.stringify(updated[2])).toContain('a &lt;b&gt;');
  });

  it('without the original blocks, shows the choice only', () => {
    expect(markChosen(undefined, 'desk-choices-1-0', 'yes')).toEqual([
      { type: 'context', elements: [{ type: 'mrkdwn', text: ':white_check_mark: *yes*', verbatim: true }] },
    ]);
  });
});

describe('verifySlackSignature', () => {
  const secret = 's3cret';
  const now = Date.UTC(2021, 8, 1, 1, 0, 0);
  const ts = String(now / 1000);
  const body = 'token=x&text=hello';

  it("accepts Slack's v0 signature within five minutes either way", () => {
    expect(
      verifySlackSignature({
        signingSecret: secret,
        rawBody: body,
        timestamp: ts,
        signature: signSlackRequest(secret, ts, body),
        nowMs: now + 299_000,
      }),
    ).toEqual({ ok: true });
    expect(
      verifySlackSignature({
        signingSecret: secret,
        rawBody: body,
        timestamp: ts,
        signature: signSlackRequest(secret, ts, body),
        nowMs: now - 299_000,
      }),
    ).toEqual({ ok: true });
  });

  it('refuses stale and future timestamps, wrong secrets, changed bodies and missing headers', () => {
    const sig = signSlackRequest(secret, ts, body);
    expect(
      verifySlackSignature({ signingSecret: secret, rawBody: body, timestamp: ts, signature: sig, nowMs: now + 301_000 }),
    ).toMatchObject({ reason: 'stale_timestamp' });
    expect(
      verifySlackSignature({ signingSecret: secret, rawBody: body, timestamp: ts, signature: sig, nowMs: now - 301_000 }),
    ).toMatchObject({ reason: 'stale_timestamp' });
    expect(verifySlackSignature({ signingSecret: 'other', rawBody: body, timestamp: ts, signature: sig, nowMs: now })).toMatchObject({
      reason: 'bad_signature',
    });
    expect(verifySlackSignature({ signingSecret: secret, rawBody: `${body}!`, timestamp: ts, signature: sig, nowMs: now })).toMatchObject({
      reason: 'bad_signature',
    });
    expect(verifySlackSignature({ signingSecret: secret, rawBody: body, timestamp: undefined, signature: sig, nowMs: now })).toMatchObject({
      reason: 'missing_headers',
    });
    expect(verifySlackSignature({ signingSecret: secret, rawBody: body, timestamp: ts, signature: 'v0=short', nowMs: now })).toMatchObject({
      reason: 'bad_signature',
    });
  });
});
