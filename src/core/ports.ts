/** Ports of the core: what it needs from storage and delivery. src/db and the adapters implement them. */
import type { PersonView, Role } from './roles.ts';
import type { Reply } from './reply.ts';
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
}

export interface PeopleRepository {
  /** Finds the person behind a platform identity, creating both on first contact. */
  resolve(identity: IdentityInput): Promise<PersonView>;
  findById(personId: number): Promise<PersonView | null>;
  findByIdentityKey(identityKey: string): Promise<PersonView | null>;
  setLocale(personId: number, locale: string | null): Promise<void>;
  /** Stores how to reach the identity proactively (platform-specific JSON). */
  saveAddress(identityKey: string, address: string): Promise<void>;
  /** Identities of a person with a stored address, for notifications. */
  addressesOf(personId: number): Promise<{ key: string; platform: Platform; address: string }[]>;
  grantRole(input: { personId: number; role: Role; country?: string; companyId?: number | null; grantedById?: number | null }): Promise<void>;
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

export type ClaimResult = { claimed: true } | { claimed: false; replies: Reply[] | null };

/** Remembers handled requests so a retry has one effect. */
export interface ProcessedRequestRepository {
  /**
   * Claims the key; when it was claimed before, returns the replies stored then (null while still in
   * progress). A claim left without replies for longer than the repository's stale threshold (its handler
   * crashed half-way) is taken over, by exactly one caller, and counts as claimed.
   */
  claim(key: string): Promise<ClaimResult>;
  complete(key: string, replies: Reply[]): Promise<void>;
  /** Gives the key back after an unexpected failure, so a retry can try again. */
  release(key: string): Promise<void>;
  /** Forgets keys handled before `before` (platforms stop retrying within minutes); returns how many. */
  purgeBefore(before: Date): Promise<number>;
}

/** A request stored in the inbox, as a recovery takes it over. */
export interface InboxRow {
  key: string;
  platform: string;
  payload: string;
  /** Recoveries so far, this one included. */
  attempts: number;
  createdAt: Date;
}

/**
 * The transactional inbox: requests stored before the platform is acknowledged and kept until handled, so
 * that a crash between the acknowledgement and the handling loses nothing (see README "Performance and
 * resilience"). Leases are in real time, not the business clock (which BOT_NOW pins anew at every start).
 */
export interface InboxRepository {
  /** Stores a request, leased to the caller until `leaseUntil`; 'duplicate' when the key is already stored. */
  accept(key: string, platform: string, payload: string, leaseUntil: Date): Promise<'accepted' | 'duplicate'>;
  /**
   * Takes up to `limit` pending requests of `platform` whose lease ran out before `now`, leasing them until
   * `leaseUntil` with a conditional update: two instances never take the same request at once.
   */
  claimStale(platform: string, now: Date, leaseUntil: Date, limit: number): Promise<InboxRow[]>;
  markDone(key: string, at: Date): Promise<void>;
  /** Forgets requests handled before `before`; returns how many. */
  purgeDoneBefore(before: Date): Promise<number>;
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
}

/** Messages to people outside a conversation, kept until delivered. */
export interface OutboxRepository {
  enqueue(input: { personId: number; replies: Reply[]; dueAt: Date; dedupeKey?: string }): Promise<void>;
  /** Cancels a scheduled message that has not been sent (e.g. the reminder of a cancelled booking). */
  cancel(dedupeKey: string): Promise<void>;
  /** Takes up to `limit` due messages for delivery; another instance will not take the same ones before `leaseUntil`. */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<OutboxMessage[]>;
  markSent(id: number, at: Date): Promise<void>;
  markFailed(id: number, error: string, retryAt: Date): Promise<void>;
}

export interface DatabaseHealth {
  /** Resolves when the database answers. */
  ping(): Promise<void>;
}

/** The minimal logger the core uses (pino satisfies it). */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}
