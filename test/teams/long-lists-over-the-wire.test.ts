// What the Bot Connector really receives for an expert of 45 engagements with long company names: every
// activity body (with the addressing botbuilder adds) under Teams' size limit, every card valid Adaptive Card 1.5.
// (Splitting beyond one card is shown in card-validation.test.ts with lists longer than the program has.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directServices } from '../support/direct-services.ts';
import { startTeamsHarness, teamsTenant, type TeamsHarness } from '../support/teams-harness.ts';
import { engagement, type SetupTarget } from '../hours/engagements.ts';
import { cardProblems, teamsMessageLimitBytes } from './support/adaptive-card-check.ts';

let teams: TeamsHarness;

beforeAll(async () => {
  teams = await startTeamsHarness();
  const users: SetupTarget = {
    services: directServices(teams.running),
    db: teams.running.db,
    identity: (user) => ({ key: teams.identityKey(user), platform: 'teams', tenant: teamsTenant, userId: `aad-${user}` }),
  };
  for (let i = 1; i <= 45; i++)
    await engagement(users, {
      company: `サンプル精密工業株式会社 第${i}工場（Sample Precision Industries Co., Ltd.）`,
      country: 'th',
      experts: ['bob'],
    });
}, 120_000);
afterAll(() => teams?.stop());

function problemsOfCalls(from: number): { count: number; largest: number; problems: string[] } {
  const calls = teams.connector.since(from);
  const problems: string[] = [];
  let largest = 0;
  for (const call of calls) {
    const bytes = Buffer.byteLength(JSON.stringify(call.body), 'utf8');
    largest = Math.max(largest, bytes);
    if (bytes > teamsMessageLimitBytes) problems.push(`${call.kind}: ${bytes} bytes`);
    for (const a of call.body.attachments ?? [])
      if (a.contentType === 'application/vnd.microsoft.card.adaptive')
        problems.push(...cardProblems(a.content).map((p) => `${call.kind}: ${p}`));
  }
  return { count: calls.length, largest, problems };
}

describe('Teams over the wire: long lists', () => {
  it('the budget of 45 engagements arrives whole, each message under the limit', async () => {
    const from = teams.connector.calls.length;
    const exchange = await teams.message('budget', { user: 'bob' });
    const seen = problemsOfCalls(from);
    expect(seen.problems).toEqual([]);
    // Large enough to matter (a few more engagements and one card would not do).
    expect(seen.largest).toBeGreaterThan(teamsMessageLimitBytes / 2);
    for (let i = 1; i <= 45; i++) expect(exchange.text).toContain(`第${i}工場`);
  });

  it('the question which of 45 engagements arrives within the limit; its last button works', async () => {
    const from = teams.connector.calls.length;
    const exchange = await teams.message('hours 1 meeting', { user: 'bob', locale: 'en-US' });
    expect(problemsOfCalls(from).problems).toEqual([]);
    const answered = await teams.click(exchange, '第45工場', { user: 'bob', locale: 'en-US' });
    expect(answered.text).toContain('Logged 1 h');
    expect(answered.text).toContain('第45工場');
  });

  it("the welcome with the expert's dashboard stays under the limit", async () => {
    const from = teams.connector.calls.length;
    await teams.conversationUpdate(['bot'], { user: 'bob' });
    const seen = problemsOfCalls(from);
    expect(seen.count).toBeGreaterThan(0);
    expect(seen.problems).toEqual([]);
  });
});
