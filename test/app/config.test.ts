import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBe('file:./data/desk.db');
    expect(c.PROGRAM).toBe('fy2021');
    // Fail closed: loopback only, Teams not served without authentication.
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.TEAMS_ALLOW_UNAUTHENTICATED).toBe(false);
    expect(c.TEAMS_SERVICE_URL_ALLOWLIST).toBeUndefined();
  });

  it('reads the Teams opt-in and the service URL allow-list, and refuses an allow-list entry with a path', () => {
    expect(loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: '1' }).TEAMS_ALLOW_UNAUTHENTICATED).toBe(true);
    expect(
      loadConfig({ TEAMS_SERVICE_URL_ALLOWLIST: 'https://smba.trafficmanager.net, https://*.botframework.com' })
        .TEAMS_SERVICE_URL_ALLOWLIST,
    ).toEqual(['https://smba.trafficmanager.net', 'https://*.botframework.com']);
    expect(() => loadConfig({ TEAMS_SERVICE_URL_ALLOWLIST: 'https://evil.example/path' })).toThrow(
      /TEAMS_SERVICE_URL_ALLOWLIST: comma-separated origins/,
    );
    expect(() => loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'yes' })).toThrow(/TEAMS_ALLOW_UNAUTHENTICATED/);
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('reads STAFF_CHANNELS as conversation keys and refuses anything else', () => {
    expect(loadConfig({}).STAFF_CHANNELS).toEqual([]);
    expect(loadConfig({ STAFF_CHANNELS: 'slack:T1:C9, teams:tenant-1:19:staff@thread.tacv2,' }).STAFF_CHANNELS).toEqual([
      'slack:T1:C9',
      'teams:tenant-1:19:staff@thread.tacv2',
    ]);
    expect(() => loadConfig({ STAFF_CHANNELS: 'C9' })).toThrow(/STAFF_CHANNELS: comma-separated conversation keys/);
  });

  it('names the malformed variable and how to fix it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: use file:.*postgresql:/);
    expect(() => loadConfig({ BOT_NOW: 'yesterday' })).toThrow(/BOT_NOW/);
  });

  it('refuses a pinned clock and unauthenticated Teams requests in production', () => {
    const err = (() => {
      try {
        loadConfig({ NODE_ENV: 'production', BOT_NOW: '2021-09-01T00:00:00Z', TEAMS_ALLOW_UNAUTHENTICATED: '1' });
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(err).toMatch(/BOT_NOW: a pinned clock is for demos and tests only/);
    expect(err).toMatch(/TEAMS_ALLOW_UNAUTHENTICATED: production refuses unauthenticated Teams requests/);
    // Without Teams credentials production starts with Teams off (it is not served at all).
    expect(loadConfig({ NODE_ENV: 'production' }).MICROSOFT_APP_ID).toBeUndefined();
  });

  it('asks for the signing secret when only the Slack bot token is set', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
  });

  it('never puts a secret value in its error message', () => {
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'xoxb-very-secret', PORT: 'x' });
    } catch (e) {
      expect((e as Error).message).not.toContain('xoxb-very-secret');
    }
  });
});
