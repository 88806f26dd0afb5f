/** Ports of the core: what it needs from storage and delivery. src/db and the adapters implement them. */
import type { PersonView, Role } from './roles.ts';
import type { Choice, Reply } from './reply.ts';
import type { Platform } from './inbound.ts';

export interface IdentityInput {
  key: string;
  platform: Platform;
  tenant: string;
  userId: string;
  displayName?: string;
  /**
   * True when nobody vouched for `displayName` (a mention's label, an unauthenticated request): it names a
   * person created now, or one without a name, and never replaces a stored name.
   */
  displayNameIsHint?: boolean;
  /** The platform's locale for a person created now (see `PersonView.platformLocale`). */
  platformLocale?: string;
}

export interface PeopleRepository {
  /** Creates the person behind a platform identity met for the first time (see `RequestLog.begin`). */
  create(identity: IdentityInput): Promise<PersonView>;
  /** Finds the person behind a platform identity, creating both on first contact (scripts and tests). */
  resolve(identity: IdentityInput): Promise<PersonView>;
  /** Stores the name the platform gives the person. */
  rename(personId: number, displayName: string): Promise<void>;
  findById(personId: number): Promise<PersonView | null>;
  findByIdentityKey(identityKey: string): Promise<PersonView | null>;
  setLocale(personId: number, locale: string | null): Promise<void>;
  /** Stores the locale the platform gives the person; callers write it only when it changed. */
  setPlatformLocale(personId: number, platformLocale: string): Promise<void>;
  /** Stores how to reach the identity proactively (platform-specific JSON); callers write it only when it changed. */
  saveAddress(identityKey: string, address: string): Promise<void>;
  /** Identities of a person with a stored address, for notifications. */
  addressesOf(personId: number): Promise<{ key: string; platform: Platform; address: string }[]>;
  grantRole(input: {
    personId: number;
    role: Role;
    country?: string;
    companyId?: number | null;
    grantedById?: number | null;
  }): Promise<void>;
  /** Revokes matching active grants; returns how many. */
  revokeRole(input: { personId: number; role: Role; country?: string }): Promise<number>;
  listWithRole(role: Role): Promise<PersonView[]>;
}

/** Where a person stands in a flow, per conversation. */
export interface StoredFlowState {
  flow: string;
  state: string;
  expiresAt: Date;
}

export interface ConversationStateRepository {
  get(identityKey: string, conversationKey: string): Promise<StoredFlowState | null>;
  save(identityKey: string, conversationKey: string, value: StoredFlowState): Promise<void>;
  delete(identityKey: string, conversationKey: string): Promise<void>;
  /** Removes flows that expired before `before`; returns how many. */
  purgeExpired(before: Date): Promise<number>;
}

/** What a turn starts from, read in one statement (see `RequestLog.begin`). */
export interface TurnStart {
  /** The replies given when this request was handled before (a platform retry, a repeated delivery), else null. */
  replayed: Reply[] | null;
  /** The person behind the identity; null on first contact. */
  person: PersonView | null;
  /** The identity's stored proactive address (see `PeopleRepository.saveAddress`). */
  address: string | null;
}

/**
 * Handled requests, so that a platform retry or a repeated delivery has one effect: a request is recorded
 * with its replies in the same transaction as everything it changed (see README "Exactly once").
 */
export interface RequestLog {
  /**
   * Reads what a turn starts from in one statement: whether the request was handled before, the person
   * behind the identity with their roles and address, and their flow in this conversation (which the
   * scope's ConversationStateRepository then answers from without asking the database again).
   */
  begin(input: { requestKey: string | null; identityKey: string; conversationKey: string }): Promise<TurnStart>;
  /**
   * Records the request as handled, with its replies. Throws `DuplicateRequestError` when another delivery
   * of the same request committed first (the caller rolls back and answers with `repliesOf`).
   */
  record(requestKey: string, replies: Reply[], at: Date): Promise<void>;
  /** The replies recorded for a handled request, or null. */
  repliesOf(requestKey: string): Promise<Reply[] | null>;
  /** Forgets requests handled before `before` (platforms stop retrying within minutes); returns how many. */
  purgeBefore(before: Date): Promise<number>;
}

/** Another delivery of the same request was recorded first. */
export class DuplicateRequestError extends Error {
  readonly code = 'DUPLICATE_REQUEST';
  constructor(readonly requestKey: string) {
    super(`request ${requestKey} was handled already`);
  }
}

export interface AuditEntry {
  actorId: number | null;
  action: string;
  subjectType?: string;
  subjectId?: string | number;
  details?: Record<string, unknown>;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}

export interface OutboxMessage {
  id: number;
  personId: number;
  replies: Reply[];
  attempts: number;
  /** The lease this delivery holds (see `claimDue`): marking the message needs it still to be the message's. */
  lease: Date;
}

/**
 * Whom a dispatcher can deliver to: every identity of `platform` with a stored address, or only the identity
 * `identityKey` (the terminal chat reaches its own user and nobody else).
 */
export interface Reach {
  platform: Platform;
  identityKey?: string;
}

/**
 * Messages to people outside a conversation, kept until delivered. A message is enqueued in the transaction
 * of the turn that decided to send it, so it exists exactly when that turn committed.
 */
export interface OutboxRepository {
  /**
   * Queues a message. With a `dedupeKey`, at most one message is ever queued under that key: enqueueing it
   * again (a turn run twice) does nothing, even after it was sent. A message to be sent again, or at
   * another time, gets a new key (and the old one is cancelled).
   */
  /**
   * `dueAt` null: due at once, under any process's clock (a notice); a date: due once the delivering process's
   * clock reaches it (a reminder).
   */
  enqueue(input: { personId: number; replies: Reply[]; dueAt: Date | null; dedupeKey?: string }): Promise<void>;
  /** Cancels a scheduled message that has not been sent (e.g. the reminder of a cancelled booking). */
  cancel(dedupeKey: string): Promise<void>;
  /**
   * Takes up to `limit` due messages, oldest first, for people this process can reach (`reach`: an identity
   * with a stored address on one of them), for delivery until `leaseUntil`: another process will not take
   * them before then. Messages for people nobody here reaches are left to the processes that do.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number, reach: readonly Reach[]): Promise<OutboxMessage[]>;
  /** Marks a delivered message sent; false when its lease ran out and another delivery took it over. */
  markSent(message: OutboxMessage, at: Date): Promise<boolean>;
  /** Records a failed delivery and when to try again; false when the lease ran out (see markSent). */
  markFailed(message: OutboxMessage, error: string, retryAt: Date): Promise<boolean>;
}

/**
 * The choices last shown to an identity where they are picked by number (the terminal), so that a number
 * typed in another session picks one of them.
 */
export interface ShownChoicesRepository {
  /** Replaces the identity's last choices; they count until `expiresAt`. */
  save(identityKey: string, choices: readonly Choice[], expiresAt: Date): Promise<void>;
  /** The choices last shown (label and value), or none when there were none or they expired before `now`. */
  latest(identityKey: string, now: Date): Promise<Choice[]>;
}

export interface DatabaseHealth {
  /** Resolves when the database answers and can be written; rejects with the reason otherwise. */
  ping(): Promise<void>;
}

/** The minimal logger the core uses (pino satisfies it). */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}
