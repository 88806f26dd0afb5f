/** Notifications stay in the outbox until a platform accepts them, retried with backoff. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxDispatcher, type ProactiveSender } from '../../src/core/outbox-dispatcher.ts';
import { text, type Reply } from '../../src/core/reply.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';

let tb: TestBot;
beforeEach(async () => {
  tb = await createTestBot();
});
afterEach(() => tb.close());

const silent = { debug() {}, info() {}, warn() {}, error() {} };

describe('outbox', () => {
  it('renders in the recipient language, retries a failing platform with backoff and delivers once', async () => {
    const id = await tb.personId('ann');
    await tb.services.people.setLocale(id, 'en');
    await tb.services.people.saveAddress('console:ann', 'addr-ann');
    const delivered: Reply[][] = [];
    let failures = 2;
    const sender: ProactiveSender = {
      platform: 'console',
      async send(_address, replies) {
        if (failures-- > 0) throw new Error('platform answered 500');
        delivered.push(replies);
      },
    };
    const dispatcher = new OutboxDispatcher({ uow: tb.uow, clock: tb.clock, log: silent, senders: () => [sender], baseBackoffMs: 1000 });
    await tb.services.notifier.notify(id, (t) => [text(t('core.flow.cancelled'))]);

    dispatcher.kick();
    await dispatcher.idle();
    expect(delivered).toHaveLength(0);
    const row = await tb.db.prisma.outbox.findFirstOrThrow();
    expect(row).toMatchObject({ attempts: 1, lastError: 'platform answered 500', sentAt: null });

    dispatcher.kick();
    await dispatcher.idle();
    expect(delivered).toHaveLength(0); // not due yet: backoff

    tb.clock.advanceMinutes(1);
    dispatcher.kick();
    await dispatcher.idle();
    expect((await tb.db.prisma.outbox.findFirstOrThrow()).attempts).toBe(2);

    tb.clock.advanceMinutes(1);
    dispatcher.kick();
    await dispatcher.idle();
    expect(delivered).toEqual([[{ kind: 'text', text: 'Cancelled. Type the command again to start over.' }]]);
    expect((await tb.db.prisma.outbox.findFirstOrThrow()).sentAt).not.toBeNull();

    tb.clock.advanceMinutes(60);
    dispatcher.kick();
    await dispatcher.idle();
    expect(delivered).toHaveLength(1);
  });

  it('keeps scheduled messages until due, and drops cancelled ones', async () => {
    const id = await tb.personId('ann');
    await tb.services.people.saveAddress('console:ann', 'addr-ann');
    const delivered: string[] = [];
    const dispatcher = new OutboxDispatcher({
      uow: tb.uow,
      clock: tb.clock,
      log: silent,
      senders: () => [{ platform: 'console', send: async (_a, r) => void delivered.push(tb.textOf(r)) }],
    });
    await tb.services.notifier.notify(id, () => [text('reminder A')], {
      dueAt: new Date(tb.clock.now().getTime() + 3_600_000),
      dedupeKey: 'a',
    });
    await tb.services.notifier.notify(id, () => [text('reminder B')], {
      dueAt: new Date(tb.clock.now().getTime() + 3_600_000),
      dedupeKey: 'b',
    });
    await tb.services.notifier.notify(id, () => [text('reminder A')], {
      dueAt: new Date(tb.clock.now().getTime() + 3_600_000),
      dedupeKey: 'a',
    });
    await tb.services.notifier.cancel('b');
    dispatcher.kick();
    await dispatcher.idle();
    expect(delivered).toEqual([]);
    tb.clock.advanceMinutes(61);
    dispatcher.kick();
    await dispatcher.idle();
    expect(delivered).toEqual(['reminder A']);
  });
});

describe('outbox: once means once', () => {
  it('does not send a message again when it is enqueued again under its key after it was sent', async () => {
    const id = await tb.personId('ann');
    await tb.services.people.saveAddress('console:ann', 'addr-ann');
    const delivered: string[] = [];
    const dispatcher = new OutboxDispatcher({
      uow: tb.uow,
      clock: tb.clock,
      log: silent,
      senders: () => [{ platform: 'console', send: async (_a, r) => void delivered.push(tb.textOf(r)) }],
    });
    const notifyOnce = () => tb.uow.run((s) => s.notifier.notify(id, () => [text('cap reached')], { dedupeKey: 'hours-cap:1:7' }));
    await notifyOnce();
    dispatcher.kick();
    await dispatcher.idle();
    expect(delivered).toEqual(['cap reached']);
    // The turn that queued it runs again (or a second delivery of its request): nothing new is queued.
    await notifyOnce();
    dispatcher.kick();
    await dispatcher.idle();
    expect(delivered).toEqual(['cap reached']);
    expect(await tb.db.prisma.outbox.count()).toBe(1);
  });

  it('lets only the delivery that holds the lease mark a message', async () => {
    const id = await tb.personId('ann');
    await tb.uow.run((s) => s.notifier.notify(id, () => [text('hello')]));
    const [slow] = await tb.uow.run((s) => s.outbox.claimDue(tb.clock.now(), new Date(tb.clock.now().getTime() + 60_000), 10));
    // The first delivery takes longer than its lease: another instance takes the message over.
    tb.clock.advanceMinutes(2);
    const [other] = await tb.uow.run((s) => s.outbox.claimDue(tb.clock.now(), new Date(tb.clock.now().getTime() + 60_000), 10));
    expect(other?.id).toBe(slow!.id);
    expect(await tb.uow.run((s) => s.outbox.markFailed(slow!, 'timeout', tb.clock.now()))).toBe(false);
    expect(await tb.uow.run((s) => s.outbox.markSent(other!, tb.clock.now()))).toBe(true);
    // The late first delivery cannot undo that.
    expect(await tb.uow.run((s) => s.outbox.markSent(slow!, tb.clock.now()))).toBe(false);
    expect(await tb.db.prisma.outbox.findFirstOrThrow()).toMatchObject({ attempts: 0, lastError: null });
    expect((await tb.db.prisma.outbox.findFirstOrThrow()).sentAt).not.toBeNull();
  });
});

describe('housekeeping', () => {
  it('forgets request keys older than the retention, flows and offered files that expired, and keeps the rest', async () => {
    const { purgeOldRecords, requestKeyRetentionDays } = await import('../../src/core/housekeeping.ts');
    await tb.db.prisma.processedRequest.create({
      data: { key: 'old', createdAt: new Date(tb.clock.now().getTime() - (requestKeyRetentionDays + 1) * 86_400_000) },
    });
    await tb.db.prisma.processedRequest.create({ data: { key: 'recent', createdAt: tb.clock.now() } });
    await tb.services.conversations.save('console:a', 'c', {
      flow: 'x',
      state: '{}',
      expiresAt: new Date(tb.clock.now().getTime() - 1000),
    });
    await tb.services.conversations.save('console:b', 'c', {
      flow: 'x',
      state: '{}',
      expiresAt: new Date(tb.clock.now().getTime() + 1000),
    });
    const now = tb.clock.now();
    const heldFile = (id: string, expiresAt: Date) => ({
      id,
      ownerId: 1,
      filename: 'f.csv',
      mimeType: 'text/csv',
      content: 'x',
      createdAt: now,
      expiresAt,
    });
    await tb.services.heldFiles.hold(heldFile('expired-file', new Date(now.getTime() - 1000)));
    await tb.services.heldFiles.hold(heldFile('current-file', new Date(now.getTime() + 1000)));
    expect(await purgeOldRecords({ uow: tb.uow, clock: tb.clock })).toEqual({ requests: 1, flows: 1, files: 1 });
    expect((await tb.db.prisma.processedRequest.findMany()).map((r) => r.key)).toEqual(['recent']);
    expect(await tb.services.conversations.get('console:b', 'c')).not.toBeNull();
    expect((await tb.db.prisma.heldFile.findMany()).map((f) => f.id)).toEqual(['current-file']);
  });
});
