/**
 * What the core needs from outside, for one unit of work: its own ports, bound to the unit's transaction (see
 * unit-of-work.ts); the program, the clock, the log and the settings are shared. Features add the ports they
 * need on top (each declares them, see feature.ts `Feature<P>`); the composition root (src/app) builds the
 * whole scope for each transaction.
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

export interface CoreServices {
  /** The program definition: data the core and the features read (countries, caps, menus). */
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
}
