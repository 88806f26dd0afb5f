/**
 * Registers applications from the chat: the company, the applicant's role for it, one application per
 * country that can be applied for today, the audit trail and a notice to program staff.
 *
 * Membership is granted, never guessed: a name that is an existing company's (same exact key, see
 * src/applications/company-name.ts) registers nothing for someone who does not belong to it; it becomes a
 * membership request that the company's members or staff decide. A name that only looks like another
 * company's (legal form dropped or moved) is a new company, and staff are told it may be a duplicate.
 */
import type { Services } from './needs.ts';
import { adoptionCount } from '../applications/adoption-target.ts';
import type { ApplicationView } from '../applications/application.ts';
import type { CompanyView } from '../applications/ports.ts';
import type { PersonView } from '../core/roles.ts';
import { text } from '../core/reply.ts';
import { isoDateIn } from '../i18n/format.ts';
import { requestMembership, type MembershipAsked } from '../membership/request-membership.ts';
import { isMemberOf } from '../membership/membership-words.ts';
import type { MembershipRequestView } from '../membership/ports.ts';
import { countryName } from './place-names.ts';
import { assessEligibility, type EligibilityAnswers, type EligibilityAssessment } from './rules.ts';
import { answersToStore, readStoredAnswers } from './stored-answers.ts';
import { personName } from '../core/person-name.ts';

export type RegistrationOutcome =
  /** Nothing can be applied for today (the program closed or filled up since the result was shown). */
  | { code: 'nothing_to_apply' }
  /** `created` may be empty when every country was applied for before (`existing`). */
  | { code: 'registered'; company: CompanyView; created: ApplicationView[]; existing: ApplicationView[] }
  /** The company is registered and the person does not belong to it: they asked to join (nothing of it may be told). */
  | ({ code: 'membership_requested' } & MembershipAsked);

export async function registerApplications(input: {
  services: Services;
  person: PersonView;
  /** The identity the person registers from, shown to whoever decides a membership request. */
  identityKey: string;
  now: Date;
  companyName: string;
  answers: EligibilityAnswers;
  assessment: EligibilityAssessment;
}): Promise<RegistrationOutcome> {
  const { services, person, now, answers, assessment } = input;
  const { applications, audit } = services;
  if (assessment.applicable.length === 0) return { code: 'nothing_to_apply' };

  const ask = (companyId: number) =>
    requestMembership(services, {
      companyId,
      person,
      identityKey: input.identityKey,
      requestedName: input.companyName.normalize('NFKC').trim(),
      answers: answersToStore(answers),
      countries: assessment.applicable,
      now,
    });

  const registered = await applications.findCompany(input.companyName);
  if (registered && !isMemberOf(person, registered.id)) return { code: 'membership_requested', ...(await ask(registered.id)) };
  let company: CompanyView = registered ?? (await applications.findOrCreateCompany(input.companyName));
  if (!registered) {
    const made = company as CompanyView & { created: boolean };
    // Someone else registered the same name a moment ago: it is theirs, so this is a request as well.
    if (!made.created && !isMemberOf(person, made.id)) return { code: 'membership_requested', ...(await ask(made.id)) };
    company = { id: made.id, name: made.name };
    if (made.created) {
      await audit.record({
        actorId: person.id,
        action: 'company.created',
        subjectType: 'company',
        subjectId: company.id,
        details: { name: company.name, via: 'chat' },
      });
      await tellStaffOfLookAlikes(services, company);
    }
  }
  return {
    code: 'registered',
    company,
    ...(await registerFor(services, { person, company, answers, countries: assessment.applicable, now, via: 'chat' })),
  };
}

/** A new company whose name, without its legal form, is another company's: staff decide whether it is one. */
async function tellStaffOfLookAlikes(services: Services, company: CompanyView): Promise<void> {
  const similar = (await services.applications.similarCompanies(company.name)).filter((c) => c.id !== company.id);
  if (similar.length === 0) return;
  await services.audit.record({
    actorId: null,
    action: 'company.possible_duplicate',
    subjectType: 'company',
    subjectId: company.id,
    details: { similar: similar.map((c) => c.id) },
  });
  const others = similar.map((c) => `#${c.id} ${c.name}`).join(', ');
  await services.notifier.notifyRole(
    'staff',
    (t) => [text(t('eligibility.staff.possibleDuplicate', { id: company.id, company: company.name, others }))],
    {
      dedupeKey: `company:${company.id}:possible-duplicate`,
    },
  );
}

