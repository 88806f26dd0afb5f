/** The answers the eligibility flow collects, as stored between messages, and which questions they still need. */
import { z } from 'zod';
import type { Program } from '../program/program-schema.ts';
import { companyReasons, entityKindSchema, priorUseSchema, type EligibilityAnswers } from './rules.ts';

export const eligibilityDataSchema = z.object({
  entityKind: entityKindSchema.optional(),
  /** Country codes ticked so far (the countries question moves on with "done" or a typed list). */
  countries: z.array(z.string()),
  excludedRegions: z.array(z.string()),
  japaneseInvestment: z.boolean().optional(),
  intent: z.boolean().optional(),
  consent: z.boolean().optional(),
  priorUse: z.record(z.string(), priorUseSchema),
  /** Set once an answer is changed from the summary: the flow then returns to the summary. */
  reviewing: z.boolean(),
  /** Set when the summary is confirmed and at least one country can be applied for today. */
  canApply: z.boolean(),
  /** The applicant's answer to the offer to register the application. */
  applying: z.boolean().optional(),
  companyName: z.string().optional(),
});
export type EligibilityData = z.infer<typeof eligibilityDataSchema>;

export const emptyEligibilityData = (): EligibilityData => ({
  countries: [],
  excludedRegions: [],
  priorUse: {},
  reviewing: false,
  canApply: false,
});

export const priorUseStep = 'priorUse';
export const priorUseStepId = (country: string) => `${priorUseStep}:${country}`;
/** The country a `priorUse:<code>` step asks about. */
export const countryOfStep = (stepId: string): string => stepId.slice(priorUseStep.length + 1);

/** The selected countries in the program's order (the order the questions and results use). */
export function orderedCountries(program: Program, data: EligibilityData): string[] {
  return program.countries.map((c) => c.code).filter((code) => data.countries.includes(code));
}

/** True when nothing about the company as a whole rules it out, so the per-country questions matter. */
function companyMayQualify(data: EligibilityData): boolean {
  if (!data.entityKind) return false;
  return companyReasons({ ...data, entityKind: data.entityKind }).length === 0;
}

/** The questions that apply to these answers, in the order they are asked. */
export function questionOrder(program: Program, data: EligibilityData): string[] {
  const order = ['entity', 'countries'];
  if (data.entityKind === 'other') return order;
  if (data.entityKind === 'local_corporation') order.push('investment');
  order.push('intent', 'consent');
  if (companyMayQualify(data)) order.push(...orderedCountries(program, data).map(priorUseStepId));
  return order;
}

function isAnswered(data: EligibilityData, stepId: string): boolean {
  switch (stepId) {
    case 'entity':
      return data.entityKind !== undefined;
    case 'countries':
      return data.countries.length > 0;
    case 'investment':
      return data.japaneseInvestment !== undefined;
    case 'intent':
      return data.intent !== undefined;
    case 'consent':
      return data.consent !== undefined;
    default:
      return data.priorUse[countryOfStep(stepId)] !== undefined;
  }
}

/** The first question these answers still need, if any. */
export function firstUnanswered(program: Program, data: EligibilityData): string | undefined {
  return questionOrder(program, data).find((step) => !isAnswered(data, step));
}

/** The answers as the rules take them (only the questions that apply are kept). */
export function toAnswers(program: Program, data: EligibilityData): EligibilityAnswers | undefined {
  if (!data.entityKind) return undefined;
  const countries = orderedCountries(program, data);
  return {
    entityKind: data.entityKind,
    countries,
    excludedRegions: data.excludedRegions,
    japaneseInvestment: data.entityKind === 'local_corporation' ? data.japaneseInvestment : undefined,
    intent: data.intent,
    consent: data.consent,
    priorUse: Object.fromEntries(countries.flatMap((c) => (data.priorUse[c] ? [[c, data.priorUse[c]]] : []))),
  };
}
