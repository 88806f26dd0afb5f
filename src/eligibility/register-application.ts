/**
 * Registers applications from the chat: the company, the applicant's role for it, one application per
 * country that can be applied for today, the audit trail and a notice to program staff.
 */
import type { ApplicationView } from '../applications/application.ts';
import type { CompanyView } from '../applications/application-repository.ts';
import type { PersonView } from '../core/roles.ts';
import type { Services } from '../core/services.ts';
import { text } from '../core/reply.ts';
import { countryName } from './place-names.ts';
import type { EligibilityAnswers, EligibilityAssessment } from './rules.ts';

export type RegistrationOutcome =
  /** Nothing can be applied for today (the program closed or filled up since the result was shown). */
  | { code: 'nothing_to_apply' }
  /** `created` may be empty when every country was applied for before (`existing`). */
  | { code: 'registered'; company: CompanyView; created: ApplicationView[]; existing: ApplicationView[] };

export async function registerApplications(input: {
  services: Services;
  person: PersonView;
  now: Date;
  companyName: string;
  answers: EligibilityAnswers;
  assessment: EligibilityAssessment;
}): Promise<RegistrationOutcome> {
  const { services, person, now, answers, assessment } = input;
  const { applications, audit, program } = services;
  if (assessment.applicable.length === 0) return { code: 'nothing_to_apply' };

  const company = await applications.findOrCreateCompany(input.companyName);
  const created: ApplicationView[] = [];
  const existing: ApplicationView[] = [];
  for (const country of assessment.applicable) {
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
      await audit.record({ actorId: person.id, action: 'application.duplicate_refused', subjectType: 'application', subjectId: result.existing.id, details: { companyId: company.id, country } });
      continue;
    }
    created.push(result.application);
    await audit.record({ actorId: person.id, action: 'application.created', subjectType: 'application', subjectId: result.application.id, details: { companyId: company.id, country, via: 'chat' } });
  }

  // Only someone who registered an application becomes its company's applicant: typing a company's name is
  // not enough to follow another person's application.
  if (created.length > 0 && !person.roles.some((g) => g.role === 'applicant' && g.companyId === company.id)) {
    await services.people.grantRole({ personId: person.id, role: 'applicant', companyId: company.id });
    await audit.record({ actorId: person.id, action: 'role.granted', subjectType: 'person', subjectId: person.id, details: { role: 'applicant', companyId: company.id, via: 'application' } });
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
            applicant: person.displayName || `#${person.id}`,
          }),
        ),
      ],
      { dedupeKey: `application:${application.id}:applied` },
    );
  }
  return { code: 'registered', company, created, existing };
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
