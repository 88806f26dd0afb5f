// A question with buttons, clicked in Teams: the value comes back in activity.value, is validated, goes
// to the core, and the card is replaced so that it cannot be answered twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamsHarness, type TeamsHarness } from '../support/teams-harness.ts';
import { createTestFeature, type TestFeature } from './test-feature.ts';

let teams: TeamsHarness;
let testFeature: TestFeature;

beforeAll(async () => {
  testFeature = createTestFeature();
  teams = await startTeamsHarness({ features: [testFeature.feature] });
});
afterAll(() => teams?.stop());

type Card = { body: Record<string, unknown>[]; actions?: { type: string; title: string; data: Record<string, unknown> }[] };
const cardOf = (activity: { attachments?: { content?: unknown }[] }) => activity.attachments![0]!.content as Card;

describe('card buttons in Teams', () => {
  it('shows choices as Action.Submit buttons carrying the encoded action', async () => {
    const question = await teams.message('pick', { user: 'alice' });
    expect(question.text).toContain('どれにしますか？');
    const card = cardOf(question.replies[0]!);
    expect(card.actions!.map((a) => [a.type, a.title])).toEqual([
      ['Action.Submit', 'りんご'],
      ['Action.Submit', 'なし'],
    ]);
    expect(JSON.parse(String(card.actions![0]!.data.deskAction))).toEqual({ h: 'pick', s: 'fruit', v: 'apple' });
  });

  it('answers a click, then replaces the clicked card with the answer and no buttons', async () => {
    const question = await teams.message('pick', { user: 'bea' });
    const answer = await teams.click(question, 'なし', { user: 'bea' });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('なしを選びました。');
    expect(testFeature.effects).toContain('picked:pear');

    expect(answer.updates).toHaveLength(1);
    const update = answer.updates[0]!;
    expect(update.conversationId).toBe('a:personal-bea');
    expect(update.activityId).toBe(question.replies[0]!.id);
    const replaced = cardOf(update.body);
    expect(replaced.actions).toBeUndefined();
    expect(JSON.stringify(replaced.body)).toContain('✔ なし');
    expect(JSON.stringify(replaced.body)).toContain('どれにしますか？');
  });

  it('does not answer twice when the same card is clicked again (a stale client)', async () => {
    const question = await teams.message('pick', { user: 'carl' });
    await teams.click(question, 'りんご', { user: 'carl' });
    const before = testFeature.effects.length;
    const again = await teams.click(question, 'りんご', { user: 'carl' });
    expect(again.text).toContain('このボタンは使えなくなりました');
    expect(testFeature.effects.length).toBe(before);
  });

  it('refuses a submitted value that is not one of its buttons', async () => {
    const forged = await teams.post(
      teams.activity('message', { user: 'dan', text: '', value: { deskAction: 42, label: 'x' }, replyToId: 'card-1' }),
    );
    expect(forged.status).toBe(200);
    expect(forged.text).toContain('このボタンは使えなくなりました');
    const unknownHandler = await teams.post(
      teams.activity('message', { user: 'dan', text: '', value: { deskAction: '{"h":"nope","v":"1"}', label: 'x' }, replyToId: 'card-2' }),
    );
    expect(unknownHandler.text).toContain('このボタンは使えなくなりました');
  });

  it('handles a repeated delivery of a click once, and answers it with the first answer', async () => {
    const question = await teams.message('pick', { user: 'eve' });
    const before = testFeature.effects.length;
    const first = await teams.click(question, 'りんご', { user: 'eve', id: 'click-once' });
    const again = await teams.click(question, 'りんご', { user: 'eve', id: 'click-once' });
    expect(first.text).toBe('りんごを選びました。');
    // The first delivery's reply may not have gone out (that is why Bot Framework delivers it again).
    expect(again.text).toBe('りんごを選びました。');
    expect(again.updates).toHaveLength(0);
    expect(testFeature.effects.slice(before)).toEqual(['picked:apple']);
  });

  it('leaves the card open when someone else in the channel clicks it', async () => {
    const question = await teams.message('pick', { user: 'gil', in: 'channel' });
    const intruder = await teams.click(question, 'なし', { user: 'hana', in: 'channel' });
    expect(intruder.updates).toHaveLength(0);
    expect(intruder.text).toContain('このボタンは使えなくなりました');
    const owner = await teams.click(question, 'りんご', { user: 'gil', in: 'channel' });
    expect(owner.text).toBe('りんごを選びました。');
    expect(owner.updates).toHaveLength(1);
  });

  it('works in a channel too, replacing the card in the thread', async () => {
    const question = await teams.message('pick', { user: 'fay', in: 'channel' });
    const answer = await teams.click(question, 'りんご', { user: 'fay', in: 'channel' });
    expect(answer.text).toBe('りんごを選びました。');
    expect(answer.updates[0]!.conversationId).toBe('19:general@thread.tacv2');
  });
});
