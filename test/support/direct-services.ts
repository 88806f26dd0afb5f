/**
 * The services of a running bot on its database client itself, outside any transaction: for tests that
 * seed or inspect the database between requests (the bot's own work always goes through its unit of work).
 */
import { createServices } from '../../src/app/create-services.ts';
import type { RunningBot } from '../../src/app/start.ts';
import type { AppServices } from '../../src/app/create-services.ts';

/** Commit hooks for work outside a transaction: there is nothing to wait for. */
export const immediately = { afterCommit: (callback: () => void) => callback() };

export function directServices(running: RunningBot): AppServices {
  return createServices(
    running.db.prisma,
    immediately,
    {
      program: running.program,
      clock: running.clock,
      log: { debug() {}, info() {}, warn() {}, error() {} },
      flowTtlHours: running.config.FLOW_TTL_HOURS,
      provider: running.db.provider,
      sqlite: running.db.sqlite,
      onNotification: () => running.dispatcher.kick(),
    },
    false,
  );
}
