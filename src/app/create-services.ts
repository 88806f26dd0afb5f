/** The composition root of the core: repositories from src/db behind the core's ports, bound to a transaction. */
import type { Program } from '../program/program-schema.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/ports.ts';
import type { CoreServices } from '../core/services.ts';
import type { FeaturePorts } from './features.ts';
import type { CommitHooks, UnitOfWork } from '../core/unit-of-work.ts';
import { createNotifier } from '../core/notifier.ts';
import type { Provider } from '../db/migrate.ts';
import type { Db, PrismaClient } from '../db/prisma-client.ts';
import { createUnitOfWork } from '../db/prisma-unit-of-work.ts';
import { serializerFor } from '../db/serialize.ts';
import { rawSql } from '../db/raw-sql.ts';
import type { SqliteConnection } from '../db/sqlite-connection.ts';
import { FlowStates } from '../db/flow-states.ts';
import { createPrismaPeople } from '../db/prisma-people.ts';
import { createPrismaConversationStates } from '../db/prisma-conversation-states.ts';
import { createPrismaRequestLog } from '../db/prisma-request-log.ts';
import { createPrismaAuditLog } from '../db/prisma-audit-log.ts';
import { createPrismaOutbox } from '../db/prisma-outbox.ts';
import { createPrismaApplications } from '../db/prisma-applications.ts';
import { createPrismaStaffReports } from '../db/prisma-staff-reports.ts';
import { createPrismaSlots } from '../db/prisma-slots.ts';
import { createPrismaBookings } from '../db/prisma-bookings.ts';
import { createPrismaHourLedger } from '../db/prisma-hour-ledger.ts';
import { createPrismaMemberships } from '../db/prisma-memberships.ts';
import { createPrismaShownChoices } from '../db/prisma-shown-choices.ts';
import { createPrismaHeldFiles } from '../db/prisma-held-files.ts';

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

/** What a turn of the app sees: the core's services and every port its features need. */
export type AppServices = CoreServices & FeaturePorts;

/**
 * The services of one unit of work, every repository bound to its transaction (`db`). `inTransaction`
 * false: repositories on the client itself (tests and scripts reading or seeding between turns), which
 * keep nothing they read.
 */
export function createServices(db: Db, hooks: CommitHooks, deps: ServiceDeps, inTransaction = true): AppServices {
  const { program, clock, log } = deps;
  const serialize = serializerFor(db, deps.provider);
  const sql = rawSql(db, deps.sqlite);
  const flowStates = new FlowStates(inTransaction);
  const people = createPrismaPeople(db);
  const outbox = createPrismaOutbox(db, sql);
  const heldFiles = createPrismaHeldFiles(db);
  const onNotification = deps.onNotification;
  const core: CoreServices = {
    program,
    clock,
    log,
    settings: { flowTtlHours: deps.flowTtlHours, staffChannels: deps.staffChannels ?? [] },
    people,
    conversations: createPrismaConversationStates(db, sql, flowStates),
    requests: createPrismaRequestLog(db, sql, flowStates),
    audit: createPrismaAuditLog(sql, clock),
    outbox,
    shownChoices: createPrismaShownChoices(db),
    notifier: createNotifier({ people, outbox, heldFiles, clock, onEnqueued: onNotification && (() => hooks.afterCommit(onNotification)) }),
    heldFiles,
  };
  // The features' ports (see features.ts), one line each.
  const ports: FeaturePorts = {
    applications: createPrismaApplications(db, sql, serialize),
    staffReports: createPrismaStaffReports(db),
    slots: createPrismaSlots(db, serialize),
    bookings: createPrismaBookings(db),
    hours: createPrismaHourLedger(db, sql),
    memberships: createPrismaMemberships(db),
  };
  return { ...core, ...ports };
}

/** The app's unit of work: each run gets the services of one transaction. */
export function createAppUnitOfWork(prisma: PrismaClient, deps: ServiceDeps): UnitOfWork<AppServices> {
  return createUnitOfWork(prisma, (db, hooks) => createServices(db, hooks, deps), deps.log);
}
