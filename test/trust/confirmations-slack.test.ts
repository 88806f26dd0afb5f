/**
 * Irreversible steps ask first, through the real Slack endpoint: after `adopt` the buttons are the real next
 * steps (Forms 1 and 2, an expert), never closing; closing from the detail asks, names who will be told and
 * changes nothing until confirmed; the confirmation's button carries the version seen, so a repeated or
 * stale click changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPipelineEvent } from '../../src/applications/transitions.ts';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';
import { directServices } from '../support/direct-services.ts';

let slack: SlackHarness;
let staffId: number;
beforeAll(async () => {
  slack = await startSlackHarness();
  const services = directServices(slack.running);
  const staff = await services.people.resolve({
    key: 'slack:T1:USTAFF',
    platform: 'slack',
    tenant: 'T1',
    userId: 'USTAFF',
    displayName: 'hana',
  });
  staffId = staff.id;
  await services.people.grantRole({ personId: staff.id, role: 'staff' });
  const expert = await services.people.resolve({
    key: 'slack:T1:UEXP',
    platform: 'slack',
    tenant: 'T1',
    userId: 'UEXP',
    displayName: 'somchai',
  });
  await services.people.grantRole({ personId: expert.id, role: 'expert', country: 'th' });
}, 60_000);
afterAll(async () => {
  await slack?.close();
});

/** An application of `company` in Thailand moved to `stage` by staff. */
async function application(company: string, stage: 'screening' | 'adopted'): Promise<number> {
  const services = directServices(slack.running);
  const now = slack.clock.now();
  const applicant = await services.people.resolve({
    key: `slack:T1:U${company.toUpperCase()}`,
    platform: 'slack',
    tenant: 'T1',
    userId: `U${company.toUpperCase()}`,
  });
  const c = await services.applications.findOrCreateCompany(company);
  await services.people.grantRole({ personId: applicant.id, role: 'applicant', companyId: c.id });
  const created = await services.applications.create({
    companyId: c.id,
    country: 'th',
    applicantId: applicant.id,
    answers: {},
    priorUseMinutes: 0,
    appliedAt: now,
  });
  if (!created.created) throw new Error('exists');
  const events = stage === 'adopted' ? (['receive', 'screen', 'adopt'] as const) : (['receive', 'screen'] as const);
  for (const event of events) await applyPipelineEvent(services, { id: created.application.id, event, actorId: staffId, at: now });
  return created.application.id;
}

const statusOf = async (id: number) => (await directServices(slack.running).applications.get(id))!.status;
const closes = () => slack.running.db.prisma.auditLog.count({ where: { action: 'application.close' } });

describe('confirmations in Slack', () => {
  it('after adopt offers Forms 1 and 2 and an expert, never closing', async () => {
    const id = await application('Acme', 'screening');
    await slack.command('USTAFF', '/desk', `application ${id}`);
    await slack.click('USTAFF', '採択する');
    const adopted = slack.lastMessage();
    expect(adopted.text).toContain(`#${id} Acme（タイ） を採択しました。`);
    expect(adopted.buttons.map((b) => b.label)).toEqual(['様式1・2を受領', '専門家を割り当てる']);

    await slack.click('USTAFF', '様式1・2を受領', { message: adopted });
    const forms = slack.lastMessage();
    expect(forms.text).toContain('の受領を記録しました。');
    expect(forms.buttons.map((b) => b.label)).toEqual(['専門家を割り当てる']);
    await slack.click('USTAFF', '専門家を割り当てる', { message: forms });
    expect(slack.lastMessage().text).toContain(`#${id} Acme（タイ） に割り当てる専門家（タイ）を選んでください。`);
    await slack.click('USTAFF', 'somchai');
    expect(
      slack
        .messages()
        .slice(-3)
        .map((m) => m.text)
        .join('\n'),
    ).toContain(`somchai さんを #${id} Acme（タイ） の担当専門家に割り当てました。`);
    expect(await statusOf(id)).toBe('adopted');
  });

  it('one click on close changes nothing until confirmed; the confirmation closes once', async () => {
    const id = await application('Beta', 'adopted');
    const before = await slack.running.db.prisma.outbox.count();
    await slack.command('USTAFF', '/desk', `application ${id}`);
    await slack.click('USTAFF', '支援を終了する');
    const question = slack.lastMessage();
    expect(question.text).toContain(`#${id} Beta（タイ） の支援を終了しますか？終了すると元に戻せず`);
    expect(question.text).toContain('申請者（');
    expect(question.buttons.map((b) => b.label)).toEqual(['支援を終了する', '終了しない']);
    expect(await statusOf(id)).toBe('adopted');
    expect(await slack.running.db.prisma.outbox.count()).toBe(before);

    await slack.click('USTAFF', '終了しない', { message: question });
    expect(slack.lastMessage().text).toBe('そのままにしました。何も変更していません。');
    expect(await statusOf(id)).toBe('adopted');

    await slack.command('USTAFF', '/desk', `close ${id}`);
    const again = slack.lastMessage();
    await slack.click('USTAFF', '支援を終了する', { message: again });
    expect(
      slack
        .messages()
        .slice(-3)
        .map((m) => m.text)
        .join('\n'),
    ).toContain(`#${id} Beta（タイ） の支援を終了しました。`);
    expect(await statusOf(id)).toBe('closed');
    // The same button clicked again (a double click, a stale card) changes nothing.
    await slack.click('USTAFF', '支援を終了する', { message: again });
    expect(slack.lastMessage().text).toContain('このボタンは使えなくなりました');
    expect(await closes()).toBe(1);
  });

  it('a confirmation answered after someone else changed the application changes nothing', async () => {
    const id = await application('Gamma', 'adopted');
    const closed = await closes();
    await slack.command('USTAFF', '/desk', `close ${id}`);
    const question = slack.lastMessage();
    // Another staff member records the follow-up meanwhile: the version the question saw is gone.
    const other = await directServices(slack.running).people.resolve({
      key: 'slack:T1:USTAFF2',
      platform: 'slack',
      tenant: 'T1',
      userId: 'USTAFF2',
    });
    await directServices(slack.running).people.grantRole({ personId: other.id, role: 'staff' });
    await slack.dm('USTAFF2', `followup ${id}`);
    await slack.click('USTAFF', '支援を終了する', { message: question });
    expect(
      slack
        .messages()
        .slice(-2)
        .map((m) => m.text)
        .join('\n'),
    ).toContain(`#${id} Gamma（タイ） は他の方がちょうど更新しました`);
    expect(await statusOf(id)).toBe('adopted');
    expect(await closes()).toBe(closed);
  });
});
