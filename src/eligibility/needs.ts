/**
 * What the eligibility feature needs: its ports, bound to each turn's transaction by the composition root (src/app),
 * and the core's types bound to them, so its commands, actions and flows see exactly these on `turn.services`.
 */
import type { Feature as CoreFeature } from '../core/feature.ts';
import type { FlowDefinition as CoreFlowDefinition, FlowStep as CoreFlowStep } from '../core/flow.ts';
import type { CoreServices } from '../core/services.ts';
import type { Turn as CoreTurn } from '../core/turn.ts';
import type { ApplicationRepository } from '../applications/ports.ts';
import type { MembershipRepository } from '../membership/ports.ts';

export interface EligibilityPorts {
  applications: ApplicationRepository;
  memberships: MembershipRepository;
}

export type Services = CoreServices & EligibilityPorts;
export type Turn = CoreTurn<EligibilityPorts>;
export type Feature = CoreFeature<EligibilityPorts>;
export type FlowDefinition<D> = CoreFlowDefinition<D, EligibilityPorts>;
export type FlowStep<D> = CoreFlowStep<D, EligibilityPorts>;
