/** Storage port of membership requests: someone asks to act for a company that is already registered. */
import { z } from 'zod';

export const membershipStatusSchema = z.enum(['pending', 'approved', 'declined']);
type MembershipStatus = z.infer<typeof membershipStatusSchema>;

export interface MembershipRequestView {
  id: number;
  companyId: number;
  companyName: string;
  personId: number;
  /** The identity the person asked from, shown to whoever decides. */
  identityKey: string;
  /** The company name as the person typed it. */
  requestedName: string;
  /** What the registration was made with (the eligibility answers), for completing it on approval. */
  answers: Record<string, unknown>;
  /** Country codes the person could apply for when they asked. */
  countries: string[];
  status: MembershipStatus;
  createdAt: Date;
  decidedAt: Date | null;
  decidedById: number | null;
}

export interface CompanyMember {
  id: number;
  displayName: string;
}

export interface MembershipRepository {
  create(input: {
    companyId: number;
    personId: number;
    identityKey: string;
    requestedName: string;
    answers: Record<string, unknown>;
    countries: string[];
    at: Date;
  }): Promise<MembershipRequestView>;
  get(id: number): Promise<MembershipRequestView | null>;
  /** The person's request for the company that is still waiting, if any. */
  findPending(companyId: number, personId: number): Promise<MembershipRequestView | null>;
  /** Requests still waiting: of these companies, or of every company (`'all'`, for staff); oldest first. */
  pending(companies: number[] | 'all'): Promise<MembershipRequestView[]>;
  /** The person's own requests still waiting. */
  pendingOf(personId: number): Promise<MembershipRequestView[]>;
  /** Decides a waiting request; false when it was decided already (a second click, another approver). */
  decide(id: number, input: { status: 'approved' | 'declined'; byId: number; at: Date }): Promise<boolean>;
  /** People who hold an applicant grant for the company (its members). */
  membersOf(companyId: number): Promise<CompanyMember[]>;
}
