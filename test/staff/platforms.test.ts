/** `quota` through the real Slack and Teams endpoints: readable bars in Slack, an Adaptive Card in Teams. */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/app/start.ts';
import { applyPipelineEvent } from '../../src/applications/transitions.ts';
import type { Platform } from '../../src/core/inbound.ts';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';
import { startTeamsHarness, type TeamsHarness } from '../support/teams-harness.ts';
import { directServices } from '../support/direct-services.ts';

let slack: SlackHarness | undefined;
let teams: TeamsHarness | undefined;
afterEach(async () => {
  await slack?.close();
  await teams?.stop();
  slack = undefined;
  teams = undefined;
});

/** Staff member `key`, and one adopted engagement with 14 of its 17 hours used. */
async function seed(running: RunningBot, key: string, now: Date) {
  const services = directServices(running);
  const [platform, tenant, userId] = key.split(':') as [Platform, string, string];
  const staff = await services.people.resolve({ key, platform, tenant, userId, displayName: 'Alice' });
  await services.people.grantRole({ personId: staff.id, role: 'staff' });
  const applicant = await services.people.resolve({ key: 'console:carol', platform: 'console', tenant: '', userId: 'carol' });
  const company = await services.applications.findOrCreateCompany('Acme Co., Ltd.');
  const created = await services.applications.create({
    companyId: company.id,
    country: 'th',
    applicantId: applicant.id,
    answers: {},
    priorUseMinutes: 0,
    appliedAt: now,
  });
  if (!created.created) throw new Error('exists');
  for (const event of ['receive', 'screen', 'adopt'] as const)
    await applyPipelineEvent(services, { id: created.application.id, event, actorId: staff.id, at: now });
  await running.db.prisma.application.update({ where: { id: created.application.id }, data: { usedMinutes: 14 * 60 } });
}

describe('quota on the platforms', () => {
  it('Slack: /quota shows the facts and readable bars', async () => {
    slack = await startSlackHarness();
    await seed(slack.running, `slack:${slack.team}:U1`, slack.clock.now());
    const answer = await slack.command('U1', '/quota', '');
    expect(answer.status).toBe(200);
    const text = slack
      .messages()
      .map((m) => m.text)
      .join('\n');
    expect(text).toContain('*採択・支援の状況（2021年9月1日（水）現在）*');
    expect(text).toContain('*支援期間の残り*\nあと170日（2022年2月18日（金）まで）');
    expect(text).toContain('*採択件数*\n`█░░░░░░░░░░░░░░░░░░░` 1件 ／ 目標 約40件（目標まで あと39件）');
    expect(text).toContain('`████████████████░░░░` 14時間 ／ 17時間（残り 3時間）');
    // Someone without the role is refused in Slack too.
    await slack.command('U2', '/quota', '');
    expect(slack.lastMessage().text).toContain('この操作には「ジェトロ事務局」の権限が必要です。');
  });

  it('Teams: quota answers with an Adaptive Card of facts and meters', async () => {
    teams = await startTeamsHarness();
    await seed(teams.running, teams.identityKey('alice'), teams.clock.now());
    const exchange = await teams.message('quota', { user: 'alice', locale: 'en-US' });
    expect(exchange.status).toBe(200);
    expect(exchange.text).toContain('Program status (as of Wed 1 Sep 2021)');
    expect(exchange.text).toContain('Engagements at 80% of their cap or more: #1 Acme Co., Ltd. (Thailand) 82% (3 h left)');
    expect(exchange.text).toContain('Support period: 170 days left (until Fri 18 Feb 2022)');
    const cards = exchange.replies
      .flatMap((r) => r.attachments ?? [])
      .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
    expect(cards.length).toBeGreaterThan(0);
    const json = JSON.stringify(cards.map((c) => c.content));
    // The meters: label and caption, and a bar whose filled column is the used share (14 of 17 h → 82).
    expect(json).toContain('"text":"14 h of 17 h (3 h left)"');
    expect(json).toContain('"width":82');
    expect(exchange.text).toContain('1 of a target of about 40 (39 to go)');
  });
});
