/** Runs the rules on a person's answers as of this message: today in the program's home time zone, the adoptions so far. */
import type { Turn } from './needs.ts';
import { adoptionCount } from '../applications/adoption-target.ts';
import { isoDateIn } from '../i18n/format.ts';
import { toAnswers, type EligibilityData } from './eligibility-data.ts';
import {
  assessEligibility,
  programAvailability,
  type EligibilityAnswers,
  type EligibilityAssessment,
  type ProgramAvailability,
} from './rules.ts';

export interface CurrentAssessment {
  answers: EligibilityAnswers;
  assessment: EligibilityAssessment;
}

export async function currentAssessment(turn: Turn, data: EligibilityData): Promise<CurrentAssessment | undefined> {
  const { program } = turn.services;
  const answers = toAnswers(program, data);
  if (!answers) return undefined;
  const today = isoDateIn(turn.now, program.homeTimeZone);
  const adoptedCount = await adoptionCount(turn.services);
  return { answers, assessment: assessEligibility({ answers, program, today, adoptedCount }) };
}

/** Whether the program takes applications today (open, not yet open, ended, or full). */
export async function currentAvailability(turn: Turn): Promise<ProgramAvailability> {
  const { program } = turn.services;
  return programAvailability(program, isoDateIn(turn.now, program.homeTimeZone), await adoptionCount(turn.services));
}
