/**
 * PostgreSQL going away under a running bot (the server restarted, the network cut): what a person sends
 * meanwhile gets the bot's "busy, try again" answer, not a generic error; `/healthz` says 503; nothing is
 * half stored; and once the database is back, the same command goes through, once, and health is 200.
 * The bot reaches the real test server through a TCP proxy the test cuts. PostgreSQL only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoursFeature } from '../../src/hours/feature.ts';
import { translator } from '../../src/i18n/translate.ts';
import { engagement, usedMinutes, type SetupTarget } from '../hours/engagements.ts';
import { directServices } from '../support/direct-services.ts';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { tempDatabaseUrl, testDatabaseProvider } from '../support/temp-database.ts';

describe.skipIf(testDatabaseProvider !== 'postgresql')('PostgreSQL away', () => {
  const temp = testDatabaseProvider === 'postgresql' ? tempDatabaseUrl() : undefined;
  let proxy: TcpProxy;
  let slack: SlackHarness;
  let users: SetupTarget;
  let acme: number;

  beforeAll(async () => {
    const real = new URL(temp!.url);
    proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
    const viaProxy = new URL(temp!.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    slack = await startSlackHarness({ features: [hoursFeature], env: { DATABASE_URL: viaProxy.toString() } });
    users = {
      services: directServices(slack.running),
      db: slack.running.db,
      identity: (user) => ({ key: `slack:${slack.team}:${user}`, platform: 'slack', tenant: slack.team, userId: user }),
    };
    acme = await engagement(users, { company: 'Acme', country: 'th', experts: ['UBOB'] });
  }, 60_000);
  afterAll(async () => {
    await slack?.close();
    await proxy?.close();
    temp?.cleanup();
  });

  it('answers "busy", reports 503 while away, and takes the command once when the database is back', async () => {
    const health = async () => (await fetch(`${slack.running.url}/healthz`)).status;
    expect(await health()).toBe(200);

    proxy.cut();
    const answer = await slack.command('UBOB', '/hours', '1 review NDA', { triggerId: 'away-1' });
    expect(answer.status).toBe(200);
    expect(slack.lastMessage().text).toContain(translator('ja')('core.error.busy'));
    expect(await health()).toBe(503);

    proxy.restore();
    await slack.command('UBOB', '/hours', '1 review NDA', { triggerId: 'away-1' });
    expect(slack.lastMessage().text).toContain('1時間を記録しました');
    expect(await usedMinutes(users, acme)).toBe(60);
    expect(await slack.running.db.prisma.hourEntry.count()).toBe(1);
    expect(await health()).toBe(200);
  }, 60_000);
});
