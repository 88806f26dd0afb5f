/** Eligibility and applying: the step-by-step check, registering the application, and its status. */
import type { Feature, Turn } from './needs.ts';
import { text, type Reply } from '../core/reply.ts';
import { applicantCompanyIds, statusReplies } from './application-status.ts';
import { currentAvailability } from './current-assessment.ts';
import { eligibilityFlow, eligibilityFlowId } from './eligibility-flow.ts';
import { availabilityText } from './eligibility-result.ts';

/**
 * Starts (or resumes) the check. When the program takes no applications today (not open yet, support period
 * over, adoption target reached) the first reply says so, before any question.
 */
async function startCheck(turn: Turn, greeting: boolean): Promise<Reply[]> {
  const title = turn.services.program.title[turn.locale];
  const closed = availabilityText(turn, await currentAvailability(turn));
  const lead = closed
    ? turn.t(greeting ? 'eligibility.welcome.closed' : 'eligibility.closed.checkOnly', { title, closed })
    : greeting
      ? turn.t('eligibility.welcome', { title })
      : undefined;
  return [...(lead ? [text(lead)] : []), ...(await turn.startFlow(eligibilityFlowId))];
}

export function createEligibilityFeature(): Feature {
  return {
    name: 'eligibility',
    flows: [eligibilityFlow],
    commands: [
      {
        // The name equals the flow id: typing it in the middle of the flow resumes it (see Bot.isCommandWord).
        name: eligibilityFlowId,
        aliases: ['応募資格', '資格', '診断', '資格診断', '応募', '申込', '申し込み', 'apply'],
        audience: 'everyone',
        usage: 'eligibility',
        summary: 'eligibility.cmd.eligibility',
        run: (turn) => startCheck(turn, false),
      },
      {
        name: 'status',
        aliases: ['申請状況', 'ステータス'],
        audience: ['applicant'],
        usage: 'status [company]',
        summary: 'eligibility.cmd.status',
        // Scoped by the person's applicant grants: only their own companies' applications are shown.
        run: (turn, args) => statusReplies(turn, args),
      },
    ],
    async onGreeting(turn) {
      // Someone new (no role yet) is most likely a company wondering whether it can take part.
      if (turn.person.roles.length > 0) return undefined;
      return startCheck(turn, true);
    },
    async home(turn) {
      if (applicantCompanyIds(turn).length > 0) return statusReplies(turn);
      if ((await turn.services.memberships.pendingOf(turn.person.id)).length > 0) return statusReplies(turn);
      if (turn.person.roles.length === 0) return [text(turn.t('eligibility.home.invite'))];
      return [];
    },
  };
}
