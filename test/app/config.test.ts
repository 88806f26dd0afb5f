import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBe('file:./data/desk.db');
    expect(c.PROGRAM).toBe('fy2021');
  });

  it('names the malformed variable and how to fix it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: use file:.*postgresql:/);
    expect(() => loadConfig({ BOT_NOW: 'yesterday' })).toThrow(/BOT_NOW/);
  });

  it('refuses a pinned clock and missing Teams credentials in production', () => {
    const err = (() => {
      try {
        loadConfig({ NODE_ENV: 'production', BOT_NOW: '2021-09-01T00:00:00Z' });
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(err).toMatch(/BOT_NOW: a pinned clock is for demos and tests only/);
    expect(err).toMatch(/MICROSOFT_APP_ID: production refuses unauthenticated Teams requests/);
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
