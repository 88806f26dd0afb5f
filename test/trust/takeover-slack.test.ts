/**
 * Company takeover by typing its name, tried through the real Slack endpoint: a stranger registers several
 * spellings of an existing company (the same name in other widths and cases, the legal form moved or left
 * out) and then runs every applicant command against it. They get no access, change nothing, and are told
 * nothing about the company beyond "already registered: contact JETRO".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';
import { renderText } from '../../adapters/console/render-text.ts';
import { outboxTexts, registerInSlack, seedVictim, victimState, type Victim } from './support.ts';
import { directServices } from '../support/direct-services.ts';

let slack: SlackHarness;
let victim: Victim;
beforeAll(async () => {
  slack = await startSlackHarness({ now: '2021-09-01T01:00:00Z' });
  victim = await seedVictim(slack.running, {
    company: 'Alpha株式会社',
    applicantKey: 'slack:T1:UVICTIM',
    expertKey: 'slack:T1:UEXP',
    staffKey: 'slack:T1:USTAFF',
  });
  // The victim's applicant and the expert have used the bot: the bot can reach them in their DMs.
  await slack.dm('UVICTIM', 'help');
  await slack.dm('UEXP', 'help');
}, 60_000);
afterAll(async () => {
  await slack?.close();
});

/** What the stranger was shown while `send` ran. */
async function seen(send: () => Promise<unknown>): Promise<string> {
  const before = slack.messages().length;
  await send();
  return slack
    .messages()
    .slice(before)
    .map((m) => m.text)
    .join('\n');
}

/**
 * Nothing of the victim's company: its application and booking numbers, its dates, and its name (other than
 * the stranger's own words echoed back in quotes).
 */
function expectNothingOfTheVictim(text: string): void {
  expect(text.replaceAll('「Alpha株式会社」', '')).not.toContain('Alpha株式会社');
  for (const id of [victim.thailand, victim.vietnam]) {
    expect(text).not.toContain(`申請番号 ${id}`);
    expect(text).not.toContain(`#${id} `);
  }
  expect(text).not.toContain(`予約 #${victim.bookingId}`);
  expect(text).not.toContain(`#${victim.bookingId} 相談`);
  expect(text).not.toContain('2021年8月25日');
}

