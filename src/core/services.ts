/**
 * Everything the core and the features need from outside, for one unit of work: the repositories are bound
 * to its transaction (see unit-of-work.ts); the program, the clock, the log and the settings are shared.
 * Built by the composition root (src/app) for each transaction.
 */
import type { Program } from '../program/program-schema.ts';
import type { Clock } from './clock.ts';
import type { AuditLog, ConversationStateRepository, Logger, OutboxRepository, PeopleRepository, RequestLog } from './ports.ts';
import type { Notifier } from './notifier.ts';
import type { ApplicationRepository } from '../applications/ports.ts';
import type { StaffReports } from '../staff/ports.ts';
import type { SlotRepository } from '../booking/slot-port.ts';
import type { BookingRepository } from '../booking/booking-port.ts';
import type { HourLedgerRepository } from '../hours/ports.ts';
import type { MembershipRepository } from '../membership/ports.ts';

export interface Services {
  program: Program;
  clock: Clock;
  log: Logger;
  settings: { flowTtlHours: number };
  people: PeopleRepository;
  conversations: ConversationStateRepository;
  requests: RequestLog;
  audit: AuditLog;
  outbox: OutboxRepository;
  notifier: Notifier;
  applications: ApplicationRepository;
  // Feature repositories are added below, one line each.
  staffReports: StaffReports;
  slots: SlotRepository;
  bookings: BookingRepository;
  hours: HourLedgerRepository;
  memberships: MembershipRepository;
}
