// Unauthenticated Teams requests are for local use only: production refuses the opt-in, and refuses
// credentials that are half there, whichever way (without any, Teams is simply off: teams/fail-closed.test.ts).
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { startBot } from '../../src/app/start.ts';
import { teamsSettings } from '../../adapters/teams/teams-settings.ts';
import { createTeamsRuntime } from '../../adapters/teams/teams-runtime.ts';
import { tempDatabaseUrl } from '../support/temp-database.ts';

const appId = '11111111-2222-3333-4444-555555555555';
const teamsAuth = (env: Record<string, string>) => () => createTeamsRuntime(teamsSettings(loadConfig(env)));

describe('Teams configuration', () => {
  it('refuses to start in production with unauthenticated Teams requests allowed, naming the variable', async () => {
    const temp = tempDatabaseUrl();
    try {
      const start = startBot({ env: { NODE_ENV: 'production', PORT: '0', DATABASE_URL: temp.url, TEAMS_ALLOW_UNAUTHENTICATED: '1' } });
      await expect(start).rejects.toThrow(ConfigError);
      await expect(start).rejects.toThrow(/TEAMS_ALLOW_UNAUTHENTICATED: production refuses unauthenticated Teams requests/);
      // An app id without its secret is refused too (a managed identity has none).
      await expect(
        startBot({ env: { NODE_ENV: 'production', PORT: '0', DATABASE_URL: temp.url, MICROSOFT_APP_ID: appId } }),
      ).rejects.toThrow(/MICROSOFT_APP_PASSWORD/);
    } finally {
      temp.cleanup();
    }
  });

  it('refuses production with a managed identity but no app id', () => {
    expect(teamsAuth({ NODE_ENV: 'production', MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: 'tenant-1' })).toThrow(
      /MICROSOFT_APP_ID/,
    );
  });

  it('refuses a local token issuer in production', () => {
    const env = {
      NODE_ENV: 'production',
      MICROSOFT_APP_ID: appId,
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_OPENID_METADATA_URL: 'http://127.0.0.1:9/keys',
    };
    expect(teamsAuth(env)).toThrow(/MICROSOFT_OPENID_METADATA_URL/);
  });

  it('refuses a single-tenant bot without its tenant', () => {
    expect(teamsAuth({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TYPE: 'SingleTenant' })).toThrow(
      /MICROSOFT_APP_TENANT_ID/,
    );
  });

  it('refuses a managed identity with a password', () => {
    expect(
      teamsAuth({
        MICROSOFT_APP_ID: appId,
        MICROSOFT_APP_TYPE: 'UserAssignedMSI',
        MICROSOFT_APP_TENANT_ID: 't',
        MICROSOFT_APP_PASSWORD: 'x',
      }),
    ).toThrow(/MICROSOFT_APP_PASSWORD/);
  });

  it('accepts every registration kind it checks, and botbuilder builds each one', () => {
    const accepted: Record<string, string>[] = [
      { NODE_ENV: 'development' },
      { NODE_ENV: 'production', MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 'secret' },
      { NODE_ENV: 'production', MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TYPE: 'MultiTenant' },
      {
        NODE_ENV: 'production',
        MICROSOFT_APP_ID: appId,
        MICROSOFT_APP_PASSWORD: 'secret',
        MICROSOFT_APP_TYPE: 'SingleTenant',
        MICROSOFT_APP_TENANT_ID: 't',
      },
      { NODE_ENV: 'production', MICROSOFT_APP_ID: appId, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: 't' },
      {
        NODE_ENV: 'test',
        MICROSOFT_APP_ID: appId,
        MICROSOFT_APP_PASSWORD: 'secret',
        MICROSOFT_OPENID_METADATA_URL: 'http://127.0.0.1:9/openid',
      },
    ];
    for (const env of accepted) expect(teamsAuth(env), JSON.stringify(env)).not.toThrow();
    expect(teamsSettings(loadConfig(accepted[1]!)).appId).toBe(appId);
    expect(teamsSettings(loadConfig(accepted[0]!)).appId).toBeUndefined();
  });
});
