/**
 * The adoption target (about 40 companies in the FY2021 program): how many are adopted and whether the
 * program is full. The eligibility flow asks `isProgramFull` to tell new applicants that it is.
 */
import type { ApplicationRepository } from './ports.ts';

export interface AdoptionTargetDeps {
  applications: Pick<ApplicationRepository, 'countAdopted'>;
  program: { adoptionTarget: number };
}

/** Applications adopted so far (including closed engagements). */
export function adoptionCount(deps: AdoptionTargetDeps): Promise<number> {
  return deps.applications.countAdopted();
}

/** True once the adopted applications reach the program's adoption target. */
export async function isProgramFull(deps: AdoptionTargetDeps): Promise<boolean> {
  return (await adoptionCount(deps)) >= deps.program.adoptionTarget;
}