/** The applications of a company the person belongs to (or just created), one per country. */
async function registerFor(
  services: Services,
  input: { person: PersonView; company: CompanyView; answers: EligibilityAnswers; countries: string[]; now: Date; via: string },
): Promise<{ created: ApplicationView[]; existing: ApplicationView[] }> {
  const { person, company, answers, now } = input;
  const { applications, audit, program } = services;
  const created: ApplicationView[] = [];
  const existing: ApplicationView[] = [];
  for (const country of input.countries) {
    const use = answers.priorUse[country];
    // A yes without a number is recorded as the threshold: "at least that many hours".
    const priorUseMinutes = use?.minutes ?? (use?.atLeastThreshold ? program.priorUseRule.thresholdHours * 60 : 0);
    const result = await applications.create({
      companyId: company.id,
      country,
      applicantId: person.id,
      answers: storedAnswers(program.id, answers, country),
      priorUseMinutes,
      appliedAt: now,
    });
    if (!result.created) {
      existing.push(result.existing);
      await audit.record({
        actorId: person.id,
        action: 'application.duplicate_refused',
        subjectType: 'application',
        subjectId: result.existing.id,
        details: { companyId: company.id, country },
      });
      continue;
    }
    created.push(result.application);
    await audit.record({
      actorId: person.id,
      action: 'application.created',
      subjectType: 'application',
      subjectId: result.application.id,
      details: { companyId: company.id, country, via: input.via },
    });
  }

  // Whoever registers a new company's first application is its first member.
  if (created.length > 0 && !isMemberOf(person, company.id)) {
    await services.people.grantRole({ personId: person.id, role: 'applicant', companyId: company.id });
    await audit.record({
      actorId: person.id,
      action: 'role.granted',
      subjectType: 'person',
      subjectId: person.id,
      details: { role: 'applicant', companyId: company.id, via: 'application' },
    });
  }

  for (const application of created) {
    await services.notifier.notifyRole(
      'staff',
      (t, locale) => [
        text(
          t('eligibility.staff.newApplication', {
            id: application.id,
            company: company.name,
            country: countryName(program, application.country, locale),
            applicant: personName(t, person),
          }),
        ),
      ],
      { dedupeKey: `application:${application.id}:applied` },
    );
  }
  return { created, existing };
}

/**
 * An approved membership request completes the registration it came from: the countries asked for that can
 * still be applied for today (the rules are run again: the program may have closed or filled up since) and
 * that the company has not applied for. Called after the person was granted the membership.
 */
export async function registerApprovedRequest(
  services: Services,
  request: MembershipRequestView,
  now: Date,
): Promise<{ created: ApplicationView[]; existing: ApplicationView[] }> {
  const answers = readStoredAnswers(request.answers);
  const person = await services.people.findById(request.personId);
  const company = await services.applications.findCompany(request.companyId);
  if (!answers || !person || !company) return { created: [], existing: [] };
  const today = isoDateIn(now, services.program.homeTimeZone);
  const assessment = assessEligibility({ answers, program: services.program, today, adoptedCount: await adoptionCount(services) });
  const countries = assessment.applicable.filter((c) => request.countries.includes(c));
  if (countries.length === 0) return { created: [], existing: [] };
  return registerFor(services, { person, company, answers, countries, now, via: 'membership' });
}

/** What is kept with the application: the answers it was made with, for screening. */
function storedAnswers(programId: string, answers: EligibilityAnswers, country: string): Record<string, unknown> {
  return {
    program: programId,
    entityKind: answers.entityKind,
    japaneseInvestment: answers.japaneseInvestment ?? null,
    intent: answers.intent ?? null,
    consent: answers.consent ?? null,
    priorUse: answers.priorUse[country] ?? null,
    countriesAnswered: answers.countries,
  };
}
