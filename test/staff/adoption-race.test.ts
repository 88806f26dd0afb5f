/**
 * The adoption target under concurrency: two bot instances (two processes on the same database: a SQLite
 * file, or PostgreSQL in the PostgreSQL run) adopting twelve applications at the same moment when two places
 * are left adopt exactly two, and the others are asked to confirm adopting past the target. "Count, then
 * adopt" is serialised across instances (src/db/serialize.ts); without that, PostgreSQL at Read Committed
 * lets both instances read the same count and adopt past the target (without it, this test adopts six).
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runTs } from '../support/run-process.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { engagement } from '../hours/engagements.ts';

const adoptBurst = path.join(import.meta.dirname, 'support', 'adopt-burst.ts');
let tb: TestBot;
afterEach(() => tb.close());

describe('the adoption target across instances', () => {
  it('adopts exactly as many as places are left when two instances adopt at once', async () => {
    tb = await createTestBot();
    await tb.grant('alice', 'staff');
    const target = tb.program.adoptionTarget;
    for (let i = 0; i < target - 2; i++) await engagement(tb, { company: `Adopted ${i}`, country: 'th' });
    const waiting: number[] = [];
    for (let i = 0; i < 12; i++) waiting.push(await engagement(tb, { company: `Waiting ${i}`, country: 'vn', status: 'screening' }));

    // Both processes start the race at the same moment, once both have started.
    const startAt = String(Date.now() + 6_000);
    const now = tb.clock.now().toISOString();
    const burst = (ids: number[]) => runTs(adoptBurst, [tb.databaseUrl, now, 'alice', ids.join(','), startAt]);
    const runs = await Promise.all([burst(waiting.slice(0, 6)), burst(waiting.slice(6))]);
    const outcomes = runs.flatMap((r) => {
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as string[];
    });

    expect(
      outcomes.filter((o) => o === 'adopted'),
      outcomes.join(' | '),
    ).toHaveLength(2);
    expect(
      outcomes.filter((o) => o === 'target'),
      outcomes.join(' | '),
    ).toHaveLength(10);
    expect(await tb.db.prisma.application.count({ where: { status: 'adopted' } })).toBe(target);
  }, 120_000);
});
