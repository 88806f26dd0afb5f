/**
 * The Slack side of the transactional inbox. A request is stored before Slack is acknowledged (the
 * requests that arrived in one turn of the event loop in one INSERT: src/db/inbox-repository.ts) and
 * marked done once handled and answered, so a process killed in between loses nothing: the restarted
 * process, or another instance, finds the request when its lease has run out and handles it the way a
 * fresh one is handled (the reply comes late, within the 30 minutes a response_url stays valid).
 *
 * Kept: slash commands, button clicks, direct messages and mentions. Not kept: App Home opened (read-only:
 * the next visit shows it again), events the bot ignores (its own messages, edits), and Slack's URL and SSL
 * checks (answered by the receiver before Bolt). Leases are in real time, not the business clock.
 */
import type { ReceiverEvent } from '@slack/bolt';
import { z } from 'zod';
import type { InboxRepository, InboxRow, Logger } from '../../src/core/ports.ts';
import type { InFlight } from './in-flight.ts';
import { actionKey, commandKey, eventKey } from './inbound-from-slack.ts';
import { actionIdPrefix } from './render-blocks.ts';
import { isPersonsDirectMessage, type Handled, type SlackDesk } from './slack-desk.ts';
import { blockActionsSchema, directMessageSchema, mentionSchema, slashCommandSchema } from './slack-payloads.ts';
import { slashCommands } from './slash-commands.ts';

export const inboxPlatform = 'slack';

/** The Bolt context property that carries a stored request's inbox key to its listener. */
const inboxKeyProperty = 'inboxKey';

/** What the inbox keeps of a request: enough to hand it to the desk again. */
export const storedRequestSchema = z.object({
  kind: z.enum(['command', 'click', 'message', 'mention']),
  body: z.record(z.string(), z.unknown()),
});
export type StoredRequest = z.infer<typeof storedRequestSchema>;

/** The request's key and what to store of it; undefined for requests the inbox does not keep. */
export function inboxEntryFor(body: Record<string, unknown>): { key: string; request: StoredRequest } | undefined {
  if (typeof body.command === 'string') {
    if (!slashCommands.some((s) => s.command === body.command)) return undefined;
    const cmd = slashCommandSchema.safeParse(body);
    return cmd.success ? { key: commandKey(cmd.data), request: { kind: 'command', body } } : undefined;
  }
  if (body.type === 'block_actions') {
    const click = blockActionsSchema.safeParse(body);
    if (!click.success || !click.data.actions[0]!.action_id.startsWith(actionIdPrefix)) return undefined;
    return { key: actionKey(click.data), request: { kind: 'click', body } };
  }
  if (body.type === 'event_callback') {
    const type = (body.event as { type?: unknown } | undefined)?.type;
    if (type === 'message') {
      const dm = directMessageSchema.safeParse(body);
      return dm.success && isPersonsDirectMessage(dm.data) ? { key: eventKey(dm.data), request: { kind: 'message', body } } : undefined;
    }
    if (type === 'app_mention') {
      const m = mentionSchema.safeParse(body);
      return m.success && !m.data.event.bot_id ? { key: eventKey(m.data), request: { kind: 'mention', body } } : undefined;
    }
  }
  return undefined;
}

export interface SlackInboxOptions {
  inbox: InboxRepository;
  desk: SlackDesk;
  work: InFlight;
  log: Logger;
  /** How long the instance that stored (or took over) a request has to finish it. */
  leaseMs: number;
  /** How often to look for abandoned requests; default a quarter of the lease, between 1 and 30 s. */
  recoverEveryMs?: number;
  /** Replays of one request before giving up on it (a reply Slack keeps refusing). */
  maxAttempts?: number;
  /** Real time in ms; injectable for tests. */
  nowMs?: () => number;
}

/** Requests taken over per query while recovering. */
const recoveryBatch = 50;

export class SlackInbox {
  /** Keys this process is handling now: a recovery leaves them alone even when their lease ran out (a long queue). */
  private readonly local = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;

  constructor(private readonly opts: SlackInboxOptions) {}

