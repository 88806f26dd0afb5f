// The neutral replies as Adaptive Cards: what a Teams user would see in each card.
import { describe, expect, it } from 'vitest';
import { renderReplies, type AdaptiveCard } from '../../adapters/teams/render-card.ts';
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

  it('offers a held file with a line naming it and a FileConsentCard carrying only its id, never its content', () => {
    const content = 'date,hours\n2021-09-01,2\n';
    const heldId = 'A'.repeat(32);
    const messages = renderReplies(
      [text('出力しました。'), { kind: 'file', filename: 'hours.csv', mimeType: 'text/csv', content, title: '時間の記録', heldId }],
      t,
    );
    expect(messages).toHaveLength(2);
    expect(textOfActivities([messages[0]!])).toBe(
      '出力しました。\n時間の記録\nファイル hours.csv（24 B）をお送りします。下のカードで「許可」を押すと、OneDrive に保存されます（7日間有効）。',
    );
    expect(messages[1]!.attachments).toEqual([
      {
        contentType: 'application/vnd.microsoft.teams.card.file.consent',
        name: 'hours.csv',
        content: { description: '時間の記録', sizeInBytes: 24, acceptContext: { heldFile: heldId }, declineContext: { heldFile: heldId } },
      },
    ]);
    const json = JSON.stringify(messages);
    expect(json).not.toContain('data:');
    expect(json).not.toContain('2021-09-01');
  });

  it('outside a personal chat names the file and says where files come, without a consent card', () => {
    const messages = renderReplies(
      [{ kind: 'file', filename: 'hours.csv', mimeType: 'text/csv', content: 'x', title: '時間の記録', heldId: 'A'.repeat(32) }],
      t,
      undefined,
      { personal: false },
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]!.attachments.map((a) => a.contentType)).toEqual(['application/vnd.microsoft.card.adaptive']);
    expect(textOfActivities(messages)).toContain('ボットとの個人チャットでお送りします');
  });

  it('a file that was never held (a reply recorded before files were held) is named, not offered', () => {
    const messages = renderReplies([{ kind: 'file', filename: 'old.csv', mimeType: 'text/csv', content: 'x', title: '古い出力' }], t);
    expect(messages).toHaveLength(1);
    expect(textOfActivities(messages)).toContain('old.csv はもうお送りできません');
    expect(JSON.stringify(messages)).not.toContain('data:');
  });
});
