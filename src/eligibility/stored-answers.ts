/** The eligibility answers as kept with a membership request, read back with zod (stored JSON is untrusted). */
import { z } from 'zod';
import { entityKindSchema, priorUseSchema, type EligibilityAnswers } from './rules.ts';

const storedAnswersSchema = z.object({
  entityKind: entityKindSchema,
  countries: z.array(z.string()),
  excludedRegions: z.array(z.string()),
  japaneseInvestment: z.boolean().optional(),
  intent: z.boolean().optional(),
  consent: z.boolean().optional(),
  priorUse: z.record(z.string(), priorUseSchema),
});

/** The answers to store (JSON-safe: undefined fields dropped). */
export function answersToStore(answers: EligibilityAnswers): Record<string, unknown> {
  return JSON.parse(JSON.stringify(answers)) as Record<string, unknown>;
}

export function readStoredAnswers(stored: Record<string, unknown>): EligibilityAnswers | undefined {
  const parsed = storedAnswersSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}
