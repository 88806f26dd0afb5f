/**
 * `members`: the people of one's companies and the requests to join them waiting for a decision (staff: every
 * waiting request); `approve-member <n>` / `decline-member <n>` decide one, as do the buttons on the request.
 */
import type { ActionHandler, Command, Turn } from './needs.ts';
import { requireRole } from '../core/authorize.ts';
import { choices, error, text, type Reply } from '../core/reply.ts';
import { hasRole } from '../core/roles.ts';
import { decideMembership, type Decision } from './decide-membership.ts';
import { decisionButtons, memberCompanyIds, membershipActionIds, nameOf, requestText } from './membership-words.ts';

async function listMembers(turn: Turn): Promise<Reply[]> {
  const { services, t, locale } = turn;
  const denied = await requireRole(turn, ['applicant', 'staff'], 'members');
  if (denied) return denied;
  const companies = memberCompanyIds(turn.person);
  const replies: Reply[] = [];
  for (const companyId of companies) {
    const company = await services.applications.findCompany(companyId);
    const members = await services.memberships.membersOf(companyId);
    replies.push(
      text(
        t('membership.members.line', {
          company: company?.name ?? `#${companyId}`,
          people: members.map((m) => nameOf(t, m, m.id)).join(', '),
        }),
      ),
    );
  }
  const waiting = await services.memberships.pending(hasRole(turn.person, 'staff') ? 'all' : companies);
  if (waiting.length === 0) replies.push(text(t('membership.members.noneWaiting')));
  for (const request of waiting) {
    const requester = await services.people.findById(request.personId);
    replies.push(
      choices(requestText(t, locale, services.program, request, nameOf(t, requester, request.personId)), decisionButtons(t, request.id)),
    );
  }
  return replies;
}

const usage = (turn: Turn, command: string) => [error('usage', turn.t('membership.usage', { command }))];

function decideCommand(decision: Decision, name: string, aliases: string[]): Command {
  return {
    name,
    aliases,
    audience: ['applicant', 'staff'],
    usage: `${name} <n>`,
    summary: decision === 'approve' ? 'membership.cmd.approve' : 'membership.cmd.decline',
    async run(turn, args) {
      const denied = await requireRole(turn, ['applicant', 'staff'], name);
      if (denied) return denied;
      const m = /^#?(\d{1,9})$/.exec(args.normalize('NFKC').trim());
      if (!m) return usage(turn, name);
      return decideMembership(turn, Number(m[1]), decision);
    },
  };
}

export const membershipCommands: Command[] = [
  {
    name: 'members',
    aliases: ['メンバー', '参加申請', 'member'],
    audience: ['applicant', 'staff'],
    usage: 'members',
    summary: 'membership.cmd.members',
    run: (turn) => listMembers(turn),
  },
  decideCommand('approve', 'approve-member', ['参加承認']),
  decideCommand('decline', 'decline-member', ['参加拒否', '参加お断り']),
];

const decisionAction = (decision: Decision, id: string): ActionHandler => ({
  id,
  async run(turn, action) {
    if (!/^\d{1,9}$/.test(action.v)) return [error('bad_button', turn.t('core.error.badButton'))];
    return decideMembership(turn, Number(action.v), decision);
  },
});

export const membershipActions: ActionHandler[] = [
  decisionAction('approve', membershipActionIds.approve),
  decisionAction('decline', membershipActionIds.decline),
];
