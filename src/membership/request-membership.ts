/**
 * Someone registered a company that is already registered and that they do not belong to: instead of
 * joining it (membership is granted, never guessed), they ask. The company's members and program staff
 * get the request with Approve / Decline buttons; the person is told nothing about the company.
 */
import type { Services } from './needs.ts';
import { choices } from '../core/reply.ts';
import type { PersonView } from '../core/roles.ts';
import type { MembershipRequestView } from './ports.ts';
import { decisionButtons, nameOf, requestText } from './membership-words.ts';

export interface MembershipAsked {
  request: MembershipRequestView;
  /** True when the person had asked already and the request is still waiting (nobody is told again). */
  already: boolean;
}

export async function requestMembership(
  services: Services,
  input: {
    companyId: number;
    person: PersonView;
    identityKey: string;
    requestedName: string;
    answers: Record<string, unknown>;
    countries: string[];
    now: Date;
  },
): Promise<MembershipAsked> {
  const { memberships, audit, people, notifier, program } = services;
  const waiting = await memberships.findPending(input.companyId, input.person.id);
  if (waiting) return { request: waiting, already: true };

  const request = await memberships.create({
    companyId: input.companyId,
    personId: input.person.id,
    identityKey: input.identityKey,
    requestedName: input.requestedName,
    answers: input.answers,
    countries: input.countries,
    at: input.now,
  });
  await audit.record({
    actorId: input.person.id,
    action: 'membership.requested',
    subjectType: 'membershipRequest',
    subjectId: request.id,
    details: { companyId: input.companyId, requestedName: input.requestedName, identity: input.identityKey, countries: input.countries },
  });

  // Everyone who may decide: the company's members and program staff, each once.
  const members = await memberships.membersOf(input.companyId);
  const staff = await people.listWithRole('staff');
  const deciders = [...new Set([...members.map((m) => m.id), ...staff.map((s) => s.id)])].filter((id) => id !== input.person.id);
  for (const id of deciders) {
    await notifier.notify(
      id,
      (t, locale) => [
        choices(requestText(t, locale, program, request, nameOf(t, input.person, input.person.id)), decisionButtons(t, request.id)),
      ],
      { dedupeKey: `membership:${request.id}:asked:${id}` },
    );
  }
  return { request, already: false };
}
