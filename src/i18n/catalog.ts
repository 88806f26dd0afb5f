/**
 * The message catalogs. Each feature keeps its messages in `ja/<feature>.ts` and `en/<feature>.ts`
 * (keys prefixed with the feature name); this file merges them. The English catalog of a feature is
 * typed against its Japanese one, so a missing translation is a type error, and a test checks that
 * both sides use the same `{parameters}`.
 */
import { coreJa } from './ja/core.ts';
import { coreEn } from './en/core.ts';

export const catalogs = {
  ja: { ...coreJa },
  en: { ...coreEn },
} as const;

export type MessageKey = keyof (typeof catalogs)['ja'];
export type Locale = keyof typeof catalogs;
export const locales = Object.keys(catalogs) as Locale[];
