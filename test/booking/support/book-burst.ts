/**
 * A second bot instance for the booking race: opens its own connection to the database file and tries to
 * book every given slot at once for one engagement, printing each outcome (`ok` or the refusal code) as JSON.
 * Usage: tsx book-burst.ts <databaseUrl> <slotIds comma-separated> <applicationId> <applicantId>
 */
import { createBookingRepository } from '../../../src/db/booking-repository.ts';
import { createPrismaClient } from '../../../src/db/prisma-client.ts';

const [url, slotIds, applicationId, applicantId] = process.argv.slice(2);
const prisma = await createPrismaClient(url!);
const bookings = createBookingRepository(prisma);
try {
  const results = await Promise.all(
    slotIds!.split(',').map((slotId) =>
      bookings.book({
        slotId: Number(slotId),
        applicationId: Number(applicationId),
        applicantId: Number(applicantId),
        kind: 'consultation',
        menu: 'A1',
        language: 'ja',
        estimateMinutes: 60,
        createdAt: new Date('2021-09-01T01:00:00Z'),
      }),
    ),
  );
  process.stdout.write(JSON.stringify(results.map((r) => (r.ok ? 'ok' : r.code))));
} finally {
  await prisma.$disconnect();
}
