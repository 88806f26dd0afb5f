/**
 * Work that continues after Slack was acknowledged. Tracked so shutdown (and the tests) can wait for it,
 * and so a failure is logged instead of becoming an unhandled rejection.
 */
import type { Logger } from '../../src/core/ports.ts';

export class InFlight {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly log: Logger) {}

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