describe('a stranger who types an existing company’s name', () => {
  it('registers the same name in other widths and cases: "already registered, contact JETRO", and a request to join, nothing more', async () => {
    const before = await victimState(slack.running, victim);
    const first = await registerInSlack(slack, 'UMAL', 'ａｌｐｈａ株式会社');
    expect(first).toContain('「alpha株式会社」はすでに登録されています。会社の情報を守るため、登録の内容はお知らせできません');
    const again = await registerInSlack(slack, 'UMAL', 'ALPHA 株式会社');
    expect(again).toContain('「ALPHA 株式会社」はすでに登録されています。参加の申請（番号 1）は送信済みで、承認を待っています');
    for (const answer of [first, again]) {
      expect(answer).toContain('ジェトロにお問い合わせください');
      expect(answer).toContain('CHIZAI@jetro.go.jp');
      expect(answer).toContain('03-3582-5198');
      expectNothingOfTheVictim(answer);
    }
    // One request, however often they try; it is waiting, and the stranger belongs to nothing.
    const requests = await slack.running.db.prisma.membershipRequest.findMany();
    expect(requests.map((r) => [r.companyId, r.status, r.identityKey])).toEqual([[victim.companyId, 'pending', 'slack:T1:UMAL']]);
    const stranger = await directServices(slack.running).people.findByIdentityKey('slack:T1:UMAL');
    expect(stranger!.roles).toEqual([]);
    expect(await victimState(slack.running, victim)).toMatchObject({ ...before, toApplicant: before.toApplicant + 1 });
    // The victim's applicant got the request to decide (their only new message).
    expect(
      slack
        .messages()
        .filter((m) => m.channel === 'DUVICTIM')
        .map((m) => m.text)
        .join('\n'),
    ).toContain(
      '参加の申請 1: umal（ID: slack:T1:UMAL）が「Alpha株式会社」の申請者として参加を求めています（入力された会社名: alpha株式会社、申請したい国: タイ、ベトナム）',
    );
  });

  it('runs every applicant command: status, withdraw, budget, bookings, cancel, book: nothing of the company, nothing changed', async () => {
    const before = await victimState(slack.running, victim);
    const toExpertBefore = slack.messages().filter((m) => m.channel === 'DUEXP').length;
    const answers = [
      await seen(() => slack.command('UMAL', '/desk', 'status')),
      await seen(() => slack.command('UMAL', '/desk', 'status Alpha株式会社')),
      await seen(() => slack.command('UMAL', '/desk', 'withdraw タイ')),
      await seen(() => slack.command('UMAL', '/desk', 'withdraw ベトナム')),
      await seen(() => slack.command('UMAL', '/desk', 'withdraw Alpha株式会社 ベトナム')),
      await seen(() => slack.command('UMAL', '/budget', '')),
      await seen(() => slack.command('UMAL', '/budget', 'Alpha株式会社')),
      await seen(() => slack.command('UMAL', '/desk', 'bookings')),
      await seen(() => slack.command('UMAL', '/desk', `bookings cancel ${victim.bookingId}`)),
      await seen(() => slack.command('UMAL', '/desk', `bookings reschedule ${victim.bookingId}`)),
      await seen(() => slack.command('UMAL', '/book', '')),
      await seen(() => slack.command('UMAL', '/desk', `application ${victim.thailand}`)),
    ];
    for (const answer of answers) expectNothingOfTheVictim(answer);
    // The status shows their own waiting request only.
    expect(answers[0]).toContain('「alpha株式会社」への参加の申請（番号 1）は承認を待っています');
    expect(answers[1]).toContain('あなたが申請者として登録されている会社に「Alpha株式会社」はありません');
    expect(answers[6]).toContain('あなたの会社・担当案件に「Alpha株式会社」はありません');
    expect(await victimState(slack.running, victim)).toEqual(before);
    // The expert was not told that anyone cancelled anything.
    expect(slack.messages().filter((m) => m.channel === 'DUEXP')).toHaveLength(toExpertBefore);
  });

  it('registers the name with the legal form moved or left out: a separate company of their own, staff told of a possible duplicate', async () => {
    const before = await victimState(slack.running, victim);
    const moved = await registerInSlack(slack, 'UMAL', '株式会社Alpha');
    expect(moved).toContain('株式会社Alphaのタイ向けの申請を登録しました');
    expectNothingOfTheVictim(moved);
    const bare = await registerInSlack(slack, 'UMAL', 'Alpha');
    expect(bare).toContain('Alphaのベトナム向けの申請を登録しました');
    expectNothingOfTheVictim(bare);

    // Their own companies' applications only; the victim's are where they were.
    const status = await seen(() => slack.command('UMAL', '/desk', 'status'));
    expect(status).toContain('株式会社Alpha（タイ）');
    expectNothingOfTheVictim(status);
    expectNothingOfTheVictim(await seen(() => slack.command('UMAL', '/desk', 'withdraw タイ')));
    expect(await victimState(slack.running, victim)).toEqual(before);
    const companies = await slack.running.db.prisma.company.findMany({ orderBy: { id: 'asc' } });
    expect(companies.map((c) => c.name)).toEqual(['Alpha株式会社', '株式会社Alpha', 'Alpha']);

    // Staff were told, and only they: "possible duplicate of #1", which gives nobody access.
    const staff = await directServices(slack.running).people.findByIdentityKey('slack:T1:USTAFF');
    const toStaff = (await outboxTexts(slack.running, staff!.id, (r) => renderText(r).text)).join('\n');
    expect(toStaff).toContain('新しく登録された会社 #2 株式会社Alpha は、登録済みの #1 Alpha株式会社 と同じ会社かもしれません');
    expect(toStaff).toContain('新しく登録された会社 #3 Alpha は、登録済みの #1 Alpha株式会社, #2 株式会社Alpha と同じ会社かもしれません');
  });
});
