/**
 * A second bot instance for the concurrency test: opens its own connection to the database file and logs
 * `count` one-hour entries at once, printing each outcome's status as JSON.
 * Usage: tsx log-burst.ts <databaseUrl> <applicationId> <expertId> <count> <keyPrefix>
 */
import { createHourLedgerRepository } from '../../../src/db/hour-ledger-repository.ts';
import { createPrismaClient } from '../../../src/db/prisma-client.ts';

const [url, applicationId, expertId, count, prefix] = process.argv.slice(2);
const prisma = await createPrismaClient(url!);
const ledger = createHourLedgerRepository(prisma);
try {
  const results = await Promise.all(
    Array.from({ length: Number(count) }, (_, i) =>
      ledger.log({
        applicationId: Number(applicationId),
        expertId: Number(expertId),
        minutes: 60,
        category: 'meeting',
        note: `${prefix}${i}`,
        workDate: '2021-09-01',
        requestKey: `${prefix}${i}`,
        at: new Date('2021-09-01T03:00:00Z'),
      }),
    ),
  );
  process.stdout.write(JSON.stringify(results.map((r) => r.status)));
} finally {
  await prisma.$disconnect();
}
