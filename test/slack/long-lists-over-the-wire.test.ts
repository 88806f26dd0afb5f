// What the Slack Web API really receives for an expert of 45 engagements with long company names: every
// message (direct message, ephemeral, response_url, slash command answer, update) and the Home view within
// Slack's Block Kit limits, with all 45 shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directServices } from '../support/direct-services.ts';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';
import { engagement, type SetupTarget } from '../hours/engagements.ts';
import { checkHomeView, checkSlackMessage } from './support/block-kit-limits.ts';

let slack: SlackHarness;

beforeAll(async () => {
  slack = await startSlackHarness();
  const users: SetupTarget = {
    services: directServices(slack.running),
    db: slack.running.db,
    identity: (user) => ({ key: `slack:${slack.team}:${user}`, platform: 'slack', tenant: slack.team, userId: user }),
  };
  for (let i = 1; i <= 45; i++)
    await engagement(users, {
      company: `サンプル精密工業株式会社 第${i}工場（Sample Precision Industries Co., Ltd.）`,
      country: 'th',
      experts: ['UBOB'],
    });
}, 120_000);
afterAll(async () => {
  await slack?.close();
});

const messageMethods = ['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'response_url', 'ack'];

function problemsSince(from: number): string[] {
  return slack.api
    .calls()
    .slice(from)
    .flatMap((call) => {
      if (call.method === 'views.publish')
        return checkHomeView(call.args.view as { type?: unknown; blocks?: unknown }).map((p) => `home: ${p}`);
      if (!messageMethods.includes(call.method) || call.args.blocks === undefined) return [];
      return checkSlackMessage(call.args).map((p) => `${call.method}: ${p}`);
    });
}

describe('Slack over the wire: long lists', () => {
  it('the budget of 45 engagements, by slash command and by direct message', async () => {
    let from = slack.api.calls().length;
    await slack.command('UBOB', '/budget', '');
    expect(problemsSince(from)).toEqual([]);
    from = slack.api.calls().length;
    await slack.dm('UBOB', 'budget');
    expect(problemsSince(from)).toEqual([]);
    const shown = slack.messages().at(-1)!.text;
    for (let i = 1; i <= 45; i++) expect(shown).toContain(`第${i}工場`);
  });

  it('the question which of 45 engagements, and the message after the click', async () => {
    const from = slack.api.calls().length;
    await slack.dm('UBOB', 'hours 1 meeting');
    await slack.click('UBOB', '第45工場');
    expect(problemsSince(from)).toEqual([]);
    expect(slack.lastMessage().text).toContain('第45工場');
  });

  it('the Home tab', async () => {
    const from = slack.api.calls().length;
    await slack.openHome('UBOB');
    expect(
      slack.api
        .calls()
        .slice(from)
        .some((c) => c.method === 'views.publish'),
    ).toBe(true);
    expect(problemsSince(from)).toEqual([]);
  });
});
