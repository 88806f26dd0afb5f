/** The iCalendar file sent with a booking follows RFC 5545: CRLF, folding at 75 octets, escaping, UTC times. */
import { afterEach, describe, expect, it } from 'vitest';
import { calendarFile, foldLine, icsText } from '../../src/booking/ics.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { addSlot, bookableEngagement, files } from './fixtures.ts';

/** Undoes folding (RFC 5545 3.1): a CRLF followed by one space joins the lines. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('iCalendar', { timeout: 30_000 }, () => {
  it('escapes text, folds long lines at 75 octets without splitting characters, and ends every line with CRLF', () => {
    expect(icsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = `SUMMARY:${'営業秘密'.repeat(20)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);

    const ics = calendarFile(
      {
        uid: 'booking-1-slot-2@fy2021.trade-secret-desk',
        stamp: new Date('2021-09-01T01:00:00Z'),
        start: new Date('2021-09-15T07:00:00Z'),
        end: new Date('2021-09-15T08:30:00Z'),
        summary: 'Consultation, A1; review',
        description: `Line one\nLine two: ${'x'.repeat(120)}`,
      },
      '-//Test//EN',
    );
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const lines = unfold(ics).split('\r\n');
    expect(lines.slice(0, 6)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
    ]);
    expect(lines).toContain('UID:booking-1-slot-2@fy2021.trade-secret-desk');
    expect(lines).toContain('DTSTAMP:20210901T010000Z');
    expect(lines).toContain('DTSTART:20210915T070000Z');
    expect(lines).toContain('DTEND:20210915T083000Z');
    expect(lines).toContain('SUMMARY:Consultation\\, A1\\; review');
    expect(lines).toContain(`DESCRIPTION:Line one\\nLine two: ${'x'.repeat(120)}`);
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines.slice(-3)).toEqual(['END:VEVENT', 'END:VCALENDAR', '']);
  });

  describe('through the bot', { timeout: 30_000 }, () => {
    let tb: TestBot;
    afterEach(() => tb.close());

    it('attaches the booking as an event in UTC, in the applicant’s language, with the topics and the contact', async () => {
      tb = await createTestBot({ now: '2021-09-01T01:00:00Z' });
      await bookableEngagement(tb, { company: 'Acme, Ltd.', country: 'cn', applicant: 'aiko', experts: ['li'] });
      await addSlot(tb, 'li', '2021-09-15 14:00 2h training');
      let r = await tb.say('aiko', 'book', { locale: 'en' });
      r = await tb.click('aiko', r, 'Training for managers and employees', { locale: 'en' });
      r = await tb.say('aiko', '8 9', { locale: 'en' });
      r = await tb.click('aiko', r, 'Chinese', { locale: 'en' });
      r = await tb.click('aiko', r, 'Wed 15 Sep', { locale: 'en' });
      r = await tb.click('aiko', r, 'Book', { locale: 'en' });
      const [file] = files(r);
      expect(file).toMatchObject({
        kind: 'file',
        filename: 'booking-1.ics',
        mimeType: 'text/calendar',
        title: 'Calendar file for booking #1',
      });
      const lines = unfold(file!.content).split('\r\n');
      expect(lines).toContain('DTSTART:20210915T060000Z');
      expect(lines).toContain('DTEND:20210915T080000Z');
      expect(lines).toContain('UID:booking-1-slot-1@fy2021.trade-secret-desk');
      expect(lines).toContain(
        "SUMMARY:JETRO trade-secret training: training topics 8. Company measures: litigation preparation\\, prior-user rights\\; 9. Company measures: preventing contamination by others' secrets (Acme\\, Ltd. / li)",
      );
      const description = lines.find((l) => l.startsWith('DESCRIPTION:'))!;
      expect(description).toContain(
        '8. Company measures: litigation preparation\\, prior-user rights\\n9. Company measures: preventing contamination',
      );
      expect(description).toContain('Training language: Chinese');
      expect(description).toContain('CHIZAI@jetro.go.jp');
      for (const line of file!.content.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    });
  });
});
