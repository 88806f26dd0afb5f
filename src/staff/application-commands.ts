/**
 * `applications [status]`: the list in first-come order, a page at a time, each with a button to open it;
 * `application <id>`: one application's detail (staff see every one, with buttons for the next steps; an
 * expert sees the engagements they are assigned to; an applicant their own company's).
 */
import type { ActionHandler, Command, Turn } from './needs.ts';
import { applicationStatusSchema, type ApplicationStatus } from '../applications/application.ts';
import { waitingStatuses } from '../applications/pipeline.ts';
import { deny, requireRole } from '../core/authorize.ts';
import { pageOf } from '../core/paging.ts';
import { choices, error, text, type Reply } from '../core/reply.ts';
import { normalizeText } from '../core/text-normalize.ts';
import { parseApplicationId } from './args.ts';
import { locales } from '../i18n/catalog.ts';
import { translator } from '../i18n/translate.ts';
import { applicationFacts, applicationLine, detailExtras, staffDetail } from './application-views.ts';
import { actionIds, button, parseId, parsePage } from './staff-actions.ts';
import { statusLabel } from './words.ts';

const pageSize = 10;

/** Words that pick a list filter: a status in English or Japanese, `waiting` (not yet decided), or all. */
function parseFilter(word: string): string | undefined {
  const w = normalizeText(word);
  if (w === '' || w === 'all' || w === 'すべて' || w === '全部') return '';
  if (w === 'waiting' || w === 'pending' || w === '対応待ち' || w === '未決') return 'waiting';
  // Status names are accepted in either language, whatever the reader's.
  return applicationStatusSchema.options.find(
    (s) => s === w || locales.some((l) => normalizeText(translator(l)(`staff.status.${s}`)) === w),
  );
}

function statusesOf(filter: string): ApplicationStatus[] | undefined {
  if (filter === '') return undefined;
  if (filter === 'waiting') return [...waitingStatuses];
  return [applicationStatusSchema.parse(filter)];
}

async function listPage(turn: Turn, filter: string, page: number): Promise<Reply[]> {
  const all = await turn.services.applications.list(statusesOf(filter));
  const filterLabel =
    filter === ''
      ? turn.t('staff.list.all')
      : filter === 'waiting'
        ? turn.t('staff.list.waiting')
        : statusLabel(turn, applicationStatusSchema.parse(filter));
  if (all.length === 0) return [text(turn.t('staff.list.empty', { filter: filterLabel }), true)];
  const pages = Math.ceil(all.length / pageSize);
  const current = Math.min(Math.max(0, page), pages - 1);
  const shown = all.slice(current * pageSize, (current + 1) * pageSize);
  const header = turn.t('staff.list.title', { filter: filterLabel, count: all.length, page: current + 1, pages });
  const lines = shown.map((a) => `• ${applicationLine(turn, a)}`);
  const open = all.map((a) => button(actionIds.open, String(a.id), turn.t('staff.list.open', { id: a.id })));
  const buttons = pageOf(open, current, turn.t, (p, label) => button(actionIds.page, `${filter}|${p}`, label), pageSize);
  return [choices([header, ...lines].join('\n'), buttons, true)];
}

export const applicationsCommand: Command = {
  name: 'applications',
  aliases: ['申請一覧'],
  audience: ['staff'],
  usage: 'applications [status|waiting]',
  summary: 'staff.cmd.applications',
  async run(turn, args) {
    const denied = await requireRole(turn, ['staff'], 'applications');
    if (denied) return denied;
    const filter = parseFilter(args);
    if (filter === undefined) {
      const options = ['waiting', ...applicationStatusSchema.options].join(', ');
      return [error('usage', turn.t('staff.list.badFilter', { word: args.trim(), options }))];
    }
    return listPage(turn, filter, 0);
  },
};

/** The detail as `turn`'s person may see it: staff everything, an assigned expert or the company's applicant read-only. */
async function detailFor(turn: Turn, id: number): Promise<Reply[]> {
  const a = await turn.services.applications.get(id);
  const isStaff = turn.person.roles.some((g) => g.role === 'staff');
  if (isStaff) return a ? staffDetail(turn, a) : [error('not_found', turn.t('staff.error.notFound', { id }))];
  const denied = await requireRole(turn, ['staff', 'expert', 'applicant'], 'application');
  if (denied) return denied;
  // Scope: the same answer whether it does not exist or is someone else's, so ids cannot be probed.
  const ownCompany = a !== null && turn.person.roles.some((g) => g.role === 'applicant' && g.companyId === a.companyId);
  const assigned =
    a !== null &&
    turn.person.roles.some((g) => g.role === 'expert') &&
    (await turn.services.applications.expertsOf(a.id)).includes(turn.person.id);
  if (!a || !(ownCompany || assigned)) return deny(turn, ['staff'], 'application', { applicationId: id });
  return [applicationFacts(turn, a, await detailExtras(turn, a, false))];
}

export const applicationCommand: Command = {
  name: 'application',
  aliases: ['申請詳細'],
  audience: ['staff', 'expert', 'applicant'],
  usage: 'application <id>',
  summary: 'staff.cmd.application',
  async run(turn, args) {
    const id = parseApplicationId(args);
    if (id === undefined) {
      const denied = await requireRole(turn, ['staff', 'expert', 'applicant'], 'application');
      return denied ?? [error('usage', turn.t('staff.usage', { usage: 'application <id>' }))];
    }
    return detailFor(turn, id);
  },
};

export const applicationActions: ActionHandler[] = [
  {
    id: actionIds.open,
    async run(turn, action) {
      const id = parseId(action.v);
      if (id === undefined) return [error('bad_button', turn.t('core.error.badButton'))];
      return detailFor(turn, id);
    },
  },
  {
    id: actionIds.page,
    async run(turn, action) {
      const denied = await requireRole(turn, ['staff'], 'applications');
      if (denied) return denied;
      const v = parsePage(action.v);
      if (!v || (v.filter !== '' && v.filter !== 'waiting' && !applicationStatusSchema.safeParse(v.filter).success))
        return [error('bad_button', turn.t('core.error.badButton'))];
      return listPage(turn, v.filter, v.page);
    },
  },
];
