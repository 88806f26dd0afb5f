// The eligibility check and applying through Teams: Bot Framework activities in, Adaptive Cards out.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTeamsHarness, type TeamsHarness } from '../support/teams-harness.ts';

let teams: TeamsHarness;
beforeAll(async () => {
  teams = await startTeamsHarness();
});
afterAll(async () => {
  await teams?.stop();
});

it('checks eligibility step by step in English, with back and a wrong answer, and registers the application', async () => {
  const en = { user: 'carol', locale: 'en-US' };
  let x = await teams.message('eligibility', en);
  expect(x.text).toContain('Which of these best describes your company?');
  x = await teams.click(x, 'Local corporation abroad', en);
  expect(x.text).toContain('In which country is the local corporation?');
  x = await teams.message('Ｓｉｎｇａｐｏｒｅ', en);
  expect(x.text).toContain('receive investment from a Japanese company?');
  x = await teams.message('perhaps', en);
  expect(x.text).toContain('I could not read that answer. Please choose one of: Yes / No');
  x = await teams.message('back', en);
  expect(x.text).toContain('Selected: Singapore');
  x = await teams.click(x, 'Done', en);
  x = await teams.click(x, 'Yes', en);
  x = await teams.message('yes', en);
  x = await teams.message('yes', en);
  expect(x.text).toContain('in Singapore for 20 hours or more');
  x = await teams.message('no', en);
  expect(x.text).toContain('Your answers');
  x = await teams.click(x, 'Show the result', en);
  expect(x.text).toContain('Singapore: eligible');
  expect(x.text).toContain('10 h (per company and country)');
  expect(x.text).toContain('from adoption until Fri 18 Feb 2022');
  x = await teams.click(x, 'Register the application', en);
  x = await teams.message('Teams Trading Pte. Ltd.', en);
  expect(x.text).toContain('Registered the application of Teams Trading Pte. Ltd. for Singapore');
  x = await teams.message('status', en);
  expect(x.text).toContain('registered (waiting for JETRO to confirm receipt)');
});
