/**
 * The eligibility check as a step-by-step flow: one question at a time, a summary with a chance to change
 * any answer, the result per country, then (when something can be applied for) registering the application.
 */
import type { FlowDefinition } from './needs.ts';
import { text } from '../core/reply.ts';
import { formatIsoDate } from '../i18n/format.ts';
import { applyStep, companyStep, register } from './apply-steps.ts';
import {
  eligibilityDataSchema,
  emptyEligibilityData,
  firstUnanswered,
  priorUseStep,
  questionOrder,
  type EligibilityData,
} from './eligibility-data.ts';
import { countriesStep, entityStep, excludedRegions, priorUseQuestion, programCountries, yesNoStep } from './question-steps.ts';
import { eligibilityFlowId } from './step-helpers.ts';
import { summaryStep } from './summary-step.ts';

export { eligibilityFlowId };

export const eligibilityFlow: FlowDefinition<EligibilityData> = {
  id: eligibilityFlowId,
  // The check is public information: in a channel it is answered in the channel.
  public: true,
  dataSchema: eligibilityDataSchema,
  start: () => emptyEligibilityData(),
  firstStep: () => 'entity',
  steps: {
    entity: entityStep,
    countries: countriesStep,
    investment: yesNoStep('investment', 'japaneseInvestment', (turn) => turn.t('eligibility.q.investment')),
    intent: yesNoStep('intent', 'intent', (turn) => turn.t('eligibility.q.intent')),
    consent: yesNoStep('consent', 'consent', (turn) => turn.t('eligibility.q.consent')),
    // One question per selected country: `priorUse:cn`, `priorUse:th`…
    [priorUseStep]: priorUseQuestion,
    summary: summaryStep,
    apply: applyStep,
    company: companyStep,
  },
  next(turn, stepId, data) {
    if (stepId === 'summary') return data.canApply ? 'apply' : null;
    if (stepId === 'apply') return data.applying ? 'company' : null;
    if (stepId === 'company') return null;
    const { program } = turn.services;
    const missing = firstUnanswered(program, data);
    // After a change from the summary, only what the change made necessary is asked before the summary again.
    if (data.reviewing) return missing ?? 'summary';
    const order = questionOrder(program, data);
    const index = order.indexOf(stepId);
    return (index >= 0 ? order[index + 1] : undefined) ?? missing ?? 'summary';
  },
  title: (turn) => turn.t('eligibility.flow.title'),
  async finish(turn, data) {
    if (data.applying && data.companyName) return register(turn, data);
    if (data.applying === false) return [text(turn.t('eligibility.apply.declined'))];
    return [text(turn.t('eligibility.result.again'))];
  },
  help(turn, stepId) {
    const { program } = turn.services;
    const { locale } = turn;
    const base = stepId.split(':')[0]!;
    switch (base) {
      case 'entity':
        return [text(turn.t('eligibility.help.entity'))];
      case 'countries':
        return [text(turn.t('eligibility.help.countries', { countries: programCountries(turn), excluded: excludedRegions(turn) }))];
      case 'investment':
        return [text(turn.t('eligibility.help.investment'))];
      case 'intent':
        return [text(turn.t('eligibility.help.intent'))];
      case 'consent':
        return [text(turn.t('eligibility.help.consent', { publicity: program.notes.publicity[locale] }))];
      case priorUseStep:
        return [
          text(
            turn.t('eligibility.help.priorUse', {
              since: formatIsoDate(program.priorUseRule.since, locale),
              hours: program.priorUseRule.thresholdHours,
              date: formatIsoDate(program.priorUseRule.acceptedFrom, locale),
            }),
          ),
        ];
      case 'summary':
        return [text(turn.t('eligibility.help.summary'))];
      case 'apply':
        return [text(turn.t('eligibility.help.apply', { email: program.contact.email }))];
      default:
        return [text(turn.t('eligibility.help.company'))];
    }
  },
};
