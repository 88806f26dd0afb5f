/** The clock is injected everywhere dates matter, so tests and demos can pin it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock pinned at `at` that advances with real time (so durations still pass in demos), or frozen. */
export function pinnedClock(at: Date, opts: { frozen?: boolean } = {}): Clock {
  const startedAt = Date.now();
  return { now: () => (opts.frozen ? new Date(at) : new Date(at.getTime() + (Date.now() - startedAt))) };
}

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
  set(at: Date): void {
    this.at = new Date(at);
  }
  advanceMinutes(minutes: number): void {
    this.at = new Date(this.at.getTime() + minutes * 60_000);
  }
}
