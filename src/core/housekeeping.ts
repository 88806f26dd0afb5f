/**
 * Periodic clean-up so tables that only grow stay small: request keys older than the retention (Slack and
 * Teams retry within minutes; a week is ample), flows that expired, and handled inbox requests (they hold
 * what people typed, so they go after a day). Safe on several instances at once.
 */
import type { Clock } from './clock.ts';
import type { ConversationStateRepository, InboxRepository, Logger, ProcessedRequestRepository } from './ports.ts';

export const requestKeyRetentionDays = 7;
export const inboxRetentionDays = 1;

export async function purgeOldRecords(deps: {
  requests: ProcessedRequestRepository;
  conversations: ConversationStateRepository;
  inbox: InboxRepository;
  clock: Clock;
}): Promise<{ requests: number; flows: number; inbox: number }> {
  const now = deps.clock.now();
  const requests = await deps.requests.purgeBefore(new Date(now.getTime() - requestKeyRetentionDays * 86_400_000));
  const flows = await deps.conversations.purgeExpired(now);
  const inbox = await deps.inbox.purgeDoneBefore(new Date(now.getTime() - inboxRetentionDays * 86_400_000));
  return { requests, flows, inbox };
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
