/**
 * Brings stored company keys up to the current rules (src/applications/company-name.ts). Companies written
 * before the `membership` migration carry a key that dropped legal forms (so 株式会社サンプル and 有限会社サンプル
 * collided) and no loose key; NFKC is not available in SQL, so the keys are recomputed here, once, after the
 * migrations. Rows already refreshed (a loose key set) are left alone, so this is cheap on every start.
 */
import { companyKeys } from '../applications/company-name.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import type { PrismaClient } from './prisma-client.ts';

/** Returns how many companies were updated; a key another company already holds is left for staff (logged). */
export async function refreshCompanyKeys(prisma: PrismaClient, log?: (line: string) => void): Promise<number> {
  const stale = await prisma.company.findMany({ where: { looseKey: '' }, select: { id: true, name: true } });
  let updated = 0;
  for (const row of stale) {
    try {
      await prisma.company.update({ where: { id: row.id }, data: companyKeys(row.name) });
      updated++;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      log?.(`company #${row.id} "${row.name}": its exact key is taken by another company; left as it was, for staff to merge`);
    }
  }
  return updated;
}
