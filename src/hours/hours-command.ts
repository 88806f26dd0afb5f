/**
 * `hours`: log time (`hours 2 review NDA [on 2021-09-10] [for Acme]`), see usage (`hours`), take the last
 * entry back (`hours undo`), list entries (`hours list [company]`), and, for staff, void any entry
 * (`hours void <id> <reason>`).
 */
import type { Command, Turn } from './needs.ts';
import type { ApplicationView } from '../applications/application.ts';
import { requireRole } from '../core/authorize.ts';
import { error, text, type Reply } from '../core/reply.ts';
import { hasRole } from '../core/roles.ts';
import { normalizeText } from '../core/text-normalize.ts';
import { budget, expertBudget, recentEntries } from './budget.ts';
import { engagementFlowId, hoursCommandWords, type EngagementFlowData } from './engagement-flow.ts';
import { listEntries } from './entry-list.ts';
import { engagementsOf, resolveEngagement } from './expert-engagements.ts';
import { companyKey, companyLooseKey } from '../applications/company-name.ts';
import { durationError, refusal, travelRefusal } from './hours-words.ts';
import { inferCategory } from './infer-category.ts';
import { parseLogArgs } from './parse-log-args.ts';
import { notCountedName } from './program-facts.ts';
import { submitEntry } from './submit-entry.ts';
import { staffVoid, undoLastEntry } from './void-entry.ts';

const subcommands = {
  undo: ['undo', '取消', '取り消し', '取消し', 'とりけし'],
  list: ['list', '一覧', 'いちらん'],
  void: ['void', '無効'],
} as const;

/**
 * The arguments as typed, so the note is kept verbatim (the core hands commands NFKC-folded text). Falls
 * back to the folded arguments when the typed text is not the command followed by them.
 */
function typedArgs(turn: Turn, args: string): string {
  const typed = turn.inbound.text;
  const m = typed === undefined ? null : /^\s*\S+\s*([\s\S]*)$/.exec(typed);
  const raw = m ? m[1]!.trim() : '';
  return m && normalizeText(raw) === normalizeText(args) ? raw : args;
}

async function overview(turn: Turn): Promise<Reply[]> {
  if (!hasRole(turn.person, 'expert')) {
    if (hasRole(turn.person, 'staff') || hasRole(turn.person, 'applicant'))
      return [text(turn.t('hours.overview.notExpert'), true), ...(await budget(turn, ''))];
    return (await requireRole(turn, ['expert'], 'hours'))!;
  }
  const meters = await expertBudget(turn);
  return [
    text(turn.t('hours.usage'), true),
    ...(meters.length ? meters : [text(turn.t('hours.refused.noEngagement'), true)]),
    ...(await recentEntries(turn, 5)),
  ];
}

/**
 * `for <company>` names one of the expert's own engagements: by its exact name, else by its name without the
 * legal form ("for Acme" for Acme Co., Ltd.) when that picks one company. Other companies are never looked up.
 */
function ownCompanyNamer(own: ApplicationView[]): (name: string) => number | undefined {
  const unique = (ids: number[]) => (new Set(ids).size === 1 ? ids[0] : undefined);
  return (name) =>
    unique(own.filter((a) => companyKey(a.companyName) === companyKey(name)).map((a) => a.companyId)) ??
    unique(own.filter((a) => companyLooseKey(a.companyName) === companyLooseKey(name)).map((a) => a.companyId));
}

async function logEntry(turn: Turn, args: string): Promise<Reply[]> {
  const denied = await requireRole(turn, ['expert'], 'hours.log');
  if (denied) return denied;
  const { services } = turn;
  const limits = { maxMinutes: services.program.hoursLedger.maxEntryMinutes };
  // Read once: they name the company (`for Acme`) and decide the engagement.
  const mine = await engagementsOf(services, turn.person);
  const named = ownCompanyNamer(mine);
  const parsed = await parseLogArgs(typedArgs(turn, args), limits, async (name) => named(name) !== undefined);
  if (!parsed.ok) return durationError(turn, parsed.code);

  const category = inferCategory(parsed.note, services.program);
  if (category.kind === 'not_counted') return travelRefusal(turn, notCountedName(services.program, category.code, turn.locale));

  const companyId = parsed.company === null ? null : (named(parsed.company) ?? null);
  const resolution = await resolveEngagement(services, mine, { conversationKey: turn.inbound.conversation.key, companyId });
  const pending = { minutes: parsed.minutes, note: parsed.note, category: category.code, date: parsed.date };

  switch (resolution.kind) {
    case 'one':
      return submitEntry(turn, resolution.application, pending, category);
    case 'ask': {
      const initial: EngagementFlowData = { ...pending, matched: category.matched, options: resolution.options.map((a) => a.id) };
      return turn.startFlow(engagementFlowId, initial);
    }
    case 'none':
      await services.audit.record({
        actorId: turn.person.id,
        action: 'hours.refused',
        subjectType: 'application',
        subjectId: resolution.application?.id,
        details: { reason: resolution.reason },
      });
      if (!resolution.application) {
        const message = resolution.company
          ? turn.t('hours.refused.notAssignedCompany', { company: resolution.company })
          : turn.t('hours.refused.noEngagement');
        return [error('not_assigned', message)];
      }
      return refusal(turn, { status: resolution.reason, application: resolution.application });
  }
}

export const hoursCommand: Command = {
  name: hoursCommandWords[0],
  aliases: hoursCommandWords.slice(1),
  audience: ['expert', 'staff'],
  usage: 'hours <duration> <note> [on YYYY-MM-DD] [for <company>]',
  summary: 'hours.cmd.hours',
  // Staff do not log hours: they list and take back entries.
  roleHelp: { staff: { usage: 'hours list [company] · hours void <id> <reason>', summary: 'hours.cmd.hoursStaff' } },
  async run(turn, args) {
    const [first = '', ...rest] = args.split(/\s+/);
    const word = normalizeText(first);
    const tail = rest.join(' ');
    if (word === '') return overview(turn);
    if ((subcommands.undo as readonly string[]).includes(word)) return undoLastEntry(turn);
    if ((subcommands.list as readonly string[]).includes(word)) return listEntries(turn, tail.trim());
    if ((subcommands.void as readonly string[]).includes(word)) return staffVoid(turn, typedArgs(turn, args).replace(/^\S+\s*/, ''));
    return logEntry(turn, args);
  },
};

export const budgetCommand: Command = {
  name: 'budget',
  aliases: ['残り時間', '予算'],
  audience: ['applicant', 'expert', 'staff'],
  usage: 'budget [company]',
  summary: 'hours.cmd.budget',
  roleHelp: { applicant: { usage: 'budget', summary: 'hours.cmd.budgetApplicant' } },
  run: (turn, args) => budget(turn, args),
};
