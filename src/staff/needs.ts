/**
 * What the staff feature needs: its ports, bound to each turn's transaction by the composition root (src/app),
 * and the core's types bound to them, so its commands, actions and flows see exactly these on `turn.services`.
 */
import type { ActionHandler as CoreActionHandler, Command as CoreCommand, Feature as CoreFeature } from '../core/feature.ts';
import type { CoreServices } from '../core/services.ts';
import type { Turn as CoreTurn } from '../core/turn.ts';
import type { ApplicationRepository } from '../applications/ports.ts';
import type { StaffReports } from './ports.ts';

export interface StaffPorts {
  applications: ApplicationRepository;
  staffReports: StaffReports;
}

export type Services = CoreServices & StaffPorts;
export type Turn = CoreTurn<StaffPorts>;
export type Command = CoreCommand<StaffPorts>;
export type ActionHandler = CoreActionHandler<StaffPorts>;
export type Feature = CoreFeature<StaffPorts>;
