/**
 * Where the program stands: adopted against the target, applications per status, hours used and left,
 * engagements near their cap, days left in the support period. Reads only the counters kept on each
 * application (usedMinutes, reservedMinutes) through grouped queries, never the hour entries, so it answers
 * in constant time however long the ledger grows.
 */
import { isoDateIn } from '../i18n/format.ts';
import type { Program } from '../program/program-schema.ts';
import { applicationStatusSchema, type ApplicationStatus } from './application.ts';
import type { ApplicationHours, ApplicationRepository } from './ports.ts';
import { adoptedStatuses } from './pipeline.ts';

export interface EngagementHours {
  id: number;
  companyName: string;
  country: string;
  status: ApplicationStatus;
  capMinutes: number;
  usedMinutes: number;
  reservedMinutes: number;
  leftMinutes: number;
  /** Used against the cap, 0–100 (rounded down, so 80% shows only when reached). */
  percentUsed: number;
}

export interface QuotaFigures {
  target: number;
  adopted: number;
  adoptedByCountry: { country: string; count: number }[];
  byStatus: Record<ApplicationStatus, number>;
  totalApplications: number;
  hours: { capMinutes: number; usedMinutes: number; reservedMinutes: number; leftMinutes: number };
  engagements: EngagementHours[];
  /** Open engagements at or past program.hoursLedger.warnAtPercent. */
  nearCap: EngagementHours[];
  warnAtPercent: number;
  supportEnds: string;
  /** Calendar days from today (program's home time zone) to the last day of support; negative once over. */
  daysLeft: number;
}

export function engagementHours(a: ApplicationHours): EngagementHours {
  return {
    id: a.id,
    companyName: a.companyName,
    country: a.country,
    status: a.status,
    capMinutes: a.capMinutes,
    usedMinutes: a.usedMinutes,
    reservedMinutes: a.reservedMinutes,
    leftMinutes: Math.max(0, a.capMinutes - a.usedMinutes),
    percentUsed: a.capMinutes > 0 ? Math.floor((a.usedMinutes / a.capMinutes) * 100) : 0,
  };
}

/** Whole calendar days from `fromIso` to `toIso` (both `YYYY-MM-DD`). */
export function daysBetween(fromIso: string, toIso: string): number {
  const utc = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(toIso) - utc(fromIso)) / 86_400_000);
}

export async function quotaFigures(deps: { applications: ApplicationRepository; program: Program }, now: Date): Promise<QuotaFigures> {
  const { applications, program } = deps;
  const [summary, perCountry, engaged] = await Promise.all([
    applications.statusSummary(),
    applications.adoptedByCountry(),
    // Counters only: loading 1,000 whole applications made `quota` miss its 50 ms (see README "Performance and resilience").
    applications.hoursOf([...adoptedStatuses]),
  ]);
  const byStatus = Object.fromEntries(applicationStatusSchema.options.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  for (const row of summary) byStatus[row.status] = row.count;
  const adoptedRows = summary.filter((r) => adoptedStatuses.includes(r.status));
  const sum = (key: 'capMinutes' | 'usedMinutes' | 'reservedMinutes') => adoptedRows.reduce((n, r) => n + r[key], 0);
  const open = summary.find((r) => r.status === 'adopted');
  const engagements = engaged.map(engagementHours);
  const warnAtPercent = program.hoursLedger.warnAtPercent;
  return {
    target: program.adoptionTarget,
    adopted: adoptedRows.reduce((n, r) => n + r.count, 0),
    adoptedByCountry: program.countries.map((c) => ({ country: c.code, count: perCountry[c.code] ?? 0 })),
    byStatus,
    totalApplications: summary.reduce((n, r) => n + r.count, 0),
    hours: {
      capMinutes: sum('capMinutes'),
      usedMinutes: sum('usedMinutes'),
      reservedMinutes: sum('reservedMinutes'),
      // What can still be used: only open engagements; a closed one's remainder is gone.
      leftMinutes: Math.max(0, (open?.capMinutes ?? 0) - (open?.usedMinutes ?? 0)),
    },
    engagements,
    nearCap: engagements
      .filter((e) => e.status === 'adopted' && e.percentUsed >= warnAtPercent)
      .sort((a, b) => b.percentUsed - a.percentUsed),
    warnAtPercent,
    supportEnds: program.dates.supportEnds,
    daysLeft: daysBetween(isoDateIn(now, program.homeTimeZone), program.dates.supportEnds),
  };
}
