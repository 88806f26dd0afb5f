/** The composition root of the core: repositories from src/db behind the core's ports, bound to a transaction. */
import type { Program } from '../program/program-schema.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/ports.ts';
import type { Services } from '../core/services.ts';
import type { CommitHooks, UnitOfWork } from '../core/unit-of-work.ts';
import { createNotifier } from '../core/notifier.ts';
import type { Provider } from '../db/migrate.ts';
import type { Db, PrismaClient } from '../db/prisma-client.ts';
import { createUnitOfWork } from '../db/prisma-unit-of-work.ts';
import { serializerFor } from '../db/serialize.ts';
import { rawSql } from '../db/raw-sql.ts';
import type { SqliteConnection } from '../db/sqlite-connection.ts';
import { FlowStates } from '../db/flow-states.ts';
import { createPeopleRepository } from '../db/people-repository.ts';
import { createConversationStateRepository } from '../db/conversation-state-repository.ts';
import { createRequestLog } from '../db/request-log.ts';
import { createAuditLog } from '../db/audit-log.ts';
import { createOutboxRepository } from '../db/outbox-repository.ts';
import { createShownChoicesRepository } from '../db/shown-choices-repository.ts';
import { createApplicationRepository } from '../db/application-repository.ts';
import { createStaffReports } from '../db/staff-reports-repository.ts';
import { createSlotRepository } from '../db/slot-repository.ts';
import { createBookingRepository } from '../db/booking-repository.ts';
import { createHourLedgerRepository } from '../db/hour-ledger-repository.ts';
import { createMembershipRepository } from '../db/membership-repository.ts';
import { createHeldFileRepository } from '../db/held-file-repository.ts';

export interface ServiceDeps {
  program: Program;
  clock: Clock;
  log: Logger;
  flowTtlHours: number;
  /** Conversation keys where restricted answers are shown to everyone (STAFF_CHANNELS); default none. */
  staffChannels?: readonly string[];
  provider: Provider;
  /** On SQLite, the connection hand-written SQL goes to directly (see src/db/raw-sql.ts). */
  sqlite?: SqliteConnection;
  /** Called once a transaction that queued a notification committed, so delivery starts at once. */
  onNotification?: () => void;
}

/**
 * The services of one unit of work, every repository bound to its transaction (`db`). `inTransaction`
 * false: repositories on the client itself (tests and scripts reading or seeding between turns), which
 * keep nothing they read.
 */
export function createServices(db: Db, hooks: CommitHooks, deps: ServiceDeps, inTransaction = true): Services {
  const { program, clock, log } = deps;
  const serialize = serializerFor(db, deps.provider);
  const sql = rawSql(db, deps.sqlite);
  const flowStates = new FlowStates(inTransaction);
  const people = createPeopleRepository(db);
  const outbox = createOutboxRepository(db, sql);
  const heldFiles = createHeldFileRepository(db);
  const onNotification = deps.onNotification;
  return {
    program,
    clock,
    log,
    settings: { flowTtlHours: deps.flowTtlHours, staffChannels: deps.staffChannels ?? [] },
    people,
    conversations: createConversationStateRepository(db, sql, flowStates),
    requests: createRequestLog(db, sql, flowStates),
    audit: createAuditLog(sql, clock),
    outbox,
    shownChoices: createShownChoicesRepository(db),
    notifier: createNotifier({ people, outbox, heldFiles, clock, onEnqueued: onNotification && (() => hooks.afterCommit(onNotification)) }),
    heldFiles,
    applications: createApplicationRepository(db, sql, serialize),
    // Feature repositories are added below, one line each.
    staffReports: createStaffReports(db),
    slots: createSlotRepository(db, serialize),
    bookings: createBookingRepository(db),
    hours: createHourLedgerRepository(db, sql),
    memberships: createMembershipRepository(db),
  };
}

/** The app's unit of work: each run gets the services of one transaction. */
export function createAppUnitOfWork(prisma: PrismaClient, deps: ServiceDeps): UnitOfWork<Services> {
  return createUnitOfWork(prisma, (db, hooks) => createServices(db, hooks, deps), deps.log);
}
