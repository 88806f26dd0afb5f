/**
 * One turn, one transaction, proven by breaking it: for each turn that changes something (log hours, undo,
 * void, book, cancel, reschedule, adopt, assign, close; for the irreversible ones, the click that confirms
 * them), a failure is forced at each of its statements in
 * turn, from the transaction's start to its commit. Every failed attempt leaves the database exactly as it
 * was (every table compared) and tells the person that something went wrong; the command sent again then
 * takes effect once, whether it comes again with the same key (a platform retry) or with a new one (the
 * person types it again), and a further delivery of it changes nothing.
 */
import { describe, expect, it } from 'vitest';
import type { InboundInput } from '../../src/core/inbound.ts';
import type { Reply } from '../../src/core/reply.ts';
import { bookableEngagement, addSlot } from '../booking/fixtures.ts';
import { engagement } from '../hours/engagements.ts';
import { dumpDatabase } from '../support/schema-models.ts';
import { FaultInjector } from '../support/fault-injector.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';

/** What a scenario prepares: the turn to break, and what it must have done once it went through. */
interface Prepared {
  /** The turn under test, with the idempotency key to send it with. */
  turn(key: string): InboundInput;
  /** Checks the effect of exactly one successful run. */
  effect(): Promise<void>;
}

type Scenario = (tb: TestBot) => Promise<Prepared>;

const typed =
  (user: string, text: string) =>
  (key: string): InboundInput => ({
    platform: 'console',
    identity: { key: `console:${user}`, userId: user, displayName: user },
    conversation: { key: `console:${user}`, isDirect: true },
    text,
    idempotencyKey: key,
  });

function clicked(tb: TestBot, user: string, replies: Reply[], label: string) {
  const choice = replies.flatMap((r) => (r.kind === 'choices' ? r.choices : [])).find((c) => c.label.includes(label));
  if (!choice) throw new Error(`no choice "${label}" in: ${tb.textOf(replies)}`);
  return (key: string): InboundInput => ({
    platform: 'console',
    identity: { key: `console:${user}`, userId: user, displayName: user },
    conversation: { key: `console:${user}`, isDirect: true },
    action: choice.value,
    idempotencyKey: key,
  });
}

const prisma = (tb: TestBot) => tb.db.prisma;

/** An adopted Thai engagement of Acme with expert bob, and bob's 2-hour entry on it when `logged`. */
async function withEntry(tb: TestBot, logged: boolean) {
  const app = await engagement(tb, { company: 'Acme', country: 'th', experts: ['bob'] });
  if (logged) await tb.say('bob', 'hours 2 review NDA');
  return app;
}

/** A bookable engagement of applicant aiko with expert somchai and two free slots. */
async function bookable(tb: TestBot) {
  const app = await bookableEngagement(tb, { company: 'Acme', country: 'th', applicant: 'aiko', experts: ['somchai'] });
  await addSlot(tb, 'somchai', '2021-09-15 14:00 1h consultation');
  await addSlot(tb, 'somchai', '2021-09-16 14:00 1h consultation');
  return app;
}

async function book(tb: TestBot, day: string): Promise<Reply[]> {
  let r = await tb.say('aiko', 'book');
  r = await tb.click('aiko', r, 'コンサルテーション');
  r = await tb.click('aiko', r, 'A1');
  return tb.click('aiko', r, day);
}

/** An application of Acme at `stage`, with staff alice and expert bob (Thailand). */
async function application(tb: TestBot, stage: 'screening' | 'adopted') {
  await tb.grant('alice', 'staff');
  await tb.grant('bob', 'expert', { country: 'th' });
  const app = await engagement(tb, { company: 'Acme', country: 'th', applicant: 'carol', status: stage });
  return app;
}

