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

it('goes from a greeting to the registration by typing only, as an expert at a law firm in Ho Chi Minh City would', async () => {
  const en = { user: 'dung', locale: 'en-US' };
  let x = await teams.message('hello', en);
  expect(x.text).toContain('Which of these best describes your company?');
  x = await teams.message('local subsidiary', en);
  expect(x.text).toContain('In which country is the local corporation?');
  x = await teams.message('Ho Chi Minh City', en);
  expect(x.text).toContain('receive investment from a Japanese company?');
  x = await teams.message('Yes, we do.', en);
  x = await teams.message('yes we do', en);
  expect(x.text).toContain('cooperate with JETRO');
  x = await teams.message('I agree', en);
  expect(x.text).toContain('in Vietnam for 20 hours or more');
  x = await teams.message('19.999', en);
  expect(x.text).toContain('Noted: 19.999 h.');
  expect(x.text).toContain('No (less than 20 h, or never) (19.999 h)');
  x = await teams.message('Show the result', en);
  expect(x.text).toContain('Vietnam: eligible');
  expect(x.text).toContain('told to you individually later');
  x = await teams.message('Register the application', en);
  x = await teams.message('Saigon Legal Partners Co., Ltd.', en);
  expect(x.text).toContain('Registered the application of Saigon Legal Partners Co., Ltd. for Vietnam');
});

it('runs a command typed in the middle of the check, which then goes on', async () => {
  const en = { user: 'erin', locale: 'en-US' };
  await teams.message('eligibility', en);
  await teams.message('2', en);
  let x = await teams.message('help', en);
  expect(x.text).toContain('At any step: back, restart, cancel, help');
  x = await teams.message('status', en);
  expect(x.text).toContain('No application has been registered from this account yet.');
  expect(x.text).toContain('"Eligibility check" is still open.');
  expect(x.text).toContain('In which country is the local corporation?');
  x = await teams.message('thai', en);
  expect(x.text).toContain('receive investment from a Japanese company?');
});

it('says first that the program is closed once the adoption target is reached', async () => {
  const { prisma } = teams.running.db;
  for (let i = 0; i < 40; i++) {
    const company = await prisma.company.create({ data: { name: `Adopted ${i}`, nameKey: `adopted-${i}` } });
    await prisma.application.create({
      data: { companyId: company.id, country: 'th', status: 'adopted', adoptedAt: new Date('2021-08-01T00:00:00Z') },
    });
  }
  const x = await teams.message('こんにちは', { user: 'fumi' });
  expect(x.text.indexOf('予定採択件数（40件程度）に達したため、申請の受付を締め切りました')).toBeGreaterThanOrEqual(0);
  expect(x.text.indexOf('締め切りました')).toBeLessThan(x.text.indexOf('貴社は次のどれに当たりますか'));
  expect(x.replies[0]!.text ?? JSON.stringify(x.replies[0]!.attachments)).toContain('締め切りました');
});
