/** Bolt's and the Web API client's log lines, sent to the bot's logger (pino, with secrets redacted). */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/core/ports.ts';

function line(parts: unknown[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      if (p instanceof Error) return p.message;
      try {
        return JSON.stringify(p);
      } catch {
        return String(p);
      }
    })
    .join(' ');
}

export function boltLogger(log: Logger): BoltLogger {
  return {
    debug: (...parts: unknown[]) => log.debug({ component: 'slack' }, line(parts)),
    info: (...parts: unknown[]) => log.info({ component: 'slack' }, line(parts)),
    warn: (...parts: unknown[]) => log.warn({ component: 'slack' }, line(parts)),
    error: (...parts: unknown[]) => log.error({ component: 'slack' }, line(parts)),
    // The level is pino's (LOG_LEVEL); Bolt's own setting is ignored.
    setLevel: () => undefined,
    getLevel: () => LogLevel.DEBUG,
    setName: () => undefined,
  };
}
