/**
 * The program's eligibility rules (応募条件), as pure functions of the answers, the program definition and
 * today's date. Results are values with reason codes; the chat words them (see eligibility-result.ts).
 */
import { z } from 'zod';
import type { Program } from '../program/program-schema.ts';
import { amountReaches, typedAmountSchema } from './prior-use-amount.ts';

/** What kind of entity the company is, as the announcement distinguishes them. */
export const entityKindSchema = z.enum([
  /** A corporation in Japan with a local corporation, factory or representative office in the country. */
  'japan_corporation',
  /** A local corporation in the country (eligible with investment from a Japanese company). */
  'local_corporation',
  /** A representative office of a Japanese company in the country. */
  'representative_office',
  /** None of the above: not covered by the program. */
  'other',
]);
export type EntityKind = z.infer<typeof entityKindSchema>;

/** Prior use of the program in one country since the fiscal year the rule names. */
export const priorUseSchema = z.object({
  /** Used for `priorUseRule.thresholdHours` or more. */
  atLeastThreshold: z.boolean(),
  /** The hours typed, in whole minutes rounded down, when the applicant gave a number (what is stored with the application). */
  minutes: z.number().int().nonnegative().optional(),
  /** The amount exactly as typed (「19.99」 stays 19.99): compared exactly with the threshold and shown as typed. */
  amount: typedAmountSchema.optional(),
});
export type PriorUse = z.infer<typeof priorUseSchema>;

export interface EligibilityAnswers {
  entityKind: EntityKind;
  /** Program country codes (`cn`, `th`…). */
  countries: string[];
  /** Regions named that the program excludes (Hong Kong…), by their English name in the program. */
  excludedRegions: string[];
  /** Asked of local corporations only. */
  japaneseInvestment?: boolean;
  intent?: boolean;
  consent?: boolean;
  /** Per country code. */
  priorUse: Record<string, PriorUse>;
}

/** Why a company does not qualify for a country. */
export type IneligibilityReason =
  | 'entity_not_covered'
  | 'no_japanese_investment'
  | 'no_intent'
  | 'no_consent'
  | 'country_not_covered'
  | 'missing_answer';

/** Whether the program takes applications today, whatever the answers. */
export type ProgramAvailability =
  | { code: 'open' }
  | { code: 'not_open'; opensOn: string }
  | { code: 'ended'; endedOn: string }
  | { code: 'full'; target: number; adopted: number };

export type CountryVerdict =
  | { country: string; outcome: 'eligible'; capHours: number; priorUse: PriorUse }
  /** Qualifies, but prior use of the threshold or more: applications accepted only from `acceptedFrom`. */
  | { country: string; outcome: 'eligible_from'; acceptedFrom: string; capHours: number; priorUse: PriorUse }
  | { country: string; outcome: 'not_eligible'; reasons: IneligibilityReason[] };

export interface EligibilityAssessment {
  availability: ProgramAvailability;
  countries: CountryVerdict[];
  /** Regions named in the answers that do not count (mainland China only). */
  excludedRegions: string[];
  /** Countries an application can be registered for today: eligible, and the program open. */
  applicable: string[];
}

/** `today` and the program's dates are calendar dates `YYYY-MM-DD` in the program's home time zone. */
export function programAvailability(program: Program, today: string, adoptedCount: number): ProgramAvailability {
  if (today < program.dates.applicationsOpen) return { code: 'not_open', opensOn: program.dates.applicationsOpen };
  if (today > program.dates.supportEnds) return { code: 'ended', endedOn: program.dates.supportEnds };
  // Screening is first come, first served and closes once the planned number is adopted.
  if (adoptedCount >= program.adoptionTarget) return { code: 'full', target: program.adoptionTarget, adopted: adoptedCount };
  return { code: 'open' };
}

/** Conditions that hold for the company as a whole, whatever the country. */
export function companyReasons(
  answers: Pick<EligibilityAnswers, 'entityKind' | 'japaneseInvestment' | 'intent' | 'consent'>,
): IneligibilityReason[] {
  if (answers.entityKind === 'other') return ['entity_not_covered'];
  const reasons: IneligibilityReason[] = [];
  if (answers.entityKind === 'local_corporation') {
    if (answers.japaneseInvestment === undefined) reasons.push('missing_answer');
    else if (!answers.japaneseInvestment) reasons.push('no_japanese_investment');
  }
  if (answers.intent === undefined || answers.consent === undefined) reasons.push('missing_answer');
  if (answers.intent === false) reasons.push('no_intent');
  if (answers.consent === false) reasons.push('no_consent');
  return [...new Set(reasons)];
}

/** Whether the prior use reaches the threshold (typed hours decide over a yes/no, compared exactly as typed). */
export function priorUseReachesThreshold(program: Program, use: PriorUse): boolean {
  if (use.amount) return amountReaches(use.amount, program.priorUseRule.thresholdHours);
  return use.minutes !== undefined ? use.minutes >= program.priorUseRule.thresholdHours * 60 : use.atLeastThreshold;
}

export function countryVerdict(program: Program, answers: EligibilityAnswers, code: string, today: string): CountryVerdict {
  const country = program.countries.find((c) => c.code === code);
  if (!country) return { country: code, outcome: 'not_eligible', reasons: ['country_not_covered'] };
  const reasons = companyReasons(answers);
  const priorUse = answers.priorUse[code];
  if (reasons.length === 0 && !priorUse) reasons.push('missing_answer');
  if (reasons.length > 0 || !priorUse) return { country: code, outcome: 'not_eligible', reasons };

  const { acceptedFrom } = program.priorUseRule;
  // Heavy prior users are not excluded; their applications are only accepted from a later date.
  if (priorUseReachesThreshold(program, priorUse) && today < acceptedFrom) {
    return { country: code, outcome: 'eligible_from', acceptedFrom, capHours: country.capHours, priorUse };
  }
  return { country: code, outcome: 'eligible', capHours: country.capHours, priorUse };
}

/** The whole verdict: per country (in the program's order), the excluded regions, and what can be applied for today. */
export function assessEligibility(input: {
  answers: EligibilityAnswers;
  program: Program;
  today: string;
  adoptedCount: number;
}): EligibilityAssessment {
  const { answers, program, today } = input;
  const availability = programAvailability(program, today, input.adoptedCount);
  const known = program.countries.map((c) => c.code).filter((code) => answers.countries.includes(code));
  const unknown = answers.countries.filter((code) => !known.includes(code));
  const countries = [...known, ...unknown].map((code) => countryVerdict(program, answers, code, today));
  const applicable = availability.code === 'open' ? countries.filter((v) => v.outcome === 'eligible').map((v) => v.country) : [];
  return { availability, countries, excludedRegions: [...answers.excludedRegions], applicable };
}
