// Every reply the bot gives (the reply corpus: the real features on a world with long lists, in Japanese and
// English), rendered as Block Kit: each message and each Home view within Slack's documented limits, nothing
// dropped when a list is split. And proof the checks can fail.
import { beforeAll, describe, expect, it } from 'vitest';
import { homeView, welcomeReplies } from '../../adapters/slack/home-view.ts';
import { renderReplies, type Block } from '../../adapters/slack/render-blocks.ts';
import type { Reply } from '../../src/core/reply.ts';
import { slackTranslator as translator } from '../../adapters/slack/i18n/translate.ts';
import { buildReplyCorpus, type CorpusEntry, type ReplyCorpus } from '../support/reply-corpus.ts';
import { blockKitLimits, checkHomeView, checkSlackMessage } from './support/block-kit-limits.ts';

let corpus: ReplyCorpus;
beforeAll(async () => {
  corpus = await buildReplyCorpus();
}, 600_000);

const buttonValues = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.type === 'actions' ? b.elements.flatMap((e) => (e.type === 'button' && e.value ? [e.value] : [])) : []));
const choiceValues = (replies: Reply[]) => replies.flatMap((r) => (r.kind === 'choices' ? r.choices.map((c) => c.value) : []));

describe('Slack: every reply as Block Kit', () => {
  it('every message is within the Block Kit limits and keeps every choice as a button', () => {
    const failures: string[] = [];
    let messages = 0;
    const all: CorpusEntry[] = [...corpus.turns, ...corpus.notifications];
    for (const entry of all) {
      const rendered = renderReplies(entry.replies).messages;
      messages += rendered.length;
      for (const message of rendered) for (const problem of checkSlackMessage(message)) failures.push(`${entry.name}: ${problem}`);
      expect(
        rendered.flatMap((m) => buttonValues(m.blocks)),
        entry.name,
      ).toEqual(choiceValues(entry.replies));
    }
    expect(messages).toBeGreaterThan(400);
    expect(failures.slice(0, 30)).toEqual([]);
  });

  it('a reply of more blocks than a message holds continues in further messages, nothing lost', () => {
    // Longer than any list of the corpus: 600 facts (60 sections of fields) and 150 choices.
    const many: Reply[] = [
      { kind: 'facts', title: 'report', facts: Array.from({ length: 600 }, (_, i) => ({ label: `#${i}`, value: `row ${i}` })) },
      { kind: 'choices', text: 'which?', choices: Array.from({ length: 150 }, (_, i) => ({ label: `choice ${i}`, value: `v${i}` })) },
    ];
    const { messages } = renderReplies(many);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(checkSlackMessage(message)).toEqual([]);
    const shown = JSON.stringify(messages);
    for (let i = 0; i < 600; i++) expect(shown).toContain(`row ${i}"`);
    expect(messages.flatMap((m) => buttonValues(m.blocks))).toEqual(choiceValues(many));
  });

  it('every Home view is within the limits; what does not fit is counted in a last line', () => {
    const failures: string[] = [];
    for (const home of corpus.homes) {
      const t = translator(home.locale);
      const replies = home.replies.length > 0 ? home.replies : welcomeReplies(t, 'P', null, []);
      for (const problem of checkHomeView(homeView(replies, t))) failures.push(`${home.name}: ${problem}`);
    }
    expect(failures).toEqual([]);
    const many: Reply[] = Array.from({ length: 150 }, (_, i) => ({ kind: 'text', text: `row ${i}` }));
    const view = homeView(many, translator('en'));
    expect(view.blocks).toHaveLength(blockKitLimits.blocksPerHomeView);
    expect(JSON.stringify(view.blocks.at(-1))).toContain('…and 51 more (see them all in the chat)');
    expect(JSON.stringify(homeView(many, translator('ja')).blocks.at(-1))).toContain('…ほか 51 件');
  });
});

describe('the Block Kit checks reject what Slack rejects', () => {
  const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });
  const button = (i: number, text = `b${i}`, value = 'v') => ({
    type: 'button' as const,
    action_id: `a-${i}`,
    text: { type: 'plain_text' as const, text },
    value,
  });

  it('accepts a plain message', () => {
    expect(checkSlackMessage({ text: 'hi', blocks: [section('hi')] })).toEqual([]);
  });

  it('rejects every limit broken', () => {
    const bad = (blocks: Block[], text = 'fallback') => checkSlackMessage({ text, blocks }).join('\n');
    expect(bad(Array.from({ length: 51 }, () => section('x')))).toMatch(/51 blocks, more than 50/);
    expect(bad([section('x'.repeat(3001))])).toMatch(/3001 characters/);
    expect(bad([{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn' as const, text: 'f' })) }])).toMatch(
      /11 fields/,
    );
    expect(bad([{ type: 'section', fields: [{ type: 'mrkdwn', text: 'f'.repeat(2001) }] }])).toMatch(/2001 characters/);
    expect(bad([{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button(i)) }])).toMatch(/26 elements/);
    expect(bad([{ type: 'actions', elements: [button(1, 'x'.repeat(76))] }])).toMatch(/button text of 76/);
    expect(bad([{ type: 'actions', elements: [button(1, 'ok', 'v'.repeat(2001))] }])).toMatch(/value longer than 2000/);
    expect(bad([{ type: 'actions', elements: [{ ...button(1), action_id: 'a'.repeat(256) }] }])).toMatch(/action_id longer than 255/);
    expect(bad([{ type: 'actions', elements: [button(1), button(1)] }])).toMatch(/action_id a-1 not unique/);
    expect(
      bad([
        { ...section('a'), block_id: 'same' },
        { ...section('b'), block_id: 'same' },
      ]),
    ).toMatch(/block_id same not unique/);
    expect(bad([{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }])).toMatch(/header of 151/);
    expect(bad([{ type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn' as const, text: 'c' })) }])).toMatch(
      /11 elements/,
    );
    expect(bad([section('x')], '')).toMatch(/no text fallback/);
    expect(checkHomeView({ type: 'home', blocks: Array.from({ length: 101 }, () => section('x')) }).join('\n')).toMatch(
      /101 blocks, more than 100/,
    );
  });
});