  /**
   * Stores the request before Slack is acknowledged. Returns the event to hand to Bolt, carrying the inbox
   * key in its context, or undefined for a request stored before (a redelivery), which is acknowledged here
   * and not handled again. When the database cannot store it, the request is handled from memory as before.
   */
  async admit(event: ReceiverEvent): Promise<ReceiverEvent | undefined> {
    const entry = inboxEntryFor(event.body);
    if (!entry) return event;
    const { inbox, log } = this.opts;
    try {
      const leaseUntil = new Date(this.now() + this.opts.leaseMs);
      if ((await inbox.accept(entry.key, inboxPlatform, JSON.stringify(entry.request), leaseUntil)) === 'duplicate') {
        log.info({ key: entry.key }, 'slack: request stored before (a redelivery), acknowledged only');
        await event.ack();
        return undefined;
      }
    } catch (e) {
      // Slack must be acknowledged whatever happens: the request is then only as safe as before the inbox.
      log.warn({ err: e, key: entry.key }, 'slack: could not store the request in the inbox; handling it from memory');
      return event;
    }
    this.local.add(entry.key);
    return { ...event, customProperties: { ...event.customProperties, [inboxKeyProperty]: entry.key } };
  }

  /** Bolt is done with the event (its listener finished, or none ran). */
  settled(event: ReceiverEvent): void {
    const key = event.customProperties?.[inboxKeyProperty];
    if (typeof key === 'string') this.local.delete(key);
  }

  /** Runs a listener's handling and marks its request done in the inbox, if it was stored there. */
  async handled(context: Record<string, unknown>, handle: () => Promise<Handled>): Promise<void> {
    const outcome = await handle();
    const key = context[inboxKeyProperty];
    if (typeof key === 'string' && outcome === 'done') await this.markDone(key);
  }

  /** Recovers at once, then every few seconds until stopped. */
  start(): void {
    void this.recoverNow();
    const every = this.opts.recoverEveryMs ?? Math.min(30_000, Math.max(1_000, this.opts.leaseMs / 4));
    this.timer = setInterval(() => void this.recoverNow(), every);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.pass;
  }

  /** One recovery pass (or the one under way): handles every abandoned request it can take. */
  recoverNow(): Promise<void> {
    this.pass ??= this.opts.work.run('inbox recovery', () => this.recover()).finally(() => (this.pass = undefined));
    return this.pass;
  }

  private async recover(): Promise<void> {
    for (;;) {
      let rows: InboxRow[];
      try {
        const now = this.now();
        rows = await this.opts.inbox.claimStale(inboxPlatform, new Date(now), new Date(now + this.opts.leaseMs), recoveryBatch);
      } catch (e) {
        this.opts.log.warn({ err: e }, 'slack: could not look for unhandled requests; will try again');
        return;
      }
      await Promise.all(rows.filter((r) => !this.local.has(r.key)).map((r) => this.replay(r)));
      if (rows.length < recoveryBatch) return;
    }
  }

  private async replay(row: InboxRow): Promise<void> {
    const { log } = this.opts;
    const stored = parseStored(row.payload);
    if (!stored) {
      log.error({ key: row.key }, 'slack: stored request not understood; dropped');
      return this.markDone(row.key);
    }
    if (row.attempts > (this.opts.maxAttempts ?? 5)) {
      log.error({ key: row.key, attempts: row.attempts }, 'slack: gave up on a stored request after repeated failures');
      return this.markDone(row.key);
    }
    this.local.add(row.key);
    try {
      log.info({ key: row.key, attempt: row.attempts, since: row.createdAt }, 'slack: handling a request left unhandled (crash or failure)');
      if ((await this.handleStored(stored)) === 'done') await this.markDone(row.key);
    } catch (e) {
      log.warn({ err: e, key: row.key }, 'slack: handling a stored request failed; it will be tried again');
    } finally {
      this.local.delete(row.key);
    }
  }

  /** The same desk handler a fresh request goes to, in replay mode. */
  private handleStored({ kind, body }: StoredRequest): Promise<Handled> {
    const { desk } = this.opts;
    const how = { replay: true };
    switch (kind) {
      case 'command': {
        const spec = slashCommands.find((s) => s.command === body.command);
        return spec ? desk.command(spec, body, how) : Promise.resolve('done');
      }
      case 'click':
        return desk.click(body, how);
      case 'message':
        return desk.directMessage(body, how);
      case 'mention':
        return desk.mention(body, how);
    }
  }

  private async markDone(key: string): Promise<void> {
    try {
      await this.opts.inbox.markDone(key, new Date(this.now()));
    } catch (e) {
      // Left pending: a recovery will send the stored replies again (a second copy rather than none).
      this.opts.log.warn({ err: e, key }, 'slack: could not mark a request done in the inbox');
    }
  }

  private now(): number {
    return (this.opts.nowMs ?? Date.now)();
  }
}

function parseStored(payload: string): StoredRequest | undefined {
  try {
    const parsed = storedRequestSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
