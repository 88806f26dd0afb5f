/**
 * What the booking feature needs: its ports, bound to each turn's transaction by the composition root (src/app),
 * and the core's types bound to them, so its commands, actions and flows see exactly these on `turn.services`.
 */
import type { ActionHandler as CoreActionHandler, Command as CoreCommand, Feature as CoreFeature } from '../core/feature.ts';
import type { FlowDefinition as CoreFlowDefinition, FlowStep as CoreFlowStep } from '../core/flow.ts';
import type { CoreServices } from '../core/services.ts';
import type { Turn as CoreTurn } from '../core/turn.ts';
import type { ApplicationRepository } from '../applications/ports.ts';
import type { BookingRepository } from './booking-port.ts';
import type { SlotRepository } from './slot-port.ts';

export interface BookingPorts {
  applications: ApplicationRepository;
  bookings: BookingRepository;
  slots: SlotRepository;
}

export type Services = CoreServices & BookingPorts;
export type Turn = CoreTurn<BookingPorts>;
export type Command = CoreCommand<BookingPorts>;
export type ActionHandler = CoreActionHandler<BookingPorts>;
export type Feature = CoreFeature<BookingPorts>;
export type FlowDefinition<D> = CoreFlowDefinition<D, BookingPorts>;
export type FlowStep<D> = CoreFlowStep<D, BookingPorts>;
