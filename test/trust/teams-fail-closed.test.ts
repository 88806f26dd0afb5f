/**
 * The Teams endpoint fails closed, through the real /api/messages:
 * - by default (no MICROSOFT_APP_ID, no opt-in) it is not served at all: a forged activity gets 404, nothing
 *   is stored and nothing goes out;
 * - with the explicit local opt-in (TEAMS_ALLOW_UNAUTHENTICATED=1) only loopback service URLs are accepted,
 *   and names sent without authentication never rename anyone;
 * - with authentication, replies and notifications go only to allow-listed service URLs: a forged one is
 *   never called, even with a valid token for it.
 */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot } from '../../src/app/start.ts';
import { FakeBotConnector } from '../support/fake-bot-connector.ts';
import { startTeamsHarness, type TeamsHarness } from '../support/teams-harness.ts';
import { tempDatabaseUrl } from '../support/temp-database.ts';
import { directServices } from '../support/direct-services.ts';

const appId = '11111111-2222-3333-4444-555555555555';
let teams: TeamsHarness | undefined;
let forged: FakeBotConnector | undefined;
afterEach(async () => {
  await teams?.stop();
  await forged?.close();
  teams = undefined;
  forged = undefined;
});

async function stored(h: TeamsHarness) {
  const p = h.running.db.prisma;
  return {
    people: await p.person.count(),
    requests: await p.processedRequest.count(),
    outbox: await p.outbox.count(),
    flows: await p.conversationState.count(),
  };
}

describe('Teams by default', () => {
  it('is not served without an app id: a forged activity gets 404, nothing is stored, nothing goes out', async () => {
    teams = await startTeamsHarness({ env: { TEAMS_ALLOW_UNAUTHENTICATED: '' } });
    expect(teams.running.adapters.map((a) => a.name)).not.toContain('teams');
    expect(teams.logs()).toContain('Teams is off: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to serve /api/messages');
    // A staff identity, forged: in the old default it ran `role list`.
    const exchange = await teams.message('role list', { user: 'staff-impostor' });
    expect(exchange.status).toBe(404);
    expect(teams.connector.calls).toHaveLength(0);
    expect(await stored(teams)).toEqual({ people: 0, requests: 0, outbox: 0, flows: 0 });
  });

  it('listens on loopback unless HOST says otherwise', async () => {
    const temp = tempDatabaseUrl();
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk, _e, done) => {
        lines.push(String(chunk));
        done();
      },
    });
    const running = await startBot({ env: { NODE_ENV: 'test', PORT: '0', DATABASE_URL: temp.url }, logDestination: sink });
    try {
      const listening = lines.map((l) => JSON.parse(l) as { msg: string; host?: string }).find((l) => l.msg === 'desk bot listening');
      expect(listening?.host).toBe('127.0.0.1');
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${running.url}/api/messages`, { method: 'POST', body: '{}' })).status).toBe(404);
    } finally {
      await running.stop();
      temp.cleanup();
    }
  });
});

describe('Teams without authentication, opted in for local use', () => {
  it('warns loudly at start, and refuses an activity whose service URL is not loopback: 401, nothing stored, nothing sent', async () => {
    teams = await startTeamsHarness();
    expect(teams.logs()).toContain('accepts UNAUTHENTICATED requests (TEAMS_ALLOW_UNAUTHENTICATED=1)');
    for (const serviceUrl of [
      'https://attacker.example/',
      'http://127.0.0.1.attacker.example/',
      'https://smba.trafficmanager.net/jp/',
      'file:///etc/passwd',
    ]) {
      const activity = { ...teams.activity('message', { user: 'mallory', text: 'role list' }), serviceUrl };
      expect((await teams.post(activity)).status, serviceUrl).toBe(401);
    }
    expect(teams.connector.calls).toHaveLength(0);
    expect(await stored(teams)).toEqual({ people: 0, requests: 0, outbox: 0, flows: 0 });
    expect(teams.logs()).toContain('Teams: request refused, service URL not allowed');
    // The loopback connector is accepted.
    expect((await teams.message('help', { user: 'alice' })).status).toBe(200);
  });

  it('never renames anyone from an unauthenticated request', async () => {
    teams = await startTeamsHarness();
    await teams.message('help', { user: 'alice' });
    const renamed = teams.activity('message', { user: 'alice', text: 'whoami' });
    const exchange = await teams.post({ ...renamed, from: { id: '29:alice', name: 'JETRO 事務局', aadObjectId: 'aad-alice' } });
    expect(exchange.text).toContain('名前: alice');
    expect((await directServices(teams.running).people.findByIdentityKey(teams.identityKey('alice')))!.displayName).toBe('alice');
  });
});

describe('Teams with authentication', () => {
  it('never calls a service URL off the allow-list, even with a valid token for it: 403, nothing stored', async () => {
    teams = await startTeamsHarness({ appId });
    forged = await FakeBotConnector.start();
    // A token the issuer really signed for the forged URL: only the allow-list stands in the way.
    const activity = { ...teams.activity('message', { user: 'mallory', text: 'help', expectReplies: false }), serviceUrl: forged.url };
    const exchange = await teams.post(activity);
    expect(exchange.status).toBe(403);
    expect(forged.calls).toHaveLength(0);
    expect(await stored(teams)).toEqual({ people: 0, requests: 0, outbox: 0, flows: 0 });
  });

  it('keeps a notification whose stored address names a forged service URL in the outbox, never calling it', async () => {
    teams = await startTeamsHarness({ appId });
    forged = await FakeBotConnector.start();
    await teams.message('help', { user: 'bob' });
    const bob = (await directServices(teams.running).people.findByIdentityKey(teams.identityKey('bob')))!;
    // An address from before the allow-list (or written by someone with database access) pointing elsewhere.
    const address = {
      v: 1,
      kind: 'conversation',
      reference: {
        channelId: 'msteams',
        serviceUrl: forged.url,
        conversation: { id: 'a:personal-bob' },
        bot: { id: '28:desk-bot' },
        user: { id: '29:bob' },
      },
    };
    await directServices(teams.running).people.saveAddress(teams.identityKey('bob'), JSON.stringify(address));
    await directServices(teams.running).notifier.notify(bob.id, () => [{ kind: 'text', text: 'a notification' }]);
    await teams.running.dispatcher.idle();
    expect(forged.calls).toHaveLength(0);
    const row = await teams.running.db.prisma.outbox.findFirstOrThrow({ where: { personId: bob.id } });
    expect(row.sentAt).toBeNull();
    expect(row.lastError).toContain('Teams service URL not allowed');
  });

  it('takes display names from authenticated requests', async () => {
    teams = await startTeamsHarness({ appId });
    await teams.message('help', { user: 'carol' });
    const renamed = teams.activity('message', { user: 'carol', text: 'help' });
    await teams.post({ ...renamed, from: { id: '29:carol', name: 'Carol Tanaka', aadObjectId: 'aad-carol' } });
    expect((await directServices(teams.running).people.findByIdentityKey(teams.identityKey('carol')))!.displayName).toBe('Carol Tanaka');
  });
});
