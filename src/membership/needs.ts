/**
 * What the membership feature needs: its ports, bound to each turn's transaction by the composition root (src/app),
 * and the core's types bound to them, so its commands, actions and flows see exactly these on `turn.services`.
 */
import type { ActionHandler as CoreActionHandler, Command as CoreCommand, Feature as CoreFeature } from '../core/feature.ts';
import type { CoreServices } from '../core/services.ts';
import type { Turn as CoreTurn } from '../core/turn.ts';
import type { ApplicationRepository } from '../applications/ports.ts';
import type { MembershipRepository } from './ports.ts';

export interface MembershipPorts {
  applications: ApplicationRepository;
  memberships: MembershipRepository;
}

export type Services = CoreServices & MembershipPorts;
export type Turn = CoreTurn<MembershipPorts>;
export type Command = CoreCommand<MembershipPorts>;
export type ActionHandler = CoreActionHandler<MembershipPorts>;
export type Feature = CoreFeature<MembershipPorts>;
