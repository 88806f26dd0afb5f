/**
 * Acknowledge first, handle in turn: how many requests the core handles at once after Slack's ack, and
 * when. The core's database calls are synchronous (better-sqlite3) and chained by promises, so a request
 * being handled holds the event loop until it is done; handled as soon as acknowledged, each new request
 * waited behind all the work before it and, under a burst of 2,000 commands from 50 senders, acks took
 * up to 11 s (p99; Slack gives up after 3 s and retries). Here handling starts only on the event loop's
 * "check" phase, after the server has read and acknowledged the requests that arrived, at most `limit`
 * at a time, first come first served. Only the core's handling is limited, not the delivery of replies,
 * so a slow Slack API never holds a turn. See README "Performance and resilience".
 */
/**
 * SQLite runs in this process and synchronously: handling two requests at once only interleaves them.
 * PostgreSQL queries wait on the network, so a few requests in flight overlap those waits.
 */
export function handlingLimitFor(databaseUrl: string): number {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? 4 : 1;
}

export class HandlingLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.limit) {
      this.active++;
      await new Promise<void>((resolve) => setImmediate(resolve));
    } else {
      await new Promise<void>((resolve) => this.waiting.push(resolve)); // the turn is handed over
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // On the next turn of the event loop, so that requests that arrived meanwhile are acknowledged first.
      if (next) setImmediate(next);
      else this.active--;
    }
  }
}
