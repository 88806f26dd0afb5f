/**
 * The message catalogs. Each feature keeps its messages in `ja/<feature>.ts` and `en/<feature>.ts`
 * (keys prefixed with the feature name); this file merges them. The English catalog of a feature is
 * typed against its Japanese one, so a missing translation is a type error, and a test checks that
 * both sides use the same `{parameters}`. The platform adapters keep their own messages beside them
 * (adapters/slack/i18n, adapters/teams/i18n) and translate with `translatorWith` (translate.ts).
 */
import { coreJa } from './ja/core.ts';
import { coreEn } from './en/core.ts';
import { hoursJa } from './ja/hours.ts';
import { hoursEn } from './en/hours.ts';
import { eligibilityJa } from './ja/eligibility.ts';
import { eligibilityEn } from './en/eligibility.ts';
import { staffJa } from './ja/staff.ts';
import { staffEn } from './en/staff.ts';
import { bookingJa } from './ja/booking.ts';
import { bookingEn } from './en/booking.ts';
import { membershipJa } from './ja/membership.ts';
import { membershipEn } from './en/membership.ts';

export const catalogs = {
  ja: { ...coreJa, ...hoursJa, ...eligibilityJa, ...staffJa, ...bookingJa, ...membershipJa },
  en: { ...coreEn, ...hoursEn, ...eligibilityEn, ...staffEn, ...bookingEn, ...membershipEn },
} as const;

export type MessageKey = keyof (typeof catalogs)['ja'];
export type Locale = keyof typeof catalogs;
export const locales = Object.keys(catalogs) as Locale[];
