/**
 * The cap holds under concurrency: 40 one-hour entries sent at once against a fresh 17-hour engagement end
 * with exactly 17 logged and 23 refused, through the whole bot and through two processes sharing the database
 * file (two bot instances).
 */
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { runTs } from '../support/run-process.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { engagement, usedMinutes } from './engagements.ts';

const logBurst = path.join(import.meta.dirname, 'support', 'log-burst.ts');
let tb: TestBot;
afterEach(() => tb.close());

describe('hours cap under concurrency', () => {
  it('accepts exactly 17 of 40 simultaneous one-hour entries from two experts through the bot', async () => {
    tb = await createTestBot({ now: '2021-09-01T03:00:00Z' });
    const appId = await engagement(tb, { company: 'Acme', country: 'th', experts: ['bob', 'kim'], capHours: 17 });

    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const user = i % 2 === 0 ? 'bob' : 'kim';
        return tb.handle({
          platform: 'console',
          identity: { key: `console:${user}`, userId: user },
          conversation: { key: `console:${user}`, isDirect: true },
          text: `hours 1 meeting ${i}`,
          idempotencyKey: `burst-${i}`,
        });
      }),
    );

    const logged = results.filter((r) => r.replies[0]?.kind === 'facts');
    const refused = results.filter((r) => r.replies[0]?.kind === 'error');
    expect(logged).toHaveLength(17);
    expect(refused).toHaveLength(23);
    for (const r of refused) expect(r.replies[0]).toMatchObject({ kind: 'error', code: 'over_cap' });
    expect(tb.textOf(refused[0]!.replies)).toContain('上限');

    expect(await tb.services.hours.sumMinutes(appId)).toBe(17 * 60);
    expect(await usedMinutes(tb, appId)).toBe(1020);
    expect(await tb.db.prisma.hourEntry.count({ where: { applicationId: appId } })).toBe(17);
  }, 60_000);

  it('holds across processes: two bot instances sharing the database log 20 entries each at once', async () => {
    tb = await createTestBot();
    const appId = await engagement(tb, { company: 'Acme', country: 'vn', experts: ['bob'], capHours: 17 });
    await tb.personId('bob');
    const burst = (prefix: string) => runTs(logBurst, [tb.databaseUrl, tb.clock.now().toISOString(), 'bob', '20', prefix]);
    const runs = await Promise.all([burst('a-'), burst('b-')]);
    const statuses = runs.flatMap((r) => {
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as string[];
    });
    expect(statuses.filter((s) => s === 'logged')).toHaveLength(17);
    expect(
      statuses.filter((s) => s === 'over_cap'),
      statuses.join(' '),
    ).toHaveLength(23);
    expect(await tb.services.hours.sumMinutes(appId)).toBe(1020);
    expect(await usedMinutes(tb, appId)).toBe(1020);
  }, 120_000);

  it('logs a request delivered five times at once once, and answers every delivery with the first answer', async () => {
    tb = await createTestBot();
    const appId = await engagement(tb, { company: 'Acme', country: 'vn', experts: ['bob'] });
    const input = {
      platform: 'console' as const,
      identity: { key: 'console:bob', userId: 'bob' },
      conversation: { key: 'console:bob', isDirect: true },
      text: 'hours 1.5 review NDA',
      idempotencyKey: 'same',
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => tb.handle(input)));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    const first = results.find((r) => !r.duplicate)!;
    for (const r of results) expect(r.replies).toEqual(first.replies);
    expect(await usedMinutes(tb, appId)).toBe(90);
    expect(await tb.db.prisma.hourEntry.count()).toBe(1);
  });

  it('gives a voided entry back once, however often it is voided', async () => {
    tb = await createTestBot();
    const appId = await engagement(tb, { company: 'Acme', country: 'vn', experts: ['bob'] });
    const expertId = await tb.personId('bob');
    const logged = await tb.uow.run((s) =>
      s.hours.log({
        applicationId: appId,
        expertId,
        expertName: 'bob',
        minutes: 120,
        category: 'review',
        note: 'NDA',
        workDate: '2021-09-01',
        at: new Date(),
      }),
    );
    if (logged.status !== 'logged') throw new Error(logged.status);
    const voids = await Promise.all(
      Array.from({ length: 4 }, () =>
        tb.uow.run((s) => s.hours.void({ entryId: logged.entry.id, voidedById: expertId, reason: 'x', at: new Date() })),
      ),
    );
    expect(voids.filter((v) => v.status === 'voided')).toHaveLength(1);
    expect(await usedMinutes(tb, appId)).toBe(0);
    expect(await tb.services.hours.sumMinutes(appId)).toBe(0);
  });
});
