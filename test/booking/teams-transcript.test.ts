/**
 * The booking conversation through real Teams requests (Bot Framework activities posted to /api/messages
 * on the running server; replies and notifications sent to a fake Bot Connector): an expert publishes
 * slots, an applicant books a training with topics and a language, cancels, books again and reschedules;
 * the expert is told in their personal chat each time. In English, from the Teams client's locale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamsHarness, textOfActivities, type TeamsHarness } from '../support/teams-harness.ts';
import { bookableEngagementOn } from './fixtures.ts';

let teams: TeamsHarness;
beforeAll(async () => {
  teams = await startTeamsHarness({ now: '2021-09-01T10:00:00+09:00' });
  await bookableEngagementOn(teams.running, {
    company: 'Acme Vietnam',
    country: 'vn',
    applicantKey: teams.identityKey('alice'),
    expertKeys: [teams.identityKey('minh')],
  });
});
afterAll(() => teams?.stop());

const en = { locale: 'en-US' };
const alice = { ...en, user: 'alice' };
const minh = { ...en, user: 'minh' };

/** What the bot sent to `user`'s personal chat from connector call `from` on (notifications), once delivered. */
async function sentToChat(user: string, from: number): Promise<string> {
  await teams.running.dispatcher.idle();
  return textOfActivities(
    teams.connector
      .since(from)
      .filter((c) => c.conversationId === `a:personal-${user}` && (c.kind === 'send' || c.kind === 'reply'))
      .map((c) => c.body),
  );
}

describe('booking in Teams', () => {
  it('publishes, books a training with topics and language, cancels and reschedules', async () => {
    const published = await teams.message('slots add 2021-09-15 14:00 2h training', minh);
    expect(published.text).toContain(
      'Slot #1 added: training, Wed 15 Sep 2021 16:00–18:00 Japan time / 14:00–16:00 local time (UTC+7), 2 h.',
    );
    await teams.message('slots add 2021-09-16 09:30 2h training', minh);

    let r = await teams.message('book', alice);
    r = await teams.click(r, 'Training for managers and employees', alice);
    r = await teams.click(r, '6. Company measures: internal system', alice);
    r = await teams.click(r, '7. Company measures: external parties', alice);
    r = await teams.click(r, 'Done (2 chosen)', alice);
    expect(r.text).toContain('[Vietnamese]');
    r = await teams.click(r, 'Vietnamese', alice);
    expect(r.text).toContain('[Wed 15 Sep 2021 16:00–18:00 JST (14:00–16:00 local)]');
    expect(r.text).toContain('[Thu 16 Sep 2021 11:30–13:30 JST (09:30–11:30 local)]');
    r = await teams.click(r, 'Wed 15 Sep', alice);
    expect(r.text).toContain('Training language: Vietnamese');
    let mark = teams.connector.calls.length;
    r = await teams.click(r, 'Book', alice);
    expect(r.text).toContain('Booking #1 is confirmed');
    expect(r.text).toContain('training topics 6. Company measures: internal system; 7. Company measures: external parties');
    // The calendar file comes through Teams' file consent flow: Allow uploads it to the applicant's OneDrive.
    const ics = r.replies
      .filter((a) => (a.conversation as { id: string }).id === 'a:personal-alice')
      .flatMap((a) => a.attachments ?? [])
      .find((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent');
    expect(ics?.name).toBe('booking-1.ics');
    const uploads = teams.connector.uploads.length;
    const saved = await teams.fileConsent(r, 'accept', alice);
    // (What Alice's chat shows: the expert's notice may be delivered to Minh's chat meanwhile.)
    expect(saved.hereText).toBe('📎 booking-1.ics');
    expect(textOfActivities(saved.updates.map((u) => u.body))).toBe('✔ The file booking-1.ics was saved in your OneDrive.');
    expect(teams.connector.uploads.slice(uploads).map((u) => u.body.toString('utf8'))).toEqual([
      expect.stringContaining('DTSTART:20210915T070000Z'),
    ]);
    // The expert's Teams client is English: the notices sent to their chat are in English too.
    const toExpert = await sentToChat('minh', mark);
    expect(toExpert).toContain('New booking #1 from Acme Vietnam (alice).');
    expect(toExpert).toContain('📎 booking-1.ics');

    r = await teams.message('bookings', alice);
    expect(r.text).toContain('#1 training: training topics 6. Company measures: internal system; 7. Company measures: external parties');
    r = await teams.click(r, 'Cancel', alice);
    mark = teams.connector.calls.length;
    r = await teams.click(r, 'Cancel the booking', alice);
    expect(r.text).toContain(
      'Booking #1 (Wed 15 Sep 2021 16:00–18:00 Japan time / 14:00–16:00 local time (UTC+7)) has been cancelled. The expert has been notified.',
    );
    expect(await sentToChat('minh', mark)).toContain(
      'Booking #1 (Acme Vietnam, Wed 15 Sep 2021 16:00–18:00 Japan time / 14:00–16:00 local time (UTC+7)) was cancelled by alice.',
    );

    r = await teams.message('book', alice);
    r = await teams.click(r, 'Training for managers and employees', alice);
    r = await teams.message('1, 3', alice);
    r = await teams.click(r, 'Japanese', alice);
    r = await teams.click(r, 'Wed 15 Sep', alice);
    r = await teams.click(r, 'Book', alice);
    expect(r.text).toContain('Booking #2 is confirmed');
    r = await teams.message('bookings', alice);
    r = await teams.click(r, 'Reschedule', alice);
    r = await teams.click(r, 'Thu 16 Sep', alice);
    expect(r.text).toContain('Move booking #2 (Wed 15 Sep 2021 16:00–18:00 Japan time / 14:00–16:00 local time (UTC+7)) to this slot?');
    mark = teams.connector.calls.length;
    r = await teams.click(r, 'Move to this slot', alice);
    expect(r.text).toContain('Booking #2 has been moved to Thu 16 Sep 2021 11:30–13:30 Japan time / 09:30–11:30 local time (UTC+7).');
    const moved = await sentToChat('minh', mark);
    expect(moved).toContain('Booking #2 (Acme Vietnam) was rescheduled by alice.');
    expect(moved).toContain('Now: Thu 16 Sep 2021 11:30–13:30 Japan time / 09:30–11:30 local time (UTC+7)');

    const expertView = await teams.message('bookings', minh);
    expect(expertView.text).toContain(
      '#2 training: training topics 1. Overview of trade secrets; 3. Trade-secret leakage cases (court cases) in the country',
    );
    expect(expertView.text).toContain('Thu 16 Sep 2021 11:30–13:30 Japan time');
  }, 90_000);
});
