// Unauthenticated Teams requests are for local use only: production refuses the opt-in, and refuses
// credentials that are half there, whichever way (without any, Teams is simply off: teams/fail-closed.test.ts).
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { startBot } from '../../src/app/start.ts';
import { teamsSettings } from '../../adapters/teams/teams-settings.ts';
import { createTeamsRuntime } from '../../adapters/teams/teams-runtime.ts';
import { allowList, defaultFileUploadAllowList } from '../../adapters/teams/service-url-policy.ts';
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

describe('where files may be uploaded (TEAMS_FILE_UPLOAD_ALLOWLIST)', () => {
  it('by default: OneDrive and SharePoint hosts of the public and sovereign clouds, over HTTPS, and nothing else', () => {
    const uploads = allowList(defaultFileUploadAllowList);
    for (const url of [
      'https://contoso-my.sharepoint.com/personal/alice/_api/v2.0/drive/items/1/uploadSession?guid=x',
      'https://agency-my.sharepoint.us/upload',
      'https://dod-my.sharepoint-mil.us/upload',
      'https://contoso-my.sharepoint.cn/upload',
    ])
      expect(uploads.allows(url), url).toBe(true);
    for (const url of [
      'http://contoso-my.sharepoint.com/upload',
      'https://sharepoint.com.evil.example/upload',
      'https://evilsharepoint.com/upload',
      'https://contoso-my.sharepoint.com:8443/upload',
      'https://user:pass@contoso-my.sharepoint.com/upload',
      'https://127.0.0.1/upload',
    ])
      expect(uploads.allows(url), url).toBe(false);
  });

  it('refuses a list that is not origins, and plain HTTP in production, naming the variable', () => {
    expect(() => loadConfig({ TEAMS_FILE_UPLOAD_ALLOWLIST: 'https://*.sharepoint.com/path' })).toThrow(/TEAMS_FILE_UPLOAD_ALLOWLIST/);
    expect(() => loadConfig({ NODE_ENV: 'production', TEAMS_FILE_UPLOAD_ALLOWLIST: 'http://files.example.com' })).toThrow(
      /TEAMS_FILE_UPLOAD_ALLOWLIST: production uploads files over HTTPS only/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', TEAMS_FILE_UPLOAD_ALLOWLIST: 'https://*.sharepoint.com, https://files.example.com' })
        .TEAMS_FILE_UPLOAD_ALLOWLIST,
    ).toEqual(['https://*.sharepoint.com', 'https://files.example.com']);
  });
});
