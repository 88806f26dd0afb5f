/** Notifications stay in the outbox until a platform accepts them, retried with backoff. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
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

describe('outbox: who delivers what', () => {
  const consoleOf = (key: string, delivered: string[]): ProactiveSender => ({
    platform: 'console',
    identityKey: key,
    send: async (_a, r) => void delivered.push(`${key}: ${tb.textOf(r)}`),
  });

  it('takes only messages for people its senders reach, and leaves the others untouched', async () => {
    const ann = await tb.personId('ann');
    const bob = await tb.personId('bob');
    await tb.services.people.saveAddress('console:ann', 'console:ann');
    await tb.services.people.saveAddress('console:bob', 'console:bob');
    await tb.services.notifier.notify(ann, () => [text('for ann')]);
    await tb.services.notifier.notify(bob, () => [text('for bob')]);

    // A process without any sender (the server with neither Slack nor Teams) takes nothing.
    const server = new OutboxDispatcher({ uow: tb.uow, clock: tb.clock, log: silent, senders: () => [] });
    server.kick();
    await server.idle();
    // Ann's chat reaches Ann only.
    const delivered: string[] = [];
    const annsChat = new OutboxDispatcher({
      uow: tb.uow,
      clock: tb.clock,
      log: silent,
      senders: () => [consoleOf('console:ann', delivered)],
    });
    annsChat.kick();
    await annsChat.idle();
    expect(delivered).toEqual(['console:ann: for ann']);
    const bobs = await tb.db.prisma.outbox.findFirstOrThrow({ where: { personId: bob } });
    expect(bobs).toMatchObject({ attempts: 0, lastError: null, sentAt: null, dueAt: null });

    // Bob's next chat gets his at once.
    const bobsChat = new OutboxDispatcher({
      uow: tb.uow,
      clock: tb.clock,
      log: silent,
      senders: () => [consoleOf('console:bob', delivered)],
    });
    bobsChat.kick();
    await bobsChat.idle();
    expect(delivered).toEqual(['console:ann: for ann', 'console:bob: for bob']);
  });

  it('delivers a notice at once under any clock, a reminder once the delivering clock reaches it', async () => {
    const ann = await tb.personId('ann');
    await tb.services.people.saveAddress('console:ann', 'console:ann');
    // Queued by a process whose clock is years ahead of the one that delivers.
    tb.clock.set(new Date('2026-12-03T00:00:00Z'));
    await tb.services.notifier.notify(ann, () => [text('adopted')]);
    await tb.services.notifier.notify(ann, () => [text('reminder')], { dueAt: new Date('2021-09-14T07:00:00Z'), dedupeKey: 'r' });
    const pinned = new ManualClock(new Date('2021-09-01T01:00:00Z'));
    const delivered: string[] = [];
    const chat = new OutboxDispatcher({ uow: tb.uow, clock: pinned, log: silent, senders: () => [consoleOf('console:ann', delivered)] });
    chat.kick();
    await chat.idle();
    expect(delivered).toEqual(['console:ann: adopted']);
    pinned.set(new Date('2021-09-14T07:00:00Z'));
    chat.kick();
    await chat.idle();
    expect(delivered).toEqual(['console:ann: adopted', 'console:ann: reminder']);
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
    await tb.services.people.saveAddress('console:ann', 'addr-ann');
    await tb.uow.run((s) => s.notifier.notify(id, () => [text('hello')]));
    const reach = [{ platform: 'console' as const }];
    const [slow] = await tb.uow.run((s) => s.outbox.claimDue(tb.clock.now(), new Date(tb.clock.now().getTime() + 60_000), 10, reach));
    // The first delivery takes longer than its lease: another instance takes the message over.
    tb.clock.advanceMinutes(2);
    const [other] = await tb.uow.run((s) => s.outbox.claimDue(tb.clock.now(), new Date(tb.clock.now().getTime() + 60_000), 10, reach));
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
