/**
 * Which engagement an expert's entry belongs to. The bot never guesses between two: it takes the
 * expert's only active engagement, else the one bound to the channel, else it asks.
 */
import type { Services } from './needs.ts';
import type { ApplicationView } from '../applications/application.ts';
import type { PersonView } from '../core/roles.ts';

/** True when the person holds an expert grant for the country (experts are granted per country). */
export function isExpertFor(person: PersonView, country: string): boolean {
  return person.roles.some((g) => g.role === 'expert' && g.country === country);
}

/** Engagements the expert is assigned to and granted for, any status. */
export async function engagementsOf(services: Services, person: PersonView): Promise<ApplicationView[]> {
  const assigned = await services.applications.listForExpert(person.id);
  return assigned.filter((a) => isExpertFor(person, a.country));
}

export type EngagementResolution =
  | { kind: 'one'; application: ApplicationView }
  /** Several adopted engagements fit: the expert has to choose. */
  | { kind: 'ask'; options: ApplicationView[] }
  /** No engagement of the expert's fits; `application` is the one named or bound to the channel, if any. */
  | { kind: 'none'; reason: 'not_assigned' | 'not_adopted'; application?: ApplicationView; company?: string };

/** Which of `mine` (the expert's engagements, see engagementsOf) an entry typed `where` belongs to. */
export async function resolveEngagement(
  services: Services,
  mine: ApplicationView[],
  where: { conversationKey: string; companyId: number | null },
): Promise<EngagementResolution> {
  if (where.companyId !== null) {
    const forCompany = mine.filter((a) => a.companyId === where.companyId);
    const adopted = forCompany.filter((a) => a.status === 'adopted');
    if (adopted.length === 1) return { kind: 'one', application: adopted[0]! };
    if (adopted.length > 1) return { kind: 'ask', options: adopted };
    if (forCompany.length) return { kind: 'none', reason: 'not_adopted', application: forCompany[0] };
    const theirs = await services.applications.listForCompany(where.companyId);
    return {
      kind: 'none',
      reason: 'not_assigned',
      application: theirs.length === 1 ? theirs[0] : undefined,
      company: theirs[0]?.companyName,
    };
  }

  const adopted = mine.filter((a) => a.status === 'adopted');
  if (adopted.length === 1) return { kind: 'one', application: adopted[0]! };
  const bound = await services.applications.findByChannel(where.conversationKey);
  if (adopted.length > 1) {
    const inChannel = bound && adopted.find((a) => a.id === bound.id);
    return inChannel ? { kind: 'one', application: inChannel } : { kind: 'ask', options: adopted };
  }
  if (bound && !mine.some((a) => a.id === bound.id)) return { kind: 'none', reason: 'not_assigned', application: bound };
  return { kind: 'none', reason: mine.length ? 'not_adopted' : 'not_assigned', application: bound ?? mine[0] };
}
