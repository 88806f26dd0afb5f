/** `hours list`: the entries a person may see, newest first, a page at a time with buttons to page on. */
import type { ActionHandler, Turn } from './needs.ts';
import type { ApplicationView } from '../applications/application.ts';
import { encodeAction } from '../core/action-value.ts';
import { deny } from '../core/authorize.ts';
import { choices, error, text, type Choice, type Reply } from '../core/reply.ts';
import { hasRole } from '../core/roles.ts';
import { engagementsOf } from './expert-engagements.ts';
import { actionIds, entryLine } from './hours-words.ts';

const pageSize = 10;

/**
 * The engagements whose entries the person may list: staff any (one company's when named), experts their
 * engagements, applicants their company's. Undefined when the person holds none of these roles.
 */
async function visibleEngagements(turn: Turn, companyId: number | null): Promise<ApplicationView[] | undefined> {
  const { services, person } = turn;
  if (hasRole(person, 'staff')) return companyId === null ? services.applications.list() : services.applications.listForCompany(companyId);
  const isExpert = hasRole(person, 'expert');
  const companies = person.roles.flatMap((g) => (g.role === 'applicant' && g.companyId !== null ? [g.companyId] : []));
  if (!isExpert && companies.length === 0) return undefined;
  const own = [
    ...(isExpert ? await engagementsOf(services, person) : []),
    ...(await Promise.all(companies.map((c) => services.applications.listForCompany(c)))).flat(),
  ];
  const unique = [...new Map(own.map((a) => [a.id, a])).values()];
  return companyId === null ? unique : unique.filter((a) => a.companyId === companyId);
}

export async function listEntries(turn: Turn, companyText: string): Promise<Reply[]> {
  let companyId: number | null = null;
  if (companyText) {
    const company = await turn.services.applications.findCompany(companyText);
    if (!company) return [error('not_found', turn.t('hours.companyNotFound', { name: companyText }))];
    companyId = company.id;
  }
  return entriesPage(turn, companyId, 0);
}

async function entriesPage(turn: Turn, companyId: number | null, page: number): Promise<Reply[]> {
  const apps = await visibleEngagements(turn, companyId);
  if (!apps) return deny(turn, ['expert', 'applicant', 'staff'], 'hours.list');
  const { entries, total } = apps.length
    ? await turn.services.hours.list(
        apps.map((a) => a.id),
        { offset: page * pageSize, limit: pageSize },
      )
    : { entries: [], total: 0 };
  if (total === 0) return [text(turn.t('hours.list.none'), true)];
  if (entries.length === 0) return entriesPage(turn, companyId, Math.max(0, Math.ceil(total / pageSize) - 1));

  const byId = new Map(apps.map((a) => [a.id, a]));
  const from = page * pageSize + 1;
  const lines = entries.map((e) => `• ${entryLine(e, byId.get(e.applicationId), turn)}`);
  const body = [turn.t('hours.list.title', { from, to: from + entries.length - 1, total }), ...lines].join('\n');
  const nav: Choice[] = [];
  const pageChoice = (p: number, label: string): Choice => ({
    label,
    value: encodeAction({ h: actionIds.listPage, v: `${p}:${companyId ?? ''}` }),
  });
  if (page > 0) nav.push(pageChoice(page - 1, turn.t('core.paging.previous')));
  if (from + entries.length - 1 < total) {
    const nextFrom = from + pageSize;
    nav.push(pageChoice(page + 1, turn.t('core.paging.more', { from: nextFrom, to: Math.min(nextFrom + pageSize - 1, total), total })));
  }
  return nav.length ? [choices(body, nav, true)] : [text(body, true)];
}

/** The "next page" / "previous page" buttons; visibility is checked again on every click. */
export const listPageAction: ActionHandler = {
  id: actionIds.listPage,
  async run(turn, action) {
    const m = /^(\d{1,6}):(\d*)$/.exec(action.v);
    if (!m) return [error('bad_button', turn.t('core.error.badButton'))];
    return entriesPage(turn, m[2] ? Number(m[2]) : null, Number(m[1]));
  },
};
