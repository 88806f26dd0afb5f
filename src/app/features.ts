/** The features the bot runs, in the order their greetings are tried. Each feature adds one line. */
import type { Feature } from '../core/feature.ts';
import { hoursFeature } from '../hours/feature.ts';
import { createEligibilityFeature } from '../eligibility/feature.ts';
import { staffFeature } from '../staff/feature.ts';
import { bookingFeature } from '../booking/feature.ts';
import { membershipFeature } from '../membership/feature.ts';

export function createFeatures(): Feature[] {
  return [hoursFeature, createEligibilityFeature(), staffFeature(), bookingFeature, membershipFeature];
}
