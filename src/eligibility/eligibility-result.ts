/** Words an eligibility assessment: per country the verdict and why, caps, period, contacts, next steps. */
import type { Turn } from './needs.ts';
import { facts, text, type Fact, type Reply } from '../core/reply.ts';
import { capitalizeStart, formatHours, formatIsoDate } from '../i18n/format.ts';
import { countryName, excludedRegionName, joinNames } from './place-names.ts';
import type { CountryVerdict, EligibilityAssessment, ProgramAvailability } from './rules.ts';

/** Why the program takes no application today, or undefined when it does. */
export function availabilityText(turn: Turn, availability: ProgramAvailability): string | undefined {
  switch (availability.code) {
    case 'open':
      return undefined;
    case 'not_open':
      return turn.t('eligibility.availability.not_open', { date: formatIsoDate(availability.opensOn, turn.locale) });
    case 'ended':
      return turn.t('eligibility.availability.ended', { date: formatIsoDate(availability.endedOn, turn.locale) });
    case 'full':
      return turn.t('eligibility.availability.full', { target: availability.target });
  }
}

function verdictFacts(turn: Turn, verdict: CountryVerdict): Fact[] {
  const { program } = turn.services;
  const { locale } = turn;
  const country = program.countries.find((c) => c.code === verdict.country);
  const list: Fact[] = [];
  if (verdict.outcome === 'not_eligible') {
    list.push({
      label: turn.t('eligibility.result.label.reason'),
      value: verdict.reasons.map((r) => turn.t(`eligibility.reason.${r}`)).join('\n'),
    });
  } else {
    const why =
      verdict.outcome === 'eligible_from'
        ? turn.t('eligibility.result.why.priorUseDate', {
            since: formatIsoDate(program.priorUseRule.since, locale),
            hours: program.priorUseRule.thresholdHours,
            date: formatIsoDate(verdict.acceptedFrom, locale),
          })
        : turn.t('eligibility.result.why.eligible');
    list.push({ label: turn.t('eligibility.result.label.reason'), value: why });
    list.push({
      label: turn.t('eligibility.result.label.cap'),
      value: turn.t('eligibility.result.capValue', { hours: formatHours(verdict.capHours * 60, locale) }),
    });
    list.push({
      label: turn.t('eligibility.result.label.period'),
      value: turn.t('eligibility.result.periodValue', { date: formatIsoDate(program.dates.supportEnds, locale) }),
    });
  }
  if (country) list.push({ label: turn.t('eligibility.result.label.contacts'), value: joinNames(country.contacts, locale) });
  return list;
}

/** The result of the assessment, ending with the next steps and the contacts. */
export function resultReplies(turn: Turn, assessment: EligibilityAssessment): Reply[] {
  const { program } = turn.services;
  const { locale } = turn;
  const replies: Reply[] = [text(turn.t('eligibility.result.intro'))];
  // Before the program opens, after it ends, or once it is full, that comes first, and nobody reads "you can apply".
  const closed = availabilityText(turn, assessment.availability);
  if (closed) replies.push(text(closed));

  for (const verdict of assessment.countries) {
    const name = capitalizeStart(countryName(program, verdict.country, locale));
    const title =
      closed && verdict.outcome !== 'not_eligible'
        ? 'eligibility.result.title.meetsConditions'
        : (`eligibility.result.title.${verdict.outcome}` as const);
    replies.push(facts(turn.t(title, { country: name }), verdictFacts(turn, verdict)));
  }
  for (const region of assessment.excludedRegions) {
    replies.push(
      text(
        turn.t('eligibility.countries.excluded', {
          region: excludedRegionName(program, region, locale),
          note: program.excludedRegionsNote[locale],
        }),
      ),
    );
  }

  const qualifies = assessment.countries.some((v) => v.outcome !== 'not_eligible');
  if (qualifies) {
    const lines = [program.notes.free[locale]];
    if (!closed)
      lines.push(turn.t('eligibility.result.nextSteps', { email: program.contact.email, original: program.notes.originalByPost[locale] }));
    replies.push(text(lines.join('\n')));
  }
  replies.push(contactFacts(turn));
  return replies;
}

/** The program's contact point (お問い合わせ・お申込み先). */
export function contactFacts(turn: Turn): Reply {
  const { contact } = turn.services.program;
  const { locale } = turn;
  return facts(turn.t('eligibility.contact.title'), [
    { label: turn.t('eligibility.contact.division'), value: contact.division[locale] },
    { label: turn.t('eligibility.contact.email'), value: contact.email },
    { label: turn.t('eligibility.contact.phone'), value: contact.phone },
    { label: turn.t('eligibility.contact.address'), value: contact.address[locale] },
  ]);
}
