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
import { createSqliteUnitOfWork } from '../db/sqlite-unit-of-work.ts';
import { serializerFor } from '../db/serialize.ts';
import { rawSql, type RawSql } from '../db/raw-sql.ts';
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
export function createServices(
  db: Db,
  hooks: CommitHooks,
  deps: ServiceDeps,
  inTransaction = true,
  sql: RawSql = rawSql(db, deps.sqlite),
): AppServices {
  return new TransactionServices(db, sql, hooks, deps, new FlowStates(inTransaction));
}

/**
 * Each repository is built when a turn first uses it: a turn uses a few of them, and building all of them
 * for every transaction was a fair share of a busy turn's garbage. One getter each, memoized.
 */
class TransactionServices implements AppServices {
  readonly program: Program;
  readonly clock: Clock;
  readonly log: Logger;
  readonly settings: AppServices['settings'];
  #people?: AppServices['people'];
  #conversations?: AppServices['conversations'];
  #requests?: AppServices['requests'];
  #audit?: AppServices['audit'];
  #outbox?: AppServices['outbox'];
  #shownChoices?: AppServices['shownChoices'];
  #notifier?: AppServices['notifier'];
  #heldFiles?: AppServices['heldFiles'];
  #applications?: AppServices['applications'];
  #staffReports?: AppServices['staffReports'];
  #slots?: AppServices['slots'];
  #bookings?: AppServices['bookings'];
  #hours?: AppServices['hours'];
  #memberships?: AppServices['memberships'];

  constructor(
    private readonly db: Db,
    private readonly sql: RawSql,
    private readonly hooks: CommitHooks,
    private readonly deps: ServiceDeps,
    private readonly flowStates: FlowStates,
  ) {
    this.program = deps.program;
    this.clock = deps.clock;
    this.log = deps.log;
    this.settings = { flowTtlHours: deps.flowTtlHours, staffChannels: deps.staffChannels ?? [] };
  }

  get people() {
    if (!this.#people) this.#people = createPrismaPeople(this.db);
    return this.#people;
  }
  get conversations() {
    if (!this.#conversations) this.#conversations = createPrismaConversationStates(this.db, this.sql, this.flowStates);
    return this.#conversations;
  }
  get requests() {
    if (!this.#requests) this.#requests = createPrismaRequestLog(this.db, this.sql, this.flowStates);
    return this.#requests;
  }
  get audit() {
    if (!this.#audit) this.#audit = createPrismaAuditLog(this.sql, this.clock);
    return this.#audit;
  }
  get outbox() {
    if (!this.#outbox) this.#outbox = createPrismaOutbox(this.db, this.sql);
    return this.#outbox;
  }
  get shownChoices() {
    if (!this.#shownChoices) this.#shownChoices = createPrismaShownChoices(this.db);
    return this.#shownChoices;
  }
  get heldFiles() {
    if (!this.#heldFiles) this.#heldFiles = createPrismaHeldFiles(this.db);
    return this.#heldFiles;
  }
  get notifier() {
    if (!this.#notifier) {
      const { onNotification } = this.deps;
      this.#notifier = createNotifier({
        people: this.people,
        outbox: this.outbox,
        heldFiles: this.heldFiles,
        clock: this.clock,
        onEnqueued: onNotification && (() => this.hooks.afterCommit(onNotification)),
      });
    }
    return this.#notifier;
  }
  // The features' ports (see features.ts), one getter each.
  get applications() {
    if (!this.#applications) this.#applications = createPrismaApplications(this.db, this.sql, this.serialize());
    return this.#applications;
  }
  get staffReports() {
    if (!this.#staffReports) this.#staffReports = createPrismaStaffReports(this.db);
    return this.#staffReports;
  }
  get slots() {
    if (!this.#slots) this.#slots = createPrismaSlots(this.db, this.serialize());
    return this.#slots;
  }
  get bookings() {
    if (!this.#bookings) this.#bookings = createPrismaBookings(this.db);
    return this.#bookings;
  }
  get hours() {
    if (!this.#hours) this.#hours = createPrismaHourLedger(this.db, this.sql);
    return this.#hours;
  }
  get memberships() {
    if (!this.#memberships) this.#memberships = createPrismaMemberships(this.db);
    return this.#memberships;
  }

  private serialize() {
    return serializerFor(this.db, this.deps.provider);
  }
}

/** The app's unit of work: each run gets the services of one transaction. */
export function createAppUnitOfWork(prisma: PrismaClient, deps: ServiceDeps): UnitOfWork<AppServices> {
  if (deps.sqlite) {
    return createSqliteUnitOfWork(prisma, deps.sqlite, deps.log, (db, hooks, sql) => createServices(db, hooks, deps, true, sql));
  }
  return createUnitOfWork(prisma, (db, hooks) => createServices(db, hooks, deps), deps.log);
}
