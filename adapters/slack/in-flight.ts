/**
 * Work that continues after Slack was acknowledged. Tracked so shutdown (and the tests) can wait for it,
 * and so a failure is logged instead of becoming an unhandled rejection.
 *
 * `queued` work runs at most `limit` at a time. The database calls are synchronous (better-sqlite3) and
 * chained by promises, so every command being handled competes, microtask by microtask, with reading and
 * acknowledging new requests: under a burst, acks waited for all the work in progress (seconds, past
 * Slack's 3-second limit; see README "Performance and resilience"). Queued work keeps acks prompt.
 */
import type { Logger } from '../../src/core/ports.ts';

/** Commands handled at once after their ack; more wait their turn (a few: the database serialises them anyway). */
export const maxConcurrentWork = 2;
/**
 * A job holding its slot longer than this gives it up and finishes unqueued: by then it waits on the
 * network (a slow or retried Slack call), not the processor, and must not stall the commands behind it.
 */
export const slotHoldMs = 1_000;

export class InFlight {
  private readonly pending = new Set<Promise<void>>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly log: Logger,
    private readonly limit = maxConcurrentWork,
  ) {}

  /** Like `run`, but waits for a free slot first (at most `limit` queued jobs run at once). */
  queued(what: string, work: () => Promise<void>): Promise<void> {
    return this.run(what, async () => {
      if (this.active < this.limit) this.active++;
      else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the slot is handed over
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        const next = this.waiting.shift();
        if (next) next();
        else this.active--;
      };
      const timer = setTimeout(release, slotHoldMs);
      try {
        await work();
      } finally {
        clearTimeout(timer);
        release();
      }
    });
  }

  /** Runs `work`, logging its failure under `what`; resolves when it is done (never rejects). */
  run(what: string, work: () => Promise<void>): Promise<void> {
    const done: Promise<void> = Promise.resolve()
      .then(work)
      .catch((e: unknown) => this.log.error({ err: e, what }, 'slack: work after ack failed'))
      .finally(() => this.pending.delete(done));
    this.pending.add(done);
    return done;
  }

  /** Resolves when nothing is running (work started meanwhile is waited for too). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
