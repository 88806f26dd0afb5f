// `help` is right for each role, and tells a person without a role what they can do and how to get access.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestBot, type TestBot } from '../support/test-bot.ts';

let tb: TestBot;
beforeEach(async () => {
  tb = await createTestBot();
});
afterEach(() => tb.close());

const help = async (user: string, locale?: string) => tb.textOf(await tb.say(user, 'help', { locale }));

describe('help', () => {
  it('for someone without a role: the few commands, what they are for, and how to get a role', async () => {
    const shown = await help('newcomer');
    expect(shown).toContain('eligibility — 応募資格を確認し、申請を登録する');
    expect(shown).not.toContain('hours');
    expect(shown).toContain('このアカウントにはまだ役割');
    expect(shown).toContain('ジェトロ事務局（CHIZAI@jetro.go.jp）に、このアカウント（console:newcomer）への権限の付与をご依頼ください');
    expect(await help('visitor', 'en')).toContain(
      'ask JETRO program staff (CHIZAI@jetro.go.jp) to grant a role to this account (console:visitor)',
    );
  });

  it('for an applicant: their own syntax (budget without a company, bookings without a reason)', async () => {
    const company = await tb.services.applications.findOrCreateCompany('Acme');
    await tb.grant('ann', 'applicant', { companyId: company.id });
    const shown = await help('ann');
    expect(shown).toContain('• budget — 貴社の使用済み・予約中・残りの支援時間を国ごとに表示します');
    expect(shown).toContain('• bookings [cancel <id> | reschedule <id>]');
    expect(shown).toContain('• book — ');
    expect(shown).not.toContain('budget [company]');
    expect(shown).not.toContain('hours <duration>');
    expect(shown).not.toContain('このアカウントにはまだ役割');
  });

  it('for an expert: logging hours, slots, bookings cancelled with a reason', async () => {
    await tb.grant('bob', 'expert', { country: 'th' });
    const shown = await help('bob');
    expect(shown).toContain('• hours <duration> <note> [on YYYY-MM-DD] [for <company>]');
    expect(shown).toContain('• bookings [cancel <id> <reason>]');
    expect(shown).toContain('• budget [company]');
    expect(shown).not.toContain('• book — ');
  });

  it('for staff: voiding hours rather than logging them, slots on an expert’s behalf', async () => {
    await tb.grant('sue', 'staff');
    const shown = await help('sue');
    expect(shown).toContain('• hours list [company] · hours void <id> <reason>');
    expect(shown).not.toContain('hours <duration>');
    expect(shown).toContain('• slots [for <expert> add');
    expect(shown).toContain('• quota [company]');
  });
});
