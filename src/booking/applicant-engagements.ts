/** The engagements an applicant books for: their company's applications, each with what still blocks booking. */
import type { Services } from './needs.ts';
import type { ApplicationView } from '../applications/application.ts';
import type { PersonView } from '../core/roles.ts';
import { engagementBlocks, type EngagementBlock } from './booking-rules.ts';
import { settleEndedBookings } from './booking-service.ts';

export interface ApplicantEngagement {
  application: ApplicationView;
  /** The first missing step; undefined when the engagement can book now. */
  block: EngagementBlock | undefined;
  /** Every missing step, in order (empty when it can book). */
  blocks: EngagementBlock[];
}

/** Companies the person applies for (an applicant grant carries the company). */
export function companiesOf(person: PersonView): number[] {
  return [...new Set(person.roles.flatMap((g) => (g.role === 'applicant' && g.companyId !== null ? [g.companyId] : [])))];
}

export async function applicantEngagements(services: Services, person: PersonView, now: Date): Promise<ApplicantEngagement[]> {
  const found: ApplicantEngagement[] = [];
  for (const companyId of companiesOf(person)) {
    for (const listed of await services.applications.listForCompany(companyId)) {
      // A session that has taken place no longer reserves hours: its hours are logged instead.
      const application =
        (await settleEndedBookings(services, listed.id, now)) > 0 ? ((await services.applications.get(listed.id)) ?? listed) : listed;
      const experts = await services.applications.expertsOf(application.id);
      const blocks = engagementBlocks(application, experts.length, now, services.program);
      found.push({ application, block: blocks[0], blocks });
    }
  }
  return found;
}
