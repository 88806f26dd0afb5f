/** Hours through Teams: Bot Framework activities on the real server, replies as Adaptive Cards. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoursFeature } from '../../src/hours/feature.ts';
import { startTeamsHarness, teamsTenant, type TeamsHarness } from '../support/teams-harness.ts';
import { engagement, usedMinutes, type SetupTarget } from './engagements.ts';
import { directServices } from '../support/direct-services.ts';

let teams: TeamsHarness;
let users: SetupTarget;
let acme: number;
let beta: number;

beforeAll(async () => {
  teams = await startTeamsHarness({ features: [hoursFeature] });
  users = {
    services: directServices(teams.running),
    db: teams.running.db,
    identity: (user) => ({ key: teams.identityKey(user), platform: 'teams', tenant: teamsTenant, userId: `aad-${user}` }),
  };
  acme = await engagement(users, { company: 'Acme', country: 'th', experts: ['bob', 'kim'] });
  beta = await engagement(users, { company: 'Beta', country: 'vn', experts: ['kim'] });
});
afterAll(() => teams?.stop());

const entries = (applicationId: number) => teams.running.db.prisma.hourEntry.findMany({ where: { applicationId }, orderBy: { id: 'asc' } });

describe('hours in Teams', () => {
  it('logs an entry and confirms it on a card, the note as typed', async () => {
    const exchange = await teams.message('hours 1.5 review NDA <b>draft</b>', { user: 'bob' });
    expect(exchange.text).toContain('1時間30分を記録しました');
    expect(exchange.text).toContain('区分: 契約書・規則類のレビュー（内容から判定）');
    expect(exchange.text).toContain('案件: Acme（タイ）');
    expect((await entries(acme)).at(-1)!.note).toBe('review NDA <b>draft</b>');
  });

  it('logs a repeated delivery of the same activity once', async () => {
    const before = (await entries(acme)).length;
    await teams.message('hours 1 電話相談', { user: 'bob', id: 'activity-retry' });
    await teams.message('hours 1 電話相談', { user: 'bob', id: 'activity-retry' });
    expect((await entries(acme)).length).toBe(before + 1);
    expect(await usedMinutes(users, acme)).toBe(150);
  });

  it('refuses travel with the reason', async () => {
    const exchange = await teams.message('hours 2 travel to Rayong', { user: 'bob', locale: 'en-US' });
    expect(exchange.text).toContain("Not logged: the expert's travel time is not counted as support hours.");
    // Teams sends the client's locale with every activity; bob's is Japanese again from here on.
    await teams.message('help', { user: 'bob', locale: 'ja-JP' });
  });

  it('takes the last entry back with hours undo', async () => {
    await teams.message('hours 30m メール', { user: 'bob' });
    const exchange = await teams.message('hours undo', { user: 'bob' });
    expect(exchange.text).toMatch(/記録 #\d+（30分・メール）を取り消しました。/);
    expect(await usedMinutes(users, acme)).toBe(150);
  });

  it('asks which engagement on a card and logs on the one clicked', async () => {
    const question = await teams.message('hours 1 web会議', { user: 'kim' });
    expect(question.text).toContain('どの案件の時間ですか？');
    expect(question.text).toContain('[Acme（タイ）]');
    const answer = await teams.click(question, 'Beta', { user: 'kim' });
    expect(answer.text).toContain('1時間を記録しました');
    expect(await entries(beta)).toHaveLength(1);
  });

  it('refuses what would pass the cap and shows the remaining hours', async () => {
    await teams.message('hours 8 資料作成', { user: 'bob' });
    await teams.message('hours 6 資料作成', { user: 'bob' });
    const exchange = await teams.message('hours 3 資料作成', { user: 'bob' });
    expect(exchange.text).toContain('3時間を記録するとAcme（タイ）の上限（17時間）を超えるため、記録しませんでした。残りは30分です');
    expect(await usedMinutes(users, acme)).toBe(16 * 60 + 30);
  });
});
