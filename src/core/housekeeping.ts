/**
 * Periodic clean-up so tables that only grow stay small: request records older than the retention (Slack
 * and Teams retry within minutes; a week is ample), flows that expired and offered files that expired (see
 * held-files.ts). Safe on several instances at once.
 */
import type { Clock } from './clock.ts';
import type { HeldFileRepository } from './held-files.ts';
import type { ConversationStateRepository, Logger, RequestLog } from './ports.ts';
import type { UnitOfWork } from './unit-of-work.ts';

export const requestKeyRetentionDays = 7;

export async function purgeOldRecords(deps: {
  uow: UnitOfWork<{ requests: RequestLog; conversations: ConversationStateRepository; heldFiles: HeldFileRepository }>;
  clock: Clock;
}): Promise<{ requests: number; flows: number; files: number }> {
  const now = deps.clock.now();
  return deps.uow.run(async ({ requests, conversations, heldFiles }) => ({
    requests: await requests.purgeBefore(new Date(now.getTime() - requestKeyRetentionDays * 86_400_000)),
    flows: await conversations.purgeExpired(now),
    files: await heldFiles.purgeExpired(now),
  }));
}

/** Runs `purgeOldRecords` every `intervalMs` (default hourly); returns a stop function. */
export function scheduleHousekeeping(deps: Parameters<typeof purgeOldRecords>[0] & { log: Logger; intervalMs?: number }): () => void {
  const timer = setInterval(() => {
    purgeOldRecords(deps).then(
      (purged) => deps.log.debug(purged, 'housekeeping done'),
      (e: unknown) => deps.log.warn({ err: e }, 'housekeeping failed; will try again'),
    );
  }, deps.intervalMs ?? 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
