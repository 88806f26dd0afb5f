/** Everything the core and the features need from outside, wired once by the composition root (src/app). */
import type { Program } from '../program/program-schema.ts';
import type { Clock } from './clock.ts';
import type {
  AuditLog,
  ConversationStateRepository,
  DatabaseHealth,
  InboxRepository,
  Logger,
  OutboxRepository,
  PeopleRepository,
  ProcessedRequestRepository,
} from './ports.ts';
import type { Notifier } from './notifier.ts';
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
  settings: { flowTtlHours: number };
  people: PeopleRepository;
  conversations: ConversationStateRepository;
  requests: ProcessedRequestRepository;
  /** Acknowledged platform requests kept until handled (adapters use it; see InboxRepository). */
  inbox: InboxRepository;
  audit: AuditLog;
  outbox: OutboxRepository;
  health: DatabaseHealth;
  notifier: Notifier;
  applications: ApplicationRepository;
  // Feature repositories are added below, one line each.
  staffReports: StaffReports;
  slots: SlotRepository;
  bookings: BookingRepository;
  hours: HourLedgerRepository;
  memberships: MembershipRepository;
}
