/** Storage port for the staff exports: the hours ledger and who is assigned where, read in bulk. */
import type { NamedPerson } from '../core/person-name.ts';

/**
 * A ledger entry as the export shows it, with its engagement's company and country. Declared here, not
 * borrowed from the hours feature's port, so that staff reports depend on no other feature.
 */
export interface HourEntryRow {
  id: number;
  applicationId: number;
  expertId: number;
  expertName: string;
  minutes: number;
  category: string;
  note: string;
  /** `YYYY-MM-DD` in the engagement's country. */
  workDate: string;
  createdAt: Date;
  voidedAt: Date | null;
  voidReason: string | null;
  companyName: string;
  country: string;
}

export interface StaffReports {
  /** Every hour entry (voided ones included, marked), oldest first. */
  hourEntries(): Promise<HourEntryRow[]>;
  /** The experts currently assigned, per application id (named in the reader's language: src/core/person-name.ts). */
  assignedExperts(): Promise<Map<number, NamedPerson[]>>;
  /** Display names of people by id. */
  namesOf(personIds: number[]): Promise<Map<number, string>>;
}
