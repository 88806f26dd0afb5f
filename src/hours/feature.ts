/** The hours ledger: experts log time against each engagement's cap; everyone sees what is left. */
import type { Feature } from './needs.ts';
import { hasRole } from '../core/roles.ts';
import { applicantBudget, expertBudget, recentEntries } from './budget.ts';
import { changeCategoryAction } from './category-action.ts';
import { engagementFlow } from './engagement-flow.ts';
import { listPageAction } from './entry-list.ts';
import { budgetCommand, hoursCommand } from './hours-command.ts';
import { voidAction } from './void-entry.ts';

export const hoursFeature: Feature = {
  name: 'hours',
  commands: [hoursCommand, budgetCommand],
  actions: [changeCategoryAction, listPageAction, voidAction],
  flows: [engagementFlow],
  async home(turn) {
    const expert = hasRole(turn.person, 'expert') ? [...(await expertBudget(turn)), ...(await recentEntries(turn, 3))] : [];
    const applicant = hasRole(turn.person, 'applicant') ? await applicantBudget(turn) : [];
    return [...expert, ...applicant];
  },
};
