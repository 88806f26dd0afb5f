/** After an eligible result: the offer to register the application, the company name, and the registration. */
import type { FlowStep, Turn } from './needs.ts';
import { companyLooseKey } from '../applications/company-name.ts';
import { choices, text, type Reply } from '../core/reply.ts';
import { formatIsoDate, isoDateIn } from '../i18n/format.ts';
import { withoutTrailingPoliteness } from '../core/typed-text.ts';
import { vocabulary } from '../i18n/vocabulary.ts';
import { parseYesNo } from './answer-parsing.ts';
import { applicantCompanyIds, statusLabel } from './application-status.ts';
import { currentAssessment } from './current-assessment.ts';
import type { EligibilityData } from './eligibility-data.ts';
import { contactFacts, resultReplies } from './eligibility-result.ts';
import { countryName, joinNames } from './place-names.ts';
import { registerApplications } from './register-application.ts';
import { choice, miss, ok, read } from './step-helpers.ts';

export const applyStep: FlowStep<EligibilityData> = {
  async ask(turn, data) {
    const current = await currentAssessment(turn, data);
    const names = joinNames(
      (current?.assessment.applicable ?? []).map((c) => countryName(turn.services.program, c, turn.locale)),
      turn.locale,
    );
    return [
      choices(turn.t('eligibility.apply.offer', { countries: names }), [
        choice('apply', 'apply', turn.t('eligibility.apply.yes'), 'primary', { means: 'yes', words: vocabulary.choices.apply }),
        choice('apply', 'later', turn.t('eligibility.apply.later'), undefined, { means: 'no', words: vocabulary.choices.later }),
      ]),
    ];
  },
  answer(_turn, input, data) {
    const wants = read(input, (v) => (v === 'apply' ? true : v === 'later' ? false : undefined), parseYesNo);
    return wants === undefined ? miss() : ok({ ...data, applying: wants });
  },
};

const maxCompanyName = 200;

export const companyStep: FlowStep<EligibilityData> = {
  // Any text is a company name: only a company shown, typed exactly (or its number), picks a button.
  freeText: true,
  async ask(turn) {
    const known = await knownCompanies(turn);
    const question = turn.t('eligibility.q.company');
    if (known.length === 0) return [text(question)];
    return [
      choices(
        `${question}\n${turn.t('eligibility.q.company.known')}`,
        known.map((c) => choice('company', `company:${c.id}`, c.name)),
      ),
    ];
  },
  async answer(turn, input, data) {
    if (input.value?.startsWith('company:')) {
      const company = (await knownCompanies(turn)).find((c) => `company:${c.id}` === input.value);
      return company ? ok({ ...data, companyName: company.name }) : miss();
    }
    // 「サンプル商事株式会社です」 names サンプル商事株式会社: politeness after the name is not part of it.
    const name = withoutTrailingPoliteness(input.text?.trim() ?? '');
    if (name.length > maxCompanyName) return miss([text(turn.t('eligibility.company.tooLong', { max: maxCompanyName }))]);
    // A name that is nothing but a legal form or punctuation ("株式会社", "Inc.") names no company.
    if (companyLooseKey(name) === '') return miss([text(turn.t('eligibility.company.invalid'))]);
    return ok({ ...data, companyName: name });
  },
};

/** The companies this person already applies for. */
async function knownCompanies(turn: Turn) {
  const found = await Promise.all(applicantCompanyIds(turn).map((id) => turn.services.applications.findCompany(id)));
  return found.filter((c) => c !== null);
}

/** The flow's end after the company name: registers the applications and words what happened. */
export async function register(turn: Turn, data: EligibilityData): Promise<Reply[]> {
  const current = await currentAssessment(turn, data);
  if (!current || !data.companyName) return [text(turn.t('eligibility.apply.nothing'))];
  const outcome = await registerApplications({
    services: turn.services,
    person: turn.person,
    identityKey: turn.inbound.identity.key,
    now: turn.now,
    companyName: data.companyName,
    answers: current.answers,
    assessment: current.assessment,
  });
  if (outcome.code === 'nothing_to_apply') return [text(turn.t('eligibility.apply.nothing')), ...resultReplies(turn, current.assessment)];
  // Someone else's company: "already registered, contact JETRO", and not one word about it (number, date, status).
  if (outcome.code === 'membership_requested') {
    const key = outcome.already ? 'eligibility.apply.alreadyRequested' : 'eligibility.apply.alreadyRegistered';
    return [text(turn.t(key, { company: data.companyName, request: outcome.request.id })), contactFacts(turn)];
  }

  const { program } = turn.services;
  const replies: Reply[] = [];
  for (const a of outcome.created) {
    replies.push(
      text(
        turn.t('eligibility.apply.registered', { company: a.companyName, country: countryName(program, a.country, turn.locale), id: a.id }),
      ),
    );
  }
  for (const a of outcome.existing) {
    replies.push(
      text(
        turn.t('eligibility.apply.duplicate', {
          company: a.companyName,
          country: countryName(program, a.country, turn.locale),
          id: a.id,
          status: statusLabel(turn, a),
          date: formatIsoDate(isoDateIn(a.appliedAt, program.homeTimeZone), turn.locale),
        }),
      ),
    );
  }
  if (outcome.created.length > 0) {
    replies.push(
      text(turn.t('eligibility.apply.afterwards', { email: program.contact.email, original: program.notes.originalByPost[turn.locale] })),
    );
    replies.push(contactFacts(turn));
  }
  return replies;
}
