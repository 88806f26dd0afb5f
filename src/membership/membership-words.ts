/** Shared wording and buttons of membership requests. */
import { encodeAction } from '../core/action-value.ts';
import type { Choice } from '../core/reply.ts';
import type { PersonView } from '../core/roles.ts';
import type { Locale } from '../i18n/catalog.ts';
import type { Translate } from '../i18n/translate.ts';
import type { Program } from '../program/program-schema.ts';
import type { MembershipRequestView } from './ports.ts';
import { personName, type NamedPerson } from '../core/person-name.ts';

export const membershipActionIds = {
  approve: 'membership.approve',
  decline: 'membership.decline',
} as const;

/** True when the person holds an applicant grant for the company: the only thing that makes them act for it. */
export function isMemberOf(person: PersonView, companyId: number): boolean {
  return person.roles.some((g) => g.role === 'applicant' && g.companyId === companyId);
}

/** The companies the person belongs to (their applicant grants). */
export function memberCompanyIds(person: PersonView): number[] {
  return [...new Set(person.roles.flatMap((g) => (g.role === 'applicant' && g.companyId !== null ? [g.companyId] : [])))];
}

export function countryNames(program: Program, codes: string[], locale: Locale): string {
  return codes.map((c) => program.countries.find((p) => p.code === c)?.name[locale] ?? c).join(locale === 'ja' ? '、' : ', ');
}

/** A person as shown to whoever decides (see src/core/person-name.ts). */
export function nameOf(t: Translate, person: NamedPerson | null, id: number): string {
  return personName(t, person, id);
}

/** The request as the company's members and staff see it, with what to check before approving. */
export function requestText(t: Translate, locale: Locale, program: Program, request: MembershipRequestView, requesterName: string): string {
  return t('membership.request.text', {
    id: request.id,
    person: requesterName,
    key: request.identityKey || '-',
    company: request.companyName,
    typed: request.requestedName,
    countries: request.countries.length ? countryNames(program, request.countries, locale) : t('membership.request.noCountries'),
  });
}

/** Approve and decline buttons; each carries the request it decides (deciding twice changes nothing). */
export function decisionButtons(t: Translate, requestId: number): Choice[] {
  return [
    {
      label: t('membership.button.approve', { id: requestId }),
      value: encodeAction({ h: membershipActionIds.approve, v: String(requestId) }),
      style: 'primary',
    },
    {
      label: t('membership.button.decline', { id: requestId }),
      value: encodeAction({ h: membershipActionIds.decline, v: String(requestId) }),
      style: 'danger',
    },
  ];
}
