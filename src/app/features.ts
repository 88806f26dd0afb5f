/**
 * The features the bot runs, in the order their greetings are tried, and the ports they need (each feature
 * declares its own in its needs.ts; create-services.ts binds an implementation of each to every transaction).
 * Each feature adds one line to each list.
 */
import type { Feature } from '../core/feature.ts';
import { hoursFeature } from '../hours/feature.ts';
import type { HoursPorts } from '../hours/needs.ts';
import { createEligibilityFeature } from '../eligibility/feature.ts';
import type { EligibilityPorts } from '../eligibility/needs.ts';
import { staffFeature } from '../staff/feature.ts';
import type { StaffPorts } from '../staff/needs.ts';
import { bookingFeature } from '../booking/feature.ts';
import type { BookingPorts } from '../booking/needs.ts';
import { membershipFeature } from '../membership/feature.ts';
import type { MembershipPorts } from '../membership/needs.ts';

/** Every port a feature needs: what the composition root must bind to each transaction. */
export type FeaturePorts = HoursPorts & EligibilityPorts & StaffPorts & BookingPorts & MembershipPorts;

export function createFeatures(): Feature<FeaturePorts>[] {
  return [hoursFeature, createEligibilityFeature(), staffFeature(), bookingFeature, membershipFeature];
}