const scenarios: Record<string, Scenario> = {
  'hours logged': async (tb) => {
    const app = await withEntry(tb, false);
    return {
      turn: typed('bob', 'hours 2 review NDA'),
      effect: async () => {
        expect(await prisma(tb).hourEntry.count()).toBe(1);
        expect((await prisma(tb).application.findUniqueOrThrow({ where: { id: app } })).usedMinutes).toBe(120);
        expect(await prisma(tb).auditLog.count({ where: { action: 'hours.logged' } })).toBe(1);
      },
    };
  },
  'hours undone': async (tb) => {
    const app = await withEntry(tb, true);
    return {
      turn: typed('bob', 'hours undo'),
      effect: async () => {
        expect(await prisma(tb).hourEntry.count({ where: { voidedAt: { not: null } } })).toBe(1);
        expect((await prisma(tb).application.findUniqueOrThrow({ where: { id: app } })).usedMinutes).toBe(0);
        expect(await prisma(tb).auditLog.count({ where: { action: 'hours.voided' } })).toBe(1);
      },
    };
  },
  'hours voided by staff': async (tb) => {
    const app = await withEntry(tb, true);
    await tb.grant('alice', 'staff');
    const entry = await prisma(tb).hourEntry.findFirstOrThrow();
    const question = await tb.say('alice', `hours void ${entry.id} logged twice`);
    return {
      turn: clicked(tb, 'alice', question, '記録を取り消す'),
      effect: async () => {
        expect((await prisma(tb).hourEntry.findUniqueOrThrow({ where: { id: entry.id } })).voidReason).toBe('logged twice');
        expect((await prisma(tb).application.findUniqueOrThrow({ where: { id: app } })).usedMinutes).toBe(0);
        // The expert is told once.
        expect(await prisma(tb).outbox.count({ where: { personId: entry.expertId } })).toBe(1);
      },
    };
  },
  'slot booked': async (tb) => {
    const app = await bookable(tb);
    const summary = await book(tb, '9月15日');
    return {
      turn: clicked(tb, 'aiko', summary, '予約する'),
      effect: async () => {
        expect(await prisma(tb).booking.count({ where: { status: 'booked' } })).toBe(1);
        expect((await prisma(tb).application.findUniqueOrThrow({ where: { id: app } })).reservedMinutes).toBe(60);
        expect(await prisma(tb).slot.count({ where: { status: 'booked' } })).toBe(1);
        // The expert's notice and a reminder for each side, once.
        expect(await prisma(tb).outbox.count()).toBe(3);
      },
    };
  },
  'booking cancelled': async (tb) => {
    const app = await bookable(tb);
    await tb.click('aiko', await book(tb, '9月15日'), '予約する');
    const booking = await prisma(tb).booking.findFirstOrThrow();
    return {
      turn: typed('aiko', `bookings cancel ${booking.id}`),
      effect: async () => {
        expect((await prisma(tb).booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe('cancelled');
        expect((await prisma(tb).application.findUniqueOrThrow({ where: { id: app } })).reservedMinutes).toBe(0);
        expect(await prisma(tb).outbox.count({ where: { cancelledAt: { not: null } } })).toBe(2);
        expect(await prisma(tb).auditLog.count({ where: { action: 'booking.cancelled' } })).toBe(1);
      },
    };
  },
  'booking rescheduled': async (tb) => {
    await bookable(tb);
    await tb.click('aiko', await book(tb, '9月15日'), '予約する');
    const booking = await prisma(tb).booking.findFirstOrThrow();
    const slots = await tb.say('aiko', `bookings reschedule ${booking.id}`);
    const summary = await tb.click('aiko', slots, '9月16日');
    return {
      turn: clicked(tb, 'aiko', summary, 'この枠に変更する'),
      effect: async () => {
        const moved = await prisma(tb).booking.findUniqueOrThrow({ where: { id: booking.id } });
        expect(moved.slotId).not.toBe(booking.slotId);
        expect((await prisma(tb).slot.findUniqueOrThrow({ where: { id: booking.slotId } })).status).toBe('open');
        expect(await prisma(tb).auditLog.count({ where: { action: 'booking.rescheduled' } })).toBe(1);
      },
    };
  },
  'application adopted': async (tb) => {
    const app = await application(tb, 'screening');
    return {
      turn: typed('alice', `adopt ${app}`),
      effect: async () => {
        const adopted = await prisma(tb).application.findUniqueOrThrow({ where: { id: app } });
        expect(adopted.status).toBe('adopted');
        expect(adopted.capMinutes).toBe(17 * 60);
        expect(await prisma(tb).auditLog.count({ where: { action: { contains: 'adopt' } } })).toBe(1);
      },
    };
  },
  'expert assigned': async (tb) => {
    const app = await application(tb, 'adopted');
    return {
      turn: typed('alice', `assign ${app} console:bob`),
      effect: async () => {
        expect(await prisma(tb).assignment.count({ where: { applicationId: app, removedAt: null } })).toBe(1);
      },
    };
  },
  'support closed': async (tb) => {
    const app = await application(tb, 'adopted');
    const question = await tb.say('alice', `close ${app}`);
    return {
      turn: clicked(tb, 'alice', question, '支援を終了する'),
      effect: async () => {
        expect((await prisma(tb).application.findUniqueOrThrow({ where: { id: app } })).status).toBe('closed');
      },
    };
  },
};

/**
 * Breaks the turn at its 1st, 2nd… statement until it goes through; `keyFor(attempt)` gives each attempt's
 * idempotency key. Returns how many statements the turn ran.
 */
async function breakAtEveryStatement(scenario: Scenario, keyFor: (attempt: number) => string): Promise<number> {
  const faults = new FaultInjector();
  const tb = await createTestBot({ probe: faults });
  try {
    const prepared = await scenario(tb);
    const before = await dumpDatabase(tb.db.prisma);
    for (let n = 1; ; n++) {
      faults.arm(n);
      const result = await tb.handle(prepared.turn(keyFor(n)));
      faults.disarm();
      if (faults.failed === null) {
        // Past the last statement: this attempt went through, once.
        expect(result.duplicate).toBe(false);
        expect(result.replies.some((r) => r.kind === 'error' && r.code === 'unexpected')).toBe(false);
        await prepared.effect();
        const after = await dumpDatabase(tb.db.prisma);
        // Delivered again (a platform retry): answered the same, nothing changes.
        const again = await tb.handle(prepared.turn(keyFor(n)));
        expect(again.duplicate).toBe(true);
        expect(again.replies).toEqual(result.replies);
        expect(await dumpDatabase(tb.db.prisma)).toEqual(after);
        return n - 1;
      }
      expect(result.replies, `failure at statement ${n}: ${faults.failed}`).toMatchObject([{ kind: 'error', code: 'unexpected' }]);
      expect(await dumpDatabase(tb.db.prisma), `failure at statement ${n}: ${faults.failed}`).toEqual(before);
    }
  } finally {
    await tb.close();
  }
}

describe('a failure at any statement of a turn', { timeout: 120_000 }, () => {
  for (const [name, scenario] of Object.entries(scenarios)) {
    it(`${name}: leaves the database as it was; sent again with the same key, takes effect once`, async () => {
      const statements = await breakAtEveryStatement(scenario, () => 'same-key');
      // BEGIN, the work, COMMIT: every one of them was made to fail once.
      expect(statements).toBeGreaterThanOrEqual(4);
    });

    it(`${name}: typed again (a new key each time), takes effect once`, async () => {
      await breakAtEveryStatement(scenario, (attempt) => `new-key-${attempt}`);
    });
  }
});
