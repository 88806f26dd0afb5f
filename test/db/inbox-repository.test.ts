/**
 * The inbox repository on a real database (SQLite, or PostgreSQL under `npm run test:postgres`): a
 * redelivery is a duplicate; only pending requests whose lease ran out are taken over; two instances
 * (two connections) recovering at once never take the same request; handled requests are purged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInboxRepository } from '../../src/db/inbox-repository.ts';
import { openDatabase, type OpenDatabase } from '../../src/db/open-database.ts';
import { tempDatabaseUrl } from '../support/temp-database.ts';

const temp = tempDatabaseUrl();
let one: OpenDatabase;
let two: OpenDatabase;
beforeAll(async () => {
  one = await openDatabase(temp.url);
  two = await openDatabase(temp.url);
});
afterAll(async () => {
  await one.close();
  await two.close();
  temp.cleanup();
});

const t0 = new Date('2030-01-01T00:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('InboxRepository', () => {
  it('stores a request once, takes over only stale pending ones, each by one instance, and purges handled ones', async () => {
    const a = createInboxRepository(one.prisma);
    const b = createInboxRepository(two.prisma);
    expect(await a.accept('k0', 'slack', '{"kind":"command"}', at(120))).toBe('accepted');
    expect(await b.accept('k0', 'slack', '{"kind":"command"}', at(120))).toBe('duplicate');
    const stored = await one.prisma.inboxRequest.findUniqueOrThrow({ where: { key: 'k0' } });
    expect([stored.platform, stored.payload, stored.status, stored.attempts, stored.leaseUntil.toISOString(), stored.doneAt]).toEqual(['slack', '{"kind":"command"}', 'pending', 0, at(120).toISOString(), null]);
    expect(Math.abs(stored.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    for (let i = 1; i <= 40; i++) await a.accept(`k${i}`, 'slack', '{}', at(i % 2 === 0 ? 10 : 200));
    await a.accept('teams-1', 'teams', '{}', at(10));

    // Before any lease ran out: nothing to take.
    expect(await a.claimStale('slack', at(5), at(300), 100)).toEqual([]);

    // At 60 s the twenty even ones are stale; two instances recover at once, in small batches.
    const takeAll = async (repo: typeof a) => {
      const taken: string[] = [];
      for (;;) {
        const rows = await repo.claimStale('slack', at(60), at(180), 3);
        taken.push(...rows.map((r) => r.key));
        if (rows.length === 0) return taken;
      }
    };
    const [byA, byB] = await Promise.all([takeAll(a), takeAll(b)]);
    const taken = [...byA, ...byB];
    expect(new Set(taken).size).toBe(taken.length);
    expect(taken.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `k${(i + 1) * 2}`).sort());
    const row = await one.prisma.inboxRequest.findUniqueOrThrow({ where: { key: 'k2' } });
    expect([row.attempts, row.leaseUntil.toISOString(), row.status]).toEqual([1, at(180).toISOString(), 'pending']);

    // Done ones are never taken again; the others come back when their new lease runs out.
    await a.markDone('k2', at(61));
    const later = await a.claimStale('slack', at(250), at(400), 100);
    expect(later.map((r) => r.key)).not.toContain('k2');
    expect(later.map((r) => r.key)).toContain('k4');
    expect(later.find((r) => r.key === 'k4')!.attempts).toBe(2);

    // Purge: handled before the date only.
    await a.markDone('k4', at(300));
    expect(await a.purgeDoneBefore(at(100))).toBe(1);
    expect(await one.prisma.inboxRequest.findUnique({ where: { key: 'k2' } })).toBeNull();
    expect(await one.prisma.inboxRequest.findUnique({ where: { key: 'k4' } })).not.toBeNull();
  });

  it('stores the requests of one turn together: a key repeated among them is a duplicate, a stored one too; marks several done', async () => {
    const a = createInboxRepository(one.prisma);
    await a.accept('turn-0', 'slack', '{}', at(100));
    const outcomes = await Promise.all(['turn-1', 'turn-2', 'turn-1', 'turn-0', 'turn-3'].map((key) => a.accept(key, 'slack', `{"k":"${key}"}`, at(100))));
    expect(outcomes).toEqual(['accepted', 'accepted', 'duplicate', 'duplicate', 'accepted']);
    const rows = await one.prisma.inboxRequest.findMany({ where: { key: { startsWith: 'turn-' } }, orderBy: { key: 'asc' } });
    expect(rows.map((r) => [r.key, r.payload])).toEqual([['turn-0', '{}'], ['turn-1', '{"k":"turn-1"}'], ['turn-2', '{"k":"turn-2"}'], ['turn-3', '{"k":"turn-3"}']]);
    await Promise.all(['turn-1', 'turn-2', 'turn-2'].map((key) => a.markDone(key, at(110))));
    expect((await one.prisma.inboxRequest.findMany({ where: { status: 'done', key: { startsWith: 'turn-' } } })).map((r) => r.key).sort()).toEqual(['turn-1', 'turn-2']);
  });
});
