/** Storage port for the staff exports: the hours ledger and who is assigned where, read in bulk. */

export interface HourEntryRow {
  id: number;
  applicationId: number;
  companyName: string;
  country: string;
  expertId: number;
  expertName: string;
  minutes: number;
  category: string;
  note: string;
  workDate: string;
  createdAt: Date;
  voidedAt: Date | null;
  voidReason: string | null;
}

export interface StaffReports {
  /** Every hour entry (voided ones included, marked), oldest first. */
  hourEntries(): Promise<HourEntryRow[]>;
  /** Names of the experts currently assigned, per application id. */
  assignedExperts(): Promise<Map<number, string[]>>;
  /** Display names of people by id. */
  namesOf(personIds: number[]): Promise<Map<number, string>>;
}
