/**
 * How many hours are used and left: `budget` for applicants (their company, per country), experts (their
 * engagements) and staff (any company, or all adopted engagements), and the same meters on the dashboard.
 */
import type { Turn } from './needs.ts';
import type { ApplicationView } from '../applications/application.ts';
import { deny } from '../core/authorize.ts';
import { error, facts, text, type Fact, type Reply } from '../core/reply.ts';
import { hasRole } from '../core/roles.ts';
import { lookupCompanyForStaff } from '../applications/company-lookup.ts';
import { engagementsOf } from './expert-engagements.ts';
import { entryLine, usageMeter } from './hours-words.ts';
import { countryName, engagementLabel } from './program-facts.ts';

/** Engagements with a cap: adopted ones, and closed ones that were adopted (their hours still count). */
const hasBudget = (a: ApplicationView) => a.status === 'adopted' || (a.status === 'closed' && a.adoptedAt !== null);

function budgetFacts(turn: Turn, title: string, apps: ApplicationView[], label: (a: ApplicationView) => string): Reply {
  const { t, locale, services } = turn;
  // Engagements with a budget are shown as meters (bar and caption); the others say why they have none.
  const waiting: Fact[] = apps.filter((a) => !hasBudget(a)).map((a) => ({ label: label(a), value: t('hours.budget.notAdopted') }));
  const meters = apps.filter(hasBudget).map((a) => usageMeter(a, services.program, t, locale, label(a)));
  return facts(title, waiting, meters);
}

/** Per country of one company: `Acme の支援時間` with a meter per adopted country. */
function companyBudget(turn: Turn, apps: ApplicationView[]): Reply {
  const { t, locale, services } = turn;
  return budgetFacts(turn, t('hours.budget.companyTitle', { company: apps[0]!.companyName }), apps, (a) =>
    countryName(services.program, a.country, locale),
  );
}

function applicantCompanies(turn: Turn): number[] {
  return [...new Set(turn.person.roles.flatMap((g) => (g.role === 'applicant' && g.companyId !== null ? [g.companyId] : [])))];
}

/** The applicant's companies' hours, one facts reply per company (or only `only`'s). */
export async function applicantBudget(turn: Turn, only: number | null = null): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (const companyId of applicantCompanies(turn).filter((id) => only === null || id === only)) {
    const apps = await turn.services.applications.listForCompany(companyId);
    if (apps.length) replies.push(companyBudget(turn, apps));
  }
  return replies;
}

/** The expert's engagements with a budget, as meters; empty when they have none. */
export async function expertBudget(turn: Turn, companyId: number | null = null): Promise<Reply[]> {
  const { t, locale, services } = turn;
  const apps = (await engagementsOf(services, turn.person)).filter(
    (a) => hasBudget(a) && (companyId === null || a.companyId === companyId),
  );
  if (!apps.length) return [];
  return [budgetFacts(turn, t('hours.budget.expertTitle'), apps, (a) => engagementLabel(a, services.program, t, locale))];
}

/** The expert's most recent entries on their engagements. */
export async function recentEntries(turn: Turn, limit: number): Promise<Reply[]> {
  const apps = await engagementsOf(turn.services, turn.person);
  if (!apps.length) return [];
  const entries = await turn.services.hours.recent(
    apps.map((a) => a.id),
    limit,
  );
  if (!entries.length) return [text(turn.t('hours.overview.noEntries'))];
  const byId = new Map(apps.map((a) => [a.id, a]));
  return [text([turn.t('hours.overview.recent'), ...entries.map((e) => `• ${entryLine(e, byId.get(e.applicationId), turn)}`)].join('\n'))];
}

export async function budget(turn: Turn, args: string): Promise<Reply[]> {
  const { services, t, locale } = turn;
  const name = args.trim();
  let companyId: number | null = null;
  if (name) {
    const staff = hasRole(turn.person, 'staff');
    // Staff may leave out the legal form when that names one company; others name their own companies exactly.
    const lookup = staff ? await lookupCompanyForStaff(services.applications, name, { allowLooseMatch: true }) : null;
    const company = lookup ? (lookup.found ? lookup.company : null) : await services.applications.findCompany(name);
    // Others name only a company of their own (or of their engagements): any other name reads the same, existing or not.
    const theirs =
      company !== null &&
      (applicantCompanies(turn).includes(company.id) ||
        (await engagementsOf(services, turn.person)).some((a) => a.companyId === company.id));
    if (staff && !company) return [error('not_found', t('hours.companyNotFound', { name }))];
    if (!company || (!staff && !theirs)) return [error('not_yours', t('hours.companyNotYours', { name }))];
    companyId = company.id;
  }

  if (hasRole(turn.person, 'staff')) {
    if (companyId !== null) {
      const apps = await services.applications.listForCompany(companyId);
      return apps.length ? [companyBudget(turn, apps)] : [text(t('hours.budget.none'), true)];
    }
    const adopted = (await services.applications.list(['adopted'])).sort(
      (a, b) => a.capMinutes - a.usedMinutes - (b.capMinutes - b.usedMinutes),
    );
    if (!adopted.length) return [text(t('hours.budget.none'), true)];
    return [
      budgetFacts(turn, t('hours.budget.allTitle'), adopted, (a) => engagementLabel(a, services.program, t, locale)),
      text(t('hours.budget.staffHint'), true),
    ];
  }

  const isApplicant = applicantCompanies(turn).length > 0;
  const isExpert = hasRole(turn.person, 'expert');
  if (!isApplicant && !isExpert) return deny(turn, ['applicant', 'expert', 'staff'], 'budget');
  const replies = [
    ...(isApplicant ? await applicantBudget(turn, companyId) : []),
    ...(isExpert ? await expertBudget(turn, companyId) : []),
  ];
  return replies.length ? replies : [text(t('hours.budget.none'), true)];
}
