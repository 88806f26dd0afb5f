/**
 * The program staff feature: roles, the application pipeline, quota, exports, and the staff dashboard.
 * Every command checks the role (and the scope) when it runs; a refusal is recorded in the audit log.
 */
import type { Feature, Turn } from './needs.ts';
import { quotaFigures } from '../applications/quota.ts';
import { waitingStatuses } from '../applications/pipeline.ts';
import { hasRole } from '../core/roles.ts';
import { choices, text, type Reply } from '../core/reply.ts';
import { applicationActions, applicationCommand, applicationsCommand } from './application-commands.ts';
import { applicationLine } from './application-views.ts';
import { engagementCommands } from './engagement-commands.ts';
import { exportCommand } from './export-command.ts';
import { pipelineActions, pipelineCommands, withdrawCommand } from './pipeline-commands.ts';
import { quotaCommand, quotaSummary } from './quota-command.ts';
import { revokeRoleAction, roleCommand } from './role-commands.ts';
import { engagementActions } from './engagement-actions.ts';
import { actionIds, button } from './staff-actions.ts';

/** How many waiting applications the dashboard lists (oldest first); `applications waiting` has them all. */
const dashboardWaiting = 5;

/** The staff dashboard: the quota summary and the applications waiting for action. */
async function staffHome(turn: Turn): Promise<Reply[]> {
  if (!hasRole(turn.person, 'staff')) return [];
  const q = await quotaFigures(turn.services, turn.now);
  const waiting = await turn.services.applications.list([...waitingStatuses]);
  if (waiting.length === 0) return [quotaSummary(turn, q), text(turn.t('staff.home.noneWaiting'))];
  const shown = waiting.slice(0, dashboardWaiting);
  const lines = [turn.t('staff.home.waiting', { count: waiting.length }), ...shown.map((a) => `• ${applicationLine(turn, a)}`)];
  const buttons = shown.map((a) => button(actionIds.open, String(a.id), turn.t('staff.list.open', { id: a.id })));
  if (waiting.length > shown.length) buttons.push(button(actionIds.page, 'waiting|0', turn.t('staff.home.all', { count: waiting.length })));
  return [quotaSummary(turn, q), choices(lines.join('\n'), buttons)];
}

export function staffFeature(): Feature {
  return {
    name: 'staff',
    commands: [
      roleCommand,
      applicationsCommand,
      applicationCommand,
      ...pipelineCommands,
      ...engagementCommands,
      withdrawCommand,
      quotaCommand,
      exportCommand,
    ],
    actions: [...pipelineActions, ...applicationActions, ...engagementActions, revokeRoleAction],
    home: staffHome,
  };
}
