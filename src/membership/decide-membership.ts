/**
 * Approving or declining a membership request: by a member of the company or by program staff. Approval
 * grants the applicant role for the company and completes the registration the person made; both sides are
 * told, and every decision is audited. A request is decided once (a conditional update).
 */
import type { Turn } from './needs.ts';
import { registerApprovedRequest } from '../eligibility/register-application.ts';
import { error, text, type Reply } from '../core/reply.ts';
import { hasRole } from '../core/roles.ts';
import { formatIsoDate, isoDateIn } from '../i18n/format.ts';
import type { MembershipRequestView } from './ports.ts';
import { countryNames, isMemberOf, nameOf } from './membership-words.ts';
import { personName } from '../core/person-name.ts';

export type Decision = 'approve' | 'decline';

/** The request, when this person may decide it; else undefined (not found and not theirs read the same). */
async function decidable(turn: Turn, id: number): Promise<MembershipRequestView | undefined> {
  const request = await turn.services.memberships.get(id);
  if (request && (hasRole(turn.person, 'staff') || isMemberOf(turn.person, request.companyId))) return request;
  await turn.services.audit.record({
    actorId: turn.person.id,
    action: 'access.denied',
    subjectType: 'membershipRequest',
    subjectId: id,
    details: { needed: ['applicant', 'staff'] },
  });
  return undefined;
}

export async function decideMembership(turn: Turn, id: number, decision: Decision): Promise<Reply[]> {
  const { services, t } = turn;
  const request = await decidable(turn, id);
  if (!request) return [error('not_found', t('membership.notFound', { id }))];
  const requester = await services.people.findById(request.personId);
  const who = nameOf(t, requester, request.personId);
  if (
    request.status !== 'pending' ||
    !(await services.memberships.decide(id, {
      status: decision === 'approve' ? 'approved' : 'declined',
      byId: turn.person.id,
      at: turn.now,
    }))
  ) {
    return [text(await alreadyDecided(turn, id, who))];
  }

  if (decision === 'decline') {
    await services.audit.record({
      actorId: turn.person.id,
      action: 'membership.declined',
      subjectType: 'membershipRequest',
      subjectId: id,
      details: { companyId: request.companyId, personId: request.personId },
    });
    const { contact } = services.program;
    await services.notifier.notify(request.personId, (tr, locale) => [
      text(
        tr('membership.notify.declined', {
          company: request.requestedName,
          id,
          email: contact.email,
          phone: contact.phone,
          division: contact.division[locale],
        }),
      ),
    ]);
    return [text(t('membership.declined', { id, person: who, company: request.companyName }))];
  }

  await services.people.grantRole({
    personId: request.personId,
    role: 'applicant',
    companyId: request.companyId,
    grantedById: turn.person.id,
  });
  await services.audit.record({
    actorId: turn.person.id,
    action: 'membership.approved',
    subjectType: 'membershipRequest',
    subjectId: id,
    details: { companyId: request.companyId, personId: request.personId, identity: request.identityKey },
  });
  const { created, existing } = await registerApprovedRequest(services, request, turn.now);
  const approver = personName(t, turn.person);
  const { program } = services;
  await services.notifier.notify(request.personId, (tr, locale) => {
    const lines = [tr('membership.notify.approved', { company: request.companyName, approver })];
    for (const a of created)
      lines.push(tr('membership.notify.registered', { country: countryNames(program, [a.country], locale), id: a.id }));
    for (const a of existing) {
      const date = formatIsoDate(isoDateIn(a.appliedAt, program.homeTimeZone), locale);
      lines.push(
        tr('membership.notify.existing', {
          country: countryNames(program, [a.country], locale),
          id: a.id,
          date,
          status: tr(`eligibility.status.${a.status}`),
        }),
      );
    }
    if (created.length === 0 && existing.length === 0) lines.push(tr('membership.notify.nothingRegistered'));
    lines.push(tr('membership.notify.next'));
    return [text(lines.join('\n'))];
  });
  const registered = created.length
    ? t('membership.approved.registered', {
        countries: countryNames(
          program,
          created.map((a) => a.country),
          turn.locale,
        ),
      })
    : '';
  return [text(t('membership.approved', { id, person: who, company: request.companyName, registered }))];
}

async function alreadyDecided(turn: Turn, id: number, who: string): Promise<string> {
  const now = await turn.services.memberships.get(id);
  const by = now?.decidedById ? await turn.services.people.findById(now.decidedById) : null;
  const decider = now?.decidedById ? nameOf(turn.t, by, now.decidedById) : '-';
  return turn.t(now?.status === 'declined' ? 'membership.alreadyDeclined' : 'membership.alreadyApproved', { id, person: who, by: decider });
}
