/**
 * `quota` (採択状況): where the program stands, as facts with meters (Slack draws bars, Teams a card);
 * `quota <company>`: one company's applications in detail. Reads counters only (see applications/quota.ts).
 */
import type { Command, Turn } from './needs.ts';
import { quotaFigures, type QuotaFigures } from '../applications/quota.ts';
import { applicationStatusSchema } from '../applications/application.ts';
import { requireRole } from '../core/authorize.ts';
import { facts, text, type Fact, type Meter, type Reply } from '../core/reply.ts';
import { lookupCompanyForStaff } from '../applications/company-lookup.ts';
import { unknownCompany } from './failures.ts';
import { isoDateIn } from '../i18n/format.ts';
import { parseApplicationId } from './args.ts';
import { adoptionMeter, applicationFacts, detailExtras, hoursMeter } from './application-views.ts';
import { countryName } from './country-ref.ts';
import { applicationName, day, hours, statusLabel } from './words.ts';

/** How many engagements get a bar of their own; the export has them all. */
const maxEngagementMeters = 25;

/** The program summary: adoption, applications per status, hours, near-cap engagements, days left. */
export function quotaSummary(turn: Turn, q: QuotaFigures): Reply {
  const { t, services } = turn;
  const { program } = services;
  // Adopted and hours used are meters (bar + caption); the facts carry the rest.
  const list: Fact[] = [
    {
      label: t('staff.quota.byCountry'),
      value: q.adoptedByCountry
        .map((c) => t('staff.quota.countryCount', { country: countryName(program, c.country, turn.locale), count: c.count }))
        .join(t('staff.list.separator')),
    },
    {
      label: t('staff.quota.byStatus', { total: q.totalApplications }),
      value: applicationStatusSchema.options
        .map((s) => t('staff.quota.statusCount', { status: statusLabel(turn, s), count: q.byStatus[s] }))
        .join(t('staff.list.separator')),
    },
    { label: t('staff.quota.hoursLeft'), value: hours(turn, q.hours.leftMinutes) },
  ];
  if (q.hours.reservedMinutes > 0) list.push({ label: t('staff.quota.hoursReserved'), value: hours(turn, q.hours.reservedMinutes) });
  list.push({
    label: t('staff.quota.nearCap', { percent: q.warnAtPercent }),
    value: q.nearCap.length
      ? q.nearCap
          .map((e) =>
            t('staff.quota.nearCapItem', {
              name: applicationName(turn, { id: e.id, companyName: e.companyName, country: e.country }),
              percent: e.percentUsed,
              left: hours(turn, e.leftMinutes),
            }),
          )
          .join(t('staff.list.separator'))
      : t('staff.detail.none'),
  });
  list.push({
    label: t('staff.quota.period'),
    value:
      q.daysLeft >= 0
        ? t('staff.quota.daysLeft', { days: q.daysLeft, end: day(turn, q.supportEnds) })
        : t('staff.quota.periodOver', { end: day(turn, q.supportEnds) }),
  });
  const meters: Meter[] = [
    {
      ...adoptionMeter(turn, q.adopted),
      caption: t('staff.quota.adoptedValue', { adopted: q.adopted, target: q.target, left: Math.max(0, q.target - q.adopted) }),
    },
  ];
  // Before the first adoption there is no cap to draw a bar against.
  if (q.hours.capMinutes > 0)
    meters.push({
      label: t('staff.quota.hoursUsed'),
      used: q.hours.usedMinutes,
      total: q.hours.capMinutes,
      caption: t('staff.quota.hoursUsedValue', { used: hours(turn, q.hours.usedMinutes), cap: hours(turn, q.hours.capMinutes) }),
    });
  return facts(t('staff.quota.title', { date: day(turn, isoDateIn(turn.now, program.homeTimeZone)) }), list, meters);
}

/** Each engagement's hours as a bar, fullest first. */
function engagementMeters(turn: Turn, q: QuotaFigures): Reply[] {
  if (q.engagements.length === 0) return [text(turn.t('staff.quota.noEngagements'))];
  const sorted = [...q.engagements].sort((a, b) => b.percentUsed - a.percentUsed || a.id - b.id);
  const meters = sorted.slice(0, maxEngagementMeters).map((e) => {
    const name = applicationName(turn, { id: e.id, companyName: e.companyName, country: e.country });
    return hoursMeter(turn, e.status === 'closed' ? turn.t('staff.quota.closedName', { name }) : name, e.usedMinutes, e.capMinutes);
  });
  const list: Fact[] =
    sorted.length > maxEngagementMeters
      ? [{ label: turn.t('staff.quota.more'), value: turn.t('staff.quota.moreValue', { count: sorted.length - maxEngagementMeters }) }]
      : [];
  return [facts(turn.t('staff.quota.perEngagement', { count: sorted.length }), list, meters)];
}

async function companyQuota(turn: Turn, word: string): Promise<Reply[]> {
  const { applications } = turn.services;
  const id = parseApplicationId(word);
  const lookup = await lookupCompanyForStaff(applications, word, { allowLooseMatch: true });
  const company = lookup.found ? lookup.company : id !== undefined ? await applications.findCompany(id) : null;
  if (!company) return unknownCompany(turn, word, lookup.found ? [] : lookup.candidates);
  const list = await applications.listForCompany(company.id);
  if (list.length === 0) return [text(turn.t('staff.quota.companyNone', { company: company.name }))];
  const replies: Reply[] = [];
  for (const a of list) replies.push(applicationFacts(turn, a, await detailExtras(turn, a, false)));
  return replies;
}

export const quotaCommand: Command = {
  name: 'quota',
  aliases: ['採択状況', 'クォータ'],
  audience: ['staff'],
  usage: 'quota [company]',
  summary: 'staff.cmd.quota',
  async run(turn, args) {
    const denied = await requireRole(turn, ['staff'], 'quota');
    if (denied) return denied;
    if (args.trim() !== '') return companyQuota(turn, args.trim());
    const q = await quotaFigures(turn.services, turn.now);
    return [quotaSummary(turn, q), ...engagementMeters(turn, q)];
  },
};
