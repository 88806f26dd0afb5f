/**
 * Delivers outbox messages through the platform adapters. A message stays in the outbox until a platform
 * accepts it; failures are retried with exponential backoff, so a Slack or Teams outage loses nothing.
 * A process takes only messages for people its senders reach (the server: Slack and Teams users; a terminal
 * chat: its own user), so each message waits for a process that can deliver it instead of being postponed
 * by those that cannot.
 */
import type { Platform } from './inbound.ts';
import type { Clock } from './clock.ts';
import type { Logger, OutboxMessage, OutboxRepository, PeopleRepository } from './ports.ts';
import type { Reply } from './reply.ts';
import type { UnitOfWork } from './unit-of-work.ts';

/** Implemented by each adapter that can message a person proactively. */
export interface ProactiveSender {
  platform: Platform;
  /** `address` is what the adapter stored with `PeopleRepository.saveAddress`. Throws when delivery failed. */
  send(address: string, replies: Reply[]): Promise<void>;
  /** Set when the sender reaches this one identity only (a terminal chat reaches its own user); else every identity of its platform. */
  identityKey?: string;
  /** False for stored addresses this sender cannot use (e.g. one written in another format). */
  canReach?(address: string): boolean;
}

export interface OutboxDispatcherOptions {
  /** Each read and mark is a short transaction of its own; deliveries happen outside any transaction. */
  uow: UnitOfWork<{ outbox: OutboxRepository; people: PeopleRepository }>;
  clock: Clock;
  log: Logger;
  senders: () => ProactiveSender[];
  /** Polling interval for scheduled messages, ms. */
  intervalMs?: number;
  /** First retry delay, ms; doubles with each attempt up to `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
}

/** How long a delivery may take before another instance may take the message over. */
const leaseMs = 60_000;

export class OutboxDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(private readonly opts: OutboxDispatcherOptions) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), this.opts.intervalMs ?? 5_000);
    this.timer.unref();
    this.kick();
  }

  /** Runs a delivery pass now (coalesced when one is already running). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((e: unknown) => this.opts.log.error({ err: e }, 'outbox pass failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when no pass is running (for shutdown and tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.idle();
  }

  private async drain(): Promise<void> {
    const { uow, clock } = this.opts;
    const reach = this.opts.senders().map((s) => ({ platform: s.platform, identityKey: s.identityKey }));
    if (reach.length === 0) return;
    for (;;) {
      const now = clock.now();
      const batch = await uow.run(({ outbox }) => outbox.claimDue(now, new Date(now.getTime() + leaseMs), 20, reach));
      if (batch.length === 0) return;
      for (const message of batch) await this.deliver(message);
      if (batch.length < 20) return;
    }
  }

  private async deliver(message: OutboxMessage): Promise<void> {
    const { uow, clock, log } = this.opts;
    const senders = this.opts.senders();
    const senderFor = (a: { key: string; platform: string; address: string }) =>
      senders.find((s) => s.platform === a.platform && (s.identityKey ?? a.key) === a.key && (s.canReach?.(a.address) ?? true));
    const addresses = (await uow.run(({ people }) => people.addressesOf(message.personId))).filter((a) => senderFor(a));
    if (addresses.length === 0) {
      // Claimed for an address this process cannot use after all (one in a format the sender refuses): look
      // again in a minute, without growing backoff.
      await this.mark(message, ({ outbox }) =>
        outbox.markFailed(message, 'no reachable identity', new Date(clock.now().getTime() + 60_000)),
      );
      return;
    }
    try {
      for (const a of addresses) await senderFor(a)!.send(a.address, message.replies);
    } catch (e) {
      log.warn({ err: e, outboxId: message.id, attempts: message.attempts + 1 }, 'notification delivery failed; will retry');
      await this.mark(message, ({ outbox }) =>
        outbox.markFailed(message, e instanceof Error ? e.message : String(e), this.retryAt(message.attempts)),
      );
      return;
    }
    await this.mark(message, ({ outbox }) => outbox.markSent(message, clock.now()));
  }

  /** Marks a message; a lease that ran out (a delivery slower than the lease) is logged, the other delivery's mark stands. */
  private async mark(message: OutboxMessage, change: (scope: { outbox: OutboxRepository }) => Promise<boolean>): Promise<void> {
    if (!(await this.opts.uow.run(change)))
      this.opts.log.warn(
        { outboxId: message.id },
        'outbox lease ran out before the delivery was marked; another delivery took the message over',
      );
  }

  private retryAt(attempts: number, floorMs = 0): Date {
    const base = this.opts.baseBackoffMs ?? 2_000;
    const delay = Math.max(floorMs, Math.min(this.opts.maxBackoffMs ?? 600_000, base * 2 ** attempts));
    return new Date(this.opts.clock.now().getTime() + delay);
  }
}
