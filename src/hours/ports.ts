/** Storage port of the hours ledger: entries logged against an engagement's cap, atomically. */

export interface HourEntryView {
  id: number;
  applicationId: number;
  expertId: number;
  /** The expert's display name, for lists. */
  expertName: string;
  minutes: number;
  category: string;
  /** Kept exactly as typed; adapters escape it when they render. */
  note: string;
  /** The day the work was done, `YYYY-MM-DD` in the engagement's country. */
  workDate: string;
  createdAt: Date;
  voidedAt: Date | null;
  voidedById: number | null;
  voidReason: string | null;
}

/** The engagement's counters right after a change. */
export interface Usage {
  usedMinutes: number;
  capMinutes: number;
}

export interface NewHourEntry {
  applicationId: number;
  expertId: number;
  /** The expert's name as the entry shows it (not stored with the entry). */
  expertName: string;
  minutes: number;
  category: string;
  note: string;
  workDate: string;
  at: Date;
}

export type LogEntryResult =
  | ({ status: 'logged'; entry: HourEntryView } & Usage)
  /** The entry would pass the cap; nothing was written. */
  | ({ status: 'over_cap' } & Usage)
  /** The engagement is not (or no longer) adopted; nothing was written. */
  | { status: 'not_adopted' }
  /** The expert is not (or no longer) assigned to the engagement; nothing was written. */
  | { status: 'not_assigned' };

export type VoidEntryResult =
  | ({ status: 'voided'; entry: HourEntryView } & Usage)
  | { status: 'already_voided'; entry: HourEntryView }
  | { status: 'not_found' };

export interface EntryPage {
  entries: HourEntryView[];
  total: number;
}

export interface HourLedgerRepository {
  /**
   * Adds the entry and its minutes to the engagement, only when the engagement is adopted, the expert is
   * assigned to it and the minutes fit under its cap (a conditional update, so concurrent entries never
   * pass it).
   */
  log(entry: NewHourEntry): Promise<LogEntryResult>;
  /** Marks the entry voided (it stays for the audit trail) and gives its minutes back, once. */
  void(input: { entryId: number; voidedById: number; reason: string; at: Date }): Promise<VoidEntryResult>;
  /** Changes the category of an entry that is not voided; false when there is none. */
  setCategory(entryId: number, category: string): Promise<boolean>;
  get(entryId: number): Promise<HourEntryView | null>;
  /** Entries of these engagements, newest first, voided ones included. */
  list(applicationIds: number[], page: { offset: number; limit: number }): Promise<EntryPage>;
  /** The expert's most recent entry that is not voided, if any. */
  lastActiveOf(expertId: number): Promise<HourEntryView | null>;
  /** The most recent entries of these engagements, not voided, newest first. */
  recent(applicationIds: number[], limit: number): Promise<HourEntryView[]>;
  /** Sum of the minutes of the engagement's entries that are not voided. */
  sumMinutes(applicationId: number): Promise<number>;
}
