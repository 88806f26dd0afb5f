/**
 * A company as program staff name it in a command (`quota Acme`, `budget Acme`, `role grant applicant …`).
 * The exact name first; for reading, staff may leave out the legal form when that names one company ("Acme"
 * for "Acme Co., Ltd."). Staff see every company anyway, so this is convenience, not access; granting a
 * membership always needs the exact name (the look-alikes are only offered in the refusal).
 */
import type { ApplicationRepository, CompanyView } from './ports.ts';

export type CompanyLookup = { found: true; company: CompanyView } | { found: false; candidates: CompanyView[] };

export async function lookupCompanyForStaff(
  applications: ApplicationRepository,
  name: string,
  opts: { allowLooseMatch: boolean },
): Promise<CompanyLookup> {
  const exact = await applications.findCompany(name);
  if (exact) return { found: true, company: exact };
  const candidates = await applications.similarCompanies(name);
  if (opts.allowLooseMatch && candidates.length === 1) return { found: true, company: candidates[0]! };
  return { found: false, candidates };
}
