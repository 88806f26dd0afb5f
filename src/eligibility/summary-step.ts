/** The summary of the answers before the result, with a button to change each one. */
import type { FlowStep, Turn } from './needs.ts';
import { choices, facts, type Fact } from '../core/reply.ts';
import { formatHours } from '../i18n/format.ts';
import { vocabulary } from '../i18n/vocabulary.ts';
import { parseYesNo } from './answer-parsing.ts';
import { formatTypedAmount } from './prior-use-amount.ts';
import { currentAssessment } from './current-assessment.ts';
import { countryOfStep, firstUnanswered, orderedCountries, priorUseStep, questionOrder, type EligibilityData } from './eligibility-data.ts';
import { resultReplies } from './eligibility-result.ts';
import { countryName, excludedRegionName, joinNames } from './place-names.ts';
import { priorUseReachesThreshold } from './rules.ts';
import { choice, miss, ok } from './step-helpers.ts';

function yesNoLabel(turn: Turn, value: boolean | undefined): string {
  return value === undefined ? '—' : turn.t(value ? 'core.yes' : 'core.no');
}

/** The answers so far, one line per question that applies. */
function summaryFacts(turn: Turn, data: EligibilityData): Fact[] {
  const { program } = turn.services;
  const { locale } = turn;
  const rows: Fact[] = [];
  for (const step of questionOrder(program, data)) {
    const label = turn.t(stepLabelKey(step), {
      country: step.startsWith(`${priorUseStep}:`) ? countryName(program, countryOfStep(step), locale) : '',
    });
    rows.push({ label, value: answerText(turn, data, step) });
  }
  for (const region of data.excludedRegions) {
    rows.push({ label: turn.t('eligibility.summary.label.excluded'), value: excludedRegionName(program, region, locale) });
  }
  return rows;
}

function stepLabelKey(step: string) {
  switch (step) {
    case 'entity':
      return 'eligibility.summary.label.entity' as const;
    case 'countries':
      return 'eligibility.summary.label.countries' as const;
    case 'investment':
      return 'eligibility.summary.label.investment' as const;
    case 'intent':
      return 'eligibility.summary.label.intent' as const;
    case 'consent':
      return 'eligibility.summary.label.consent' as const;
    default:
      return 'eligibility.summary.label.priorUse' as const;
  }
}

function answerText(turn: Turn, data: EligibilityData, step: string): string {
  const { program } = turn.services;
  switch (step) {
    case 'entity':
      return data.entityKind ? turn.t(`eligibility.entity.${data.entityKind}`) : '—';
    case 'countries':
      return joinNames(
        orderedCountries(program, data).map((c) => countryName(program, c, turn.locale)),
        turn.locale,
      );
    case 'investment':
      return yesNoLabel(turn, data.japaneseInvestment);
    case 'intent':
      return yesNoLabel(turn, data.intent);
    case 'consent':
      return yesNoLabel(turn, data.consent);
    default: {
      const use = data.priorUse[countryOfStep(step)];
      if (!use) return '—';
      const reaches = priorUseReachesThreshold(program, use);
      const base = turn.t(reaches ? 'eligibility.priorUse.yes' : 'eligibility.priorUse.no', { hours: program.priorUseRule.thresholdHours });
      // Shown as typed (「19.99時間」), not rounded to minutes.
      if (use.amount) return turn.t('eligibility.summary.priorUseHours', { answer: base, hours: formatTypedAmount(use.amount, turn.t) });
      return use.minutes !== undefined
        ? turn.t('eligibility.summary.priorUseHours', { answer: base, hours: formatHours(use.minutes, turn.locale) })
        : base;
    }
  }
}

export const summaryStep: FlowStep<EligibilityData> = {
  ask(turn, data) {
    const { program } = turn.services;
    const changes = questionOrder(program, data).map((step) =>
      choice(
        'summary',
        `change:${step}`,
        turn.t('eligibility.summary.change', {
          item: turn.t(stepLabelKey(step), {
            country: step.startsWith(`${priorUseStep}:`) ? countryName(program, countryOfStep(step), turn.locale) : '',
          }),
        }),
      ),
    );
    return [
      facts(turn.t('eligibility.summary.title'), summaryFacts(turn, data)),
      choices(turn.t('eligibility.summary.question'), [
        choice('summary', 'confirm', turn.t('eligibility.summary.confirm'), 'primary', {
          means: 'yes',
          words: vocabulary.choices.confirmSummary,
        }),
        ...changes,
      ]),
    ];
  },
  async answer(turn, input, data) {
    const { program } = turn.services;
    if (input.value?.startsWith('change:')) {
      const step = input.value.slice('change:'.length);
      if (!questionOrder(program, data).includes(step)) return miss();
      return ok({ ...data, reviewing: true }, { goTo: step });
    }
    const confirmed = input.value === 'confirm' || (input.text !== undefined && parseYesNo(input.text) === true);
    if (!confirmed) return miss();
    const current = await currentAssessment(turn, data);
    // The summary is only reached with every question answered; this guards against a changed program.
    const missing = firstUnanswered(program, data);
    if (!current || missing) return missing ? ok(data, { goTo: missing }) : miss();
    return ok({ ...data, canApply: current.assessment.applicable.length > 0 }, { replies: resultReplies(turn, current.assessment) });
  },
};
