/**
 * What the hours feature needs: its ports, bound to each turn's transaction by the composition root (src/app),
 * and the core's types bound to them, so its commands, actions and flows see exactly these on `turn.services`.
 */
import type { ActionHandler as CoreActionHandler, Command as CoreCommand, Feature as CoreFeature } from '../core/feature.ts';
import type { FlowDefinition as CoreFlowDefinition } from '../core/flow.ts';
import type { CoreServices } from '../core/services.ts';
import type { Turn as CoreTurn } from '../core/turn.ts';
import type { ApplicationRepository } from '../applications/ports.ts';
import type { HourLedgerRepository } from './ports.ts';

export interface HoursPorts {
  hours: HourLedgerRepository;
  applications: ApplicationRepository;
}

export type Services = CoreServices & HoursPorts;
export type Turn = CoreTurn<HoursPorts>;
export type Command = CoreCommand<HoursPorts>;
export type ActionHandler = CoreActionHandler<HoursPorts>;
export type Feature = CoreFeature<HoursPorts>;
export type FlowDefinition<D> = CoreFlowDefinition<D, HoursPorts>;
