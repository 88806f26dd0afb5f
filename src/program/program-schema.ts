/** The zod schema of a program definition file (one per fiscal year). */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const localized = z.object({ ja: z.string().min(1), en: z.string().min(1) });
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'expected an IANA time zone such as Asia/Bangkok');

export const countryCodeSchema = z.string().regex(/^[a-z]{2}$/);

const countrySchema = z.object({
  code: countryCodeSchema,
  name: localized,
  /** Words that name the country in typed answers, compared after NFKC and lower-casing. */
  aliases: z.array(z.string().min(1)).min(1),
  capHours: z.number().positive(),
  timeZone,
  utcOffsetLabel: z.string(),
  localLanguage: z.object({ code: z.string().min(2), name: localized }),
  contacts: z.array(z.string()).min(1),
});

const trainingTopicSchema = z.object({
  number: z.number().int().positive(),
  title: localized,
  audiences: z.array(z.enum(['managers', 'employees'])).min(1),
});

export const programSchema = z
  .object({
    id: z.string().min(1),
    title: localized,
    source: z.string(),
    operator: localized,
    homeTimeZone: timeZone,
    dates: z.object({ announced: isoDate, applicationsOpen: isoDate, supportEnds: isoDate }),
    adoptionTarget: z.number().int().positive(),
    priorUseRule: z.object({ since: isoDate, thresholdHours: z.number().positive(), acceptedFrom: isoDate }),
    countries: z.array(countrySchema).min(1),
    excludedRegions: z.array(z.object({ name: localized, aliases: z.array(z.string().min(1)).min(1) })),
    contact: z.object({
      division: localized,
      address: localized,
      phone: z.string(),
      email: z.email(),
    }),
    hourCategories: z.array(z.object({ code: z.string().min(1), name: localized })).min(1),
    notCounted: z.array(z.object({ code: z.string().min(1), name: localized })),
    deliveryChannels: localized,
    consultationMenu: z.array(z.object({ code: z.string().min(1), title: localized, items: z.array(localized) })).min(1),
    trainingTopics: z.array(trainingTopicSchema).min(1),
    booking: z.object({
      minimumLeadHours: z.number().nonnegative(),
      reminderHoursBefore: z.number().positive(),
      defaultEstimateMinutes: z.object({ consultation: z.number().int().positive(), training: z.number().int().positive() }),
    }),
    hoursLedger: z.object({
      maxEntryMinutes: z.number().int().positive(),
      warnAtPercent: z.number().min(1).max(100),
      undoWindowHours: z.number().positive(),
    }),
    notes: z.object({ free: localized, covid: localized, publicity: localized, handouts: localized }),
  })
  .superRefine((p, ctx) => {
    const codes = p.countries.map((c) => c.code);
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: 'custom', path: ['countries'], message: 'country codes must be unique' });
    if (p.dates.applicationsOpen > p.dates.supportEnds)
      ctx.addIssue({ code: 'custom', path: ['dates', 'supportEnds'], message: 'the support period must end after applications open' });
  });

export type Program = z.infer<typeof programSchema>;
export type Country = Program['countries'][number];
export type Localized = z.infer<typeof localized>;
export type TrainingTopic = z.infer<typeof trainingTopicSchema>;
