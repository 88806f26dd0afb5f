// With a Microsoft app id configured, every request must carry a Bot Framework token. The tokens here
// come from a local issuer (the fake connector's OpenID metadata and JWKS): no network. Replies are
// asked for in the response (deliveryMode expectReplies), because sending them to the connector would
// need a token from Microsoft Entra.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamsHarness, type TeamsHarness } from '../support/teams-harness.ts';
import { directServices } from '../support/direct-services.ts';

const appId = '11111111-2222-3333-4444-555555555555';
let teams: TeamsHarness;

beforeAll(async () => {
  teams = await startTeamsHarness({ appId });
});
afterAll(() => teams?.stop());

/** Why the last request was refused, as the server logged it. */
function lastRefusal(): string {
  const refusals = teams
    .logs()
    .split('\n')
    .filter((line) => line.includes('not authenticated'));
  return (JSON.parse(refusals.at(-1)!) as { reason: string }).reason;
}

async function nothingChanged(user: string): Promise<void> {
  expect(await directServices(teams.running).people.findByIdentityKey(teams.identityKey(user))).toBeNull();
  expect(await teams.running.db.prisma.processedRequest.count({ where: { key: { contains: `personal-${user}` } } })).toBe(0);
  expect(teams.connector.calls).toHaveLength(0);
}

describe('authenticated Teams requests', () => {
  it('refuses a request without a token with 401 and changes nothing', async () => {
    const refused = await teams.message('help', { user: 'nobody', authorization: null });
    expect(refused.status).toBe(401);
    expect(lastRefusal()).toContain('not authorized');
    expect(refused.replies).toHaveLength(0);
    await nothingChanged('nobody');
  });

  it('refuses a token signed by a key the issuer never published', async () => {
    const token = teams.connector.signToken({ appId, serviceUrl: teams.connector.url, signer: 'unknownKey' });
    expect((await teams.message('help', { user: 'forger', authorization: `Bearer ${token}` })).status).toBe(401);
    expect(lastRefusal()).toContain('Signing Key could not be retrieved');
    const sameKid = teams.connector.signToken({ appId, serviceUrl: teams.connector.url, signer: 'wrongKeySameKid' });
    expect((await teams.message('help', { user: 'forger', authorization: `Bearer ${sameKid}` })).status).toBe(401);
    expect(lastRefusal()).toContain('invalid signature');
    await nothingChanged('forger');
    // The refusal is logged with its reason, never with the token.
    expect(teams.logs()).not.toContain(sameKid.split('.')[2]);
  });

  it('refuses an expired token, a token for another bot, another issuer or another service URL', async () => {
    const url = teams.connector.url;
    const tokens = [
      teams.connector.signToken({ appId, serviceUrl: url, expiresIn: -3600 }),
      teams.connector.signToken({ appId: '99999999-2222-3333-4444-555555555555', serviceUrl: url }),
      teams.connector.signToken({ appId, serviceUrl: url, issuer: 'https://example.com' }),
      teams.connector.signToken({ appId, serviceUrl: 'https://smba.trafficmanager.net/jp/' }),
    ];
    for (const token of tokens)
      expect((await teams.message('help', { user: 'mallory', authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await teams.message('help', { user: 'mallory', authorization: 'Basic YWxpY2U6c2VjcmV0' })).status).toBe(401);
    await nothingChanged('mallory');
  });

  it('accepts a valid token from the issuer and answers in the response', async () => {
    const accepted = await teams.message('help', { user: 'alice' });
    expect(accepted.status).toBe(200);
    expect(accepted.text).toContain('使えるコマンド');
    // expectReplies: nothing was sent to the connector, so no outbound token was needed.
    expect(teams.connector.calls).toHaveLength(0);
    expect(await directServices(teams.running).people.findByIdentityKey(teams.identityKey('alice'))).not.toBeNull();
  });

  it('returns the stored replies again for a repeated expectReplies delivery, with one effect', async () => {
    const first = await teams.message('language en', { user: 'bea', id: 'repeat-1' });
    const again = await teams.message('language en', { user: 'bea', id: 'repeat-1' });
    expect(first.text).toBe('Language set to English.');
    expect(again.text).toBe('Language set to English.');
    expect(await teams.running.db.prisma.processedRequest.count({ where: { key: 'teams:a:personal-bea:repeat-1' } })).toBe(1);
  });
});

describe('single-tenant bot', () => {
  it('accepts a valid token for a SingleTenant registration', async () => {
    const single = await startTeamsHarness({ appId, env: { MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_TENANT_ID: 'tenant-1' } });
    try {
      const accepted = await single.message('help', { user: 'carl' });
      expect(accepted.status).toBe(200);
      expect(accepted.text).toContain('使えるコマンド');
      expect((await single.message('help', { user: 'carl', authorization: null })).status).toBe(401);
    } finally {
      await single.stop();
    }
  });
});
