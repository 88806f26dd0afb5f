// End to end through the real server: Bot Framework activities posted to /api/messages, replies read
// from the fake Bot Connector on loopback, no authentication (no app id, outside production).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamsHarness, type TeamsHarness } from '../support/teams-harness.ts';
import { createTestFeature, type TestFeature } from './test-feature.ts';
import { directServices } from '../support/direct-services.ts';

let teams: TeamsHarness;
let testFeature: TestFeature;

beforeAll(async () => {
  testFeature = createTestFeature();
  teams = await startTeamsHarness({ features: [testFeature.feature] });
});
afterAll(() => teams?.stop());

describe('messages in Teams', () => {
  it('answers help in Japanese by default, as an Adaptive Card 1.5 reply to the message', async () => {
    const exchange = await teams.message('help', { user: 'alice' });
    expect(exchange.status).toBe(200);
    expect(exchange.replies).toHaveLength(1);
    expect(exchange.text).toContain('使えるコマンド');
    const call = teams.connector.calls.at(-1)!;
    expect(call.kind).toBe('reply');
    expect(call.conversationId).toBe('a:personal-alice');
    expect(call.activityId).toBe(exchange.activity.id);
    expect(call.authorization).toBeUndefined();
    const attachment = exchange.replies[0]!.attachments![0]!;
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment.content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  });

  it('answers in English when the Teams client is English', async () => {
    const exchange = await teams.message('help', { user: 'bea', locale: 'en-US' });
    expect(exchange.text).toContain('What you can do');
    expect(exchange.text).not.toContain('使えるコマンド');
    // Kept on the person, so notifications sent outside the conversation are in English too.
    const person = await directServices(teams.running).people.findByIdentityKey('teams:tenant-1:aad-bea');
    expect(person).toMatchObject({ displayName: 'bea', platformLocale: 'en-US', locale: null });
  });

  it('keeps the language the person chose over the Teams locale', async () => {
    await teams.message('language en', { user: 'carl', locale: 'ja-JP' });
    const exchange = await teams.message('help', { user: 'carl', locale: 'ja-JP' });
    expect(exchange.text).toContain('What you can do');
  });

  it('strips the bot @mention in a channel and replies in the thread', async () => {
    const exchange = await teams.message('count', { user: 'dan', in: 'channel' });
    expect(exchange.activity.text).toBe('<at>Desk</at> count');
    expect(exchange.text).toMatch(/^count \d+$/);
    const call = teams.connector.calls.at(-1)!;
    expect(call.conversationId).toBe('19:general@thread.tacv2');
    expect(call.activityId).toBe(exchange.activity.id);
  });

  it('identifies people as teams:<tenant>:<aadObjectId>', async () => {
    await teams.message('help', { user: 'erin' });
    const person = await directServices(teams.running).people.findByIdentityKey('teams:tenant-1:aad-erin');
    expect(person?.displayName).toBe('erin');
  });

  it('serves the Bot Framework Emulator (no tenant, no Entra id) without authentication', async () => {
    const activity = {
      ...teams.activity('message', { text: 'help', locale: 'en-US' }),
      channelId: 'emulator',
      from: { id: 'emulator-user-1', name: 'User' },
      conversation: { id: 'emulator-conversation-1' },
      channelData: undefined,
    };
    const exchange = await teams.post(activity);
    expect(exchange.status).toBe(200);
    expect(exchange.text).toContain('What you can do');
    expect(await directServices(teams.running).people.findByIdentityKey('teams:emulator:emulator-user-1')).not.toBeNull();
  });

  it('refuses a body that is not an activity', async () => {
    const response = await fetch(`${teams.running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"hello":1}',
    });
    expect(response.status).toBe(400);
    const notJson = await fetch(`${teams.running.url}/api/messages`, { method: 'POST', body: 'hello' });
    expect(notJson.status).toBe(400);
  });

  it('has one effect when Teams delivers the same activity twice, and answers both the same', async () => {
    const before = testFeature.effects.length;
    const first = await teams.message('count', { user: 'fay', id: 'same-activity-1' });
    const again = await teams.message('count', { user: 'fay', id: 'same-activity-1' });
    expect(first.replies).toHaveLength(1);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(testFeature.effects.slice(before)).toEqual(['count']);
  });

  it('runs text starting with / as a command, even in the middle of a question, which stays open; flow words work slashed too', async () => {
    await teams.message('pick', { user: 'gus' });
    const plain = await teams.message('help', { user: 'gus' });
    // Typed in a flow, "help" is the flow's own help, which repeats the question.
    expect(plain.text).toContain('どれにしますか？');
    const slash = await teams.message('/meter', { user: 'gus' });
    expect(slash.text).toContain('5 / 17 時間');
    expect(slash.text).toContain('は途中のままです');
    expect(slash.text).toContain('どれにしますか？');
    const slashedHelp = await teams.message('/help', { user: 'gus' });
    expect(slashedHelp.text).toContain('いつでも使えることば');
    expect(slashedHelp.text).toContain('どれにしますか？');
    expect((await teams.message('/cancel', { user: 'gus' })).text).toContain('中止しました');
    const afterwards = await teams.message('/help', { user: 'gus' });
    expect(afterwards.text).toContain('使えるコマンド');
  });

  it('renders facts as a FactSet and meters as a progress bar', async () => {
    const exchange = await teams.message('meter', { user: 'hal' });
    expect(exchange.text).toContain('残り時間');
    expect(exchange.text).toContain('国: タイ');
    expect(exchange.text).toContain('5 / 17 時間');
  });
});
