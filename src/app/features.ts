/** The features the bot runs, in the order their greetings are tried. Each feature adds one line. */
import type { Feature } from '../core/feature.ts';

export function createFeatures(): Feature[] {
  return [];
}
