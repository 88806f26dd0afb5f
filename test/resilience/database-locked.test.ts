/**
 * The database locked by someone else for longer than the busy timeout (a second process holding a write
 * transaction: another instance, a maintenance script): the person who sent a command gets the bot's
 * clear "busy, try again" answer, not silence and not Slack's timeout, and the next try after the lock
 * is gone works. SQLite only: the lock is taken with a second better-sqlite3 connection on the file.
 *
 * Known limit, measured here and in the README: better-sqlite3 waits for a lock synchronously, so while a
 * write waits (up to BUSY_TIMEOUT_MS) the whole process waits with it, acknowledgements included.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoursFeature } from '../../src/hours/feature.ts';
import { sqlitePathFromUrl } from '../../src/db/sqlite-url.ts';
import { translator } from '../../src/i18n/translate.ts';
import { engagement, usedMinutes, type SetupTarget } from '../hours/engagements.ts';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';
import { testDatabaseProvider } from '../support/temp-database.ts';
import { directServices } from '../support/direct-services.ts';

let slack: SlackHarness;
let users: SetupTarget;
let acme: number;

describe.skipIf(testDatabaseProvider !== 'sqlite')('the database locked longer than the busy timeout', () => {
  beforeAll(async () => {
    slack = await startSlackHarness({ features: [hoursFeature] });
    users = {
      services: directServices(slack.running),
      db: slack.running.db,
      identity: (user) => ({ key: `slack:${slack.team}:${user}`, platform: 'slack', tenant: slack.team, userId: user }),
    };
    acme = await engagement(users, { company: 'Acme', country: 'th', experts: ['UBOB'] });
  });
  afterAll(async () => {
    await slack?.close();
  });

  it('answers "busy, try again" instead of staying silent, and logs the entry once the lock is gone', async () => {
    const counts = async () => ({
      entries: await slack.running.db.prisma.hourEntry.count(),
      claims: await slack.running.db.prisma.processedRequest.count(),
    });
    const before = await counts();
    const file = sqlitePathFromUrl(slack.running.config.DATABASE_URL);
    const other = new Database(file, { timeout: 0 });
    try {
      other.exec('BEGIN EXCLUSIVE');
      const sent = slack.messages().length;
      const answer = await slack.command('UBOB', '/hours', '1 review NDA', { triggerId: 'locked-1' });
      expect(answer.status).toBe(200);
      const replies = slack.messages().slice(sent);
      expect(replies).toHaveLength(1);
      expect(replies[0]!.text).toContain(translator('ja')('core.error.busy'));
      expect(replies[0]!.ephemeral).toBe(true);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // Nothing was written while locked: no entry, no claim left behind that would swallow a retry.
    expect(await counts()).toEqual(before);

    // Slack's retry of that request (or the person trying again) now goes through, once.
    await slack.command('UBOB', '/hours', '1 review NDA', { triggerId: 'locked-1', retryNum: 1 });
    expect(slack.lastMessage().text).toContain('1時間を記録しました');
    expect(await usedMinutes(users, acme)).toBe(60);
    expect(await slack.running.db.prisma.hourEntry.count({ where: { applicationId: acme } })).toBe(1);
    expect((await fetch(`${slack.running.url}/healthz`)).status).toBe(200);
  }, 60_000);
});
