/** Storage port for companies and their applications (engagements). */
import type { ApplicationStatus, ApplicationView } from './application.ts';

export interface CompanyView {
  id: number;
  name: string;
}

export type CreateApplicationResult = { created: true; application: ApplicationView } | { created: false; existing: ApplicationView };

export interface ApplicationRepository {
  /** Finds the company by its folded name, creating it on first use. */
  findOrCreateCompany(name: string): Promise<CompanyView>;
  findCompany(nameOrId: string | number): Promise<CompanyView | null>;
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
  /** Ids of the experts assigned to the engagement (not removed). */
  expertsOf(applicationId: number): Promise<number[]>;
}
