/** The composition root of the core: repositories from src/db behind the core's ports. */
import type { Program } from '../program/program-schema.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/ports.ts';
import type { Services } from '../core/services.ts';
import { createNotifier } from '../core/notifier.ts';
import type { OpenDatabase } from '../db/open-database.ts';
import { createPeopleRepository } from '../db/people-repository.ts';
import { createConversationStateRepository } from '../db/conversation-state-repository.ts';
import { createProcessedRequestRepository } from '../db/processed-request-repository.ts';
import { createInboxRepository } from '../db/inbox-repository.ts';
import { createAuditLog } from '../db/audit-log.ts';
import { createOutboxRepository } from '../db/outbox-repository.ts';
import { createApplicationRepository } from '../db/application-repository.ts';
import { createStaffReports } from '../db/staff-reports-repository.ts';
import { createSlotRepository } from '../db/slot-repository.ts';
import { createBookingRepository } from '../db/booking-repository.ts';
import { createHourLedgerRepository } from '../db/hour-ledger-repository.ts';
import { createMembershipRepository } from '../db/membership-repository.ts';

export function createServices(deps: {
  db: OpenDatabase;
  program: Program;
  clock: Clock;
  log: Logger;
  flowTtlHours: number;
  /** How long a request may be in handling before it counts as abandoned (REQUEST_LEASE_SECONDS); default 2 minutes. */
  requestLeaseMs?: number;
  /** Called when a notification is queued, so delivery starts at once. */
  onNotification?: () => void;
}): Services {
  const { db, program, clock, log } = deps;
  const prisma = db.prisma;
  const people = createPeopleRepository(prisma);
  const outbox = createOutboxRepository(prisma);
  return {
    program,
    clock,
    log,
    settings: { flowTtlHours: deps.flowTtlHours },
    people,
    conversations: createConversationStateRepository(prisma),
    requests: createProcessedRequestRepository(prisma, { staleAfterMs: deps.requestLeaseMs }),
    inbox: createInboxRepository(prisma),
    audit: createAuditLog(prisma, clock),
    outbox,
    health: db.health,
    notifier: createNotifier({ people, outbox, clock, onEnqueued: deps.onNotification }),
    applications: createApplicationRepository(prisma),
    // Feature repositories are added below, one line each.
    staffReports: createStaffReports(prisma),
    slots: createSlotRepository(prisma),
    bookings: createBookingRepository(prisma),
    hours: createHourLedgerRepository(prisma),
    memberships: createMembershipRepository(prisma),
  };
}
