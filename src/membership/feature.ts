/** Who a person is and which companies they speak for: `whoami`, membership requests and their decisions. */
import type { Feature } from './needs.ts';
import { membershipActions, membershipCommands } from './members-command.ts';
import { whoamiCommand } from './whoami-command.ts';

export const membershipFeature: Feature = {
  name: 'membership',
  commands: [whoamiCommand, ...membershipCommands],
  actions: membershipActions,
};
