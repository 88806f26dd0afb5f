/** Storage port for the staff exports: the hours ledger and who is assigned where, read in bulk. */
import type { HourEntryView } from '../hours/ports.ts';

/** A ledger entry as the export shows it: the entry, with its engagement's company and country. */
export type HourEntryRow = Omit<HourEntryView, 'voidedById'> & { companyName: string; country: string };

export interface StaffReports {
  /** Every hour entry (voided ones included, marked), oldest first. */
  hourEntries(): Promise<HourEntryRow[]>;
  /** Names of the experts currently assigned, per application id. */
  assignedExperts(): Promise<Map<number, string[]>>;
  /** Display names of people by id. */
  namesOf(personIds: number[]): Promise<Map<number, string>>;
}
