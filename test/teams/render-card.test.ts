// The neutral replies as Adaptive Cards: what a Teams user would see in each card.
import { describe, expect, it } from 'vitest';
import { maxInlineFileBytes, renderReplies, type AdaptiveCard } from '../../adapters/teams/render-card.ts';
import { choices, error, facts, text, type Reply } from '../../src/core/reply.ts';
import { teamsTranslator as translator } from '../../adapters/teams/i18n/translate.ts';
import { textOfActivities } from '../support/teams-harness.ts';

const t = translator('ja');
const cards = (replies: Reply[]) => renderReplies(replies, t).map((m) => m.attachments[0]!.content as AdaptiveCard);

describe('rendering replies as Adaptive Cards', () => {
  it('puts consecutive texts in one card, one TextBlock per line, and a question with buttons in its own card', () => {
    const messages = renderReplies(
      [text('一行目\n二行目'), text('次の段落'), choices('続けますか？', [{ label: 'はい', value: 'v1' }])],
      t,
    );
    expect(messages).toHaveLength(2);
    expect(textOfActivities([messages[0]!])).toBe('一行目\n二行目\n次の段落');
    expect(messages[0]!.summary).toBe('一行目');
    const [first, question] = [messages[0]!.attachments[0]!.content as AdaptiveCard, messages[1]!.attachments[0]!.content as AdaptiveCard];
    expect(first.body.every((b) => b.type === 'TextBlock' && b.wrap === true)).toBe(true);
    expect(first.actions).toBeUndefined();
    expect(question.actions).toHaveLength(1);
  });

  it('shows a typed markdown link as text, so its hidden target is never a clickable link', () => {
    const [card] = cards([
      text('note: [JETRO](https://evil.example/x)'),
      facts('[会社](http://x.example)', [{ label: 'メモ', value: '[ここ] (http://x.example)' }]),
    ]);
    const shown = JSON.stringify(card!.body);
    expect(shown).not.toMatch(/\]\s*\(/);
    expect(card!.body[0]).toMatchObject({ text: 'note: [JETRO]\u200b(https://evil.example/x)' });
  });

  it('marks errors with the attention colour', () => {
    const [card] = cards([error('over_cap', '上限を超えています。')]);
    expect(card!.body[0]).toMatchObject({ type: 'TextBlock', color: 'attention', text: '⚠ 上限を超えています。' });
  });

  it('maps button styles and lays out long choice lists in rows', () => {
    const [small] = cards([
      choices('確認', [
        { label: '確定', value: 'a', style: 'primary' },
        { label: '取消', value: 'b', style: 'danger' },
      ]),
    ]);
    expect(small!.actions!.map((a) => a.style)).toEqual(['positive', 'destructive']);
    const many = Array.from({ length: 7 }, (_, i) => ({ label: `枠${i + 1}`, value: `v${i}` }));
    const [long] = cards([choices('枠を選んでください', many)]);
    expect(long!.actions).toBeUndefined();
    const rows = long!.body.filter((b) => b.type === 'ActionSet') as { actions: unknown[] }[];
    expect(rows.map((r) => r.actions.length)).toEqual([3, 3, 1]);
  });

  it('shows meters as a two-part bar and an overrun in the attention style', () => {
    const [card] = cards([facts('時間', [], [{ label: 'タイ', used: 20, total: 17, caption: '20 / 17 時間' }])]);
    const json = JSON.stringify(card);
    expect(json).toContain('"style":"attention"');
    expect(textOfActivities(renderReplies([facts('時間', [], [{ label: 'タイ', used: 5, total: 17, caption: '5 / 17 時間' }])], t))).toBe(
      '時間\nタイ\n5 / 17 時間',
    );
  });

  it('attaches a small file as a data URI next to a card naming it', () => {
    const [message] = renderReplies(
      [{ kind: 'file', filename: 'hours.csv', mimeType: 'text/csv', content: 'date,hours\n2021-09-01,2\n', title: '時間の記録' }],
      t,
    );
    expect(message!.attachments).toHaveLength(2);
    const file = message!.attachments[1]!;
    expect(file).toMatchObject({ contentType: 'text/csv', name: 'hours.csv' });
    expect(Buffer.from(file.contentUrl!.replace('data:text/csv;base64,', ''), 'base64').toString('utf8')).toBe(
      'date,hours\n2021-09-01,2\n',
    );
    expect(textOfActivities([message!])).toContain('hours.csv');
  });

  it('says so instead of attaching a file too large for a Teams message', () => {
    const [message] = renderReplies(
      [{ kind: 'file', filename: 'all.csv', mimeType: 'text/csv', content: 'x'.repeat(maxInlineFileBytes + 1), title: '全件' }],
      t,
    );
    expect(message!.attachments).toHaveLength(1);
    expect(textOfActivities([message!])).toContain('Teams で送れる大きさを超えている');
  });
});
