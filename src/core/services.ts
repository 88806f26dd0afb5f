/**
 * Everything the core and the features need from outside, for one unit of work: the repositories are bound
 * to its transaction (see unit-of-work.ts); the program, the clock, the log and the settings are shared.
 * Built by the composition root (src/app) for each transaction.
 */
import type { Program } from '../program/program-schema.ts';
import type { Clock } from './clock.ts';
import type {
  AuditLog,
  ConversationStateRepository,
  Logger,
  OutboxRepository,
  PeopleRepository,
  RequestLog,
  ShownChoicesRepository,
} from './ports.ts';
import type { Notifier } from './notifier.ts';
import type { HeldFileRepository } from './held-files.ts';
import type { ApplicationRepository } from '../applications/application-repository.ts';
import type { StaffReports } from '../staff/staff-reports.ts';
import type { SlotRepository } from '../booking/slot-repository.ts';
import type { BookingRepository } from '../booking/booking-repository.ts';
import type { HourLedgerRepository } from '../hours/hour-ledger-repository.ts';
import type { MembershipRepository } from '../membership/membership-repository.ts';

export interface Services {
  program: Program;
  clock: Clock;
  log: Logger;
  settings: {
    flowTtlHours: number;
    /** Shared conversations where restricted answers are shown to everyone: staff teams' own channels (see privacy.ts). */
    staffChannels: readonly string[];
  };
  people: PeopleRepository;
  conversations: ConversationStateRepository;
  requests: RequestLog;
  audit: AuditLog;
  outbox: OutboxRepository;
  /** The choices last shown where they are picked by number (the terminal). */
  shownChoices: ShownChoicesRepository;
  notifier: Notifier;
  /** Files offered to people, kept until they take them (see held-files.ts). */
  heldFiles: HeldFileRepository;
  applications: ApplicationRepository;
  // Feature repositories are added below, one line each.
  staffReports: StaffReports;
  slots: SlotRepository;
  bookings: BookingRepository;
  hours: HourLedgerRepository;
  memberships: MembershipRepository;
}
