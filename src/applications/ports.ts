/** Storage port for companies and their applications (engagements). */
import type { ApplicationStatus, ApplicationView } from './application.ts';

export interface CompanyView {
  id: number;
  name: string;
}

export type CreateApplicationResult = { created: true; application: ApplicationView } | { created: false; existing: ApplicationView };

export interface ApplicationRepository {
  /**
   * Finds the company by its exact key (src/applications/company-name.ts), creating it on first use;
   * `created` tells whether this call created it (a company found, or created by someone else a moment
   * before, is not the caller's).
   */
  findOrCreateCompany(name: string): Promise<CompanyView & { created: boolean }>;
  /** By id, or by the exact key of a name (legal forms count: 株式会社サンプル is not 有限会社サンプル). */
  findCompany(nameOrId: string | number): Promise<CompanyView | null>;
  /** Other companies whose name is the same without its legal form: possible duplicates, for staff only. */
  similarCompanies(name: string): Promise<CompanyView[]>;
  /** Creates the application unless the company already has one for the country (then returns that one). */
  create(input: {
    companyId: number;
    country: string;
    applicantId: number;
    answers: Record<string, unknown>;
    priorUseMinutes: number;
    appliedAt: Date;
  }): Promise<CreateApplicationResult>;
  get(id: number): Promise<ApplicationView | null>;
  findByCompanyCountry(companyId: number, country: string): Promise<ApplicationView | null>;
  listForCompany(companyId: number): Promise<ApplicationView[]>;
  /** Engagements the expert is assigned to (not removed), optionally only with the given statuses. */
  listForExpert(expertId: number, statuses?: ApplicationStatus[]): Promise<ApplicationView[]>;
  findByChannel(channelKey: string): Promise<ApplicationView | null>;
  /** All applications in first-come order, optionally filtered by status. */
  list(statuses?: ApplicationStatus[]): Promise<ApplicationView[]>;
  /** Like `list`, only the hour counters and names (what `quota` shows): a fraction of the cost for many engagements. */
  hoursOf(statuses: ApplicationStatus[]): Promise<ApplicationHours[]>;
  /** Ids of the experts assigned to the engagement (not removed). */
  expertsOf(applicationId: number): Promise<number[]>;

  /**
   * Applies `change` only if the application still has `expectedVersion` (optimistic concurrency: of two
   * staff clicking at once, one changes it and the other gets `stale`); bumps the version on success.
   * `guard.adoptedBelow`: also refuses with `target_reached` when that many applications are adopted already.
   */
  change(id: number, expectedVersion: number, change: ApplicationChange, guard?: { adoptedBelow?: number }): Promise<ChangeResult>;
  /** Assigns the expert to the engagement (again, if they were removed). */
  assignExpert(applicationId: number, expertId: number, at: Date): Promise<'assigned' | 'already'>;
  unassignExpert(applicationId: number, expertId: number, at: Date): Promise<'removed' | 'not_assigned'>;
  /** How many applications were adopted (adopted or closed): what counts against the adoption target. */
  countAdopted(): Promise<number>;
  /** Per status: how many applications and the sums of their hour counters (one grouped query, no ledger rows). */
  statusSummary(): Promise<StatusSummary[]>;
  /** Adopted (or closed) applications per country code. */
  adoptedByCountry(): Promise<Record<string, number>>;
}

export type ApplicationHours = Pick<
  ApplicationView,
  'id' | 'companyName' | 'country' | 'status' | 'capMinutes' | 'usedMinutes' | 'reservedMinutes'
>;

/** Fields the pipeline sets; absent fields are left as they are. */
export interface ApplicationChange {
  status?: ApplicationStatus;
  receivedAt?: Date;
  screeningAt?: Date;
  decidedAt?: Date;
  adoptedAt?: Date;
  capMinutes?: number;
  form1ReceivedAt?: Date;
  form2ReceivedAt?: Date;
  followUpAt?: Date;
  closedAt?: Date;
  channelKey?: string;
}

export type ChangeResult =
  | { ok: true; application: ApplicationView }
  | { ok: false; code: 'not_found' }
  | { ok: false; code: 'stale'; current: ApplicationView }
  | { ok: false; code: 'target_reached'; current: ApplicationView; adopted: number }
  | { ok: false; code: 'channel_taken'; current: ApplicationView; boundTo: ApplicationView | null };

export interface StatusSummary {
  status: ApplicationStatus;
  count: number;
  capMinutes: number;
  usedMinutes: number;
  reservedMinutes: number;
}
