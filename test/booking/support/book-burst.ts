/**
 * A second bot instance for the booking race: its own connection to the database file, trying to book every
 * given slot at once for one engagement, each attempt a unit of work of its own (run again when the database
 * is busy, as the bot runs a turn again), printing each outcome (`ok` or the refusal code) as JSON.
 * Usage: tsx book-burst.ts <databaseUrl> <slotIds comma-separated> <applicationId> <applicantId>
 */
import { createAppUnitOfWork } from '../../../src/app/create-services.ts';
import { systemClock } from '../../../src/core/clock.ts';
import { isTransientStorageError } from '../../../src/core/transient-error.ts';
import { openDatabase } from '../../../src/db/open-database.ts';
import { loadProgram } from '../../../src/program/load-program.ts';

const [url, slotIds, applicationId, applicantId] = process.argv.slice(2);
const db = await openDatabase(url!);
const log = { debug() {}, info() {}, warn() {}, error() {} };
const uow = createAppUnitOfWork(db.prisma, {
  program: loadProgram('fy2021'),
  clock: systemClock,
  log,
  flowTtlHours: 72,
  provider: db.provider,
  sqlite: db.sqlite,
});

async function book(slotId: number) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await uow.run(({ bookings }) =>
        bookings.book({
          slotId,
          applicationId: Number(applicationId),
          applicantId: Number(applicantId),
          kind: 'consultation',
          menu: 'A1',
          language: 'ja',
          estimateMinutes: 60,
          createdAt: new Date('2021-09-01T01:00:00Z'),
        }),
      );
    } catch (e) {
      if (!isTransientStorageError(e) || attempt >= 10) throw e;
      await new Promise((resolve) => setTimeout(resolve, attempt * 10 + Math.random() * 20));
    }
  }
}

try {
  const results = await Promise.all(slotIds!.split(',').map((slotId) => book(Number(slotId))));
  process.stdout.write(JSON.stringify(results.map((r) => (r.ok ? 'ok' : r.code))));
} finally {
  await db.close();
}
