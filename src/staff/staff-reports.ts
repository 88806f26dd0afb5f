/** Storage port for the staff exports: the hours ledger and who is assigned where, read in bulk. */
import type { NamedPerson } from '../core/person-name.ts';
import type { HourEntryView } from '../hours/hour-ledger-repository.ts';

/** A ledger entry as the export shows it: the entry, with its engagement's company and country. */
export type HourEntryRow = Omit<HourEntryView, 'voidedById'> & { companyName: string; country: string };

export interface StaffReports {
  /** Every hour entry (voided ones included, marked), oldest first. */
  hourEntries(): Promise<HourEntryRow[]>;
  /** The experts currently assigned, per application id (named in the reader's language: src/core/person-name.ts). */
  assignedExperts(): Promise<Map<number, NamedPerson[]>>;
  /** Display names of people by id. */
  namesOf(personIds: number[]): Promise<Map<number, string>>;
}
