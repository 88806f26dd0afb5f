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

/** Words typed for something, compared after NFKC and lower-casing (and small typos in longer ones). */
const typedWords = z.array(z.string().min(1));

const countrySchema = z.object({
  code: countryCodeSchema,
  name: localized,
  /** Words that name the country in typed answers, compared after NFKC and lower-casing. */
  aliases: typedWords.min(1),
  /** Cities, regions and other names people type for the country (「バンコク」, 'Ho Chi Minh City', 「深圳」). */
  places: typedWords.default([]),
  capHours: z.number().positive(),
  timeZone,
  utcOffsetLabel: z.string(),
  /** The language trainings may be given in besides Japanese, and the words typed for it. */
  localLanguage: z.object({ code: z.string().min(2), name: localized, aliases: typedWords.default([]) }),
  contacts: z.array(z.string()).min(1),
});

const trainingTopicSchema = z.object({
  number: z.number().int().positive(),
  /** The announcement's own words (Japanese verbatim). */
  title: localized,
  /** Words that pick the topic when typed (「判例」, 'court cases'). */
  aliases: typedWords.default([]),
  audiences: z.array(z.enum(['managers', 'employees'])).min(1),
});

/**
 * Words in an expert's note that point to an hour category, compared with the note after NFKC and
 * lower-casing, so written that way: Latin words match whole words only, Japanese ones anywhere.
 */
const foldedWords = z.array(
  z
    .string()
    .min(1)
    .refine((w) => w === w.normalize('NFKC').toLowerCase(), 'write keywords in lower case, NFKC-normalised (as notes are compared)'),
);

const hourCategorySchema = z.object({
  code: z.string().min(1),
  name: localized,
  keywords: z.object({ ja: foldedWords, en: foldedWords }),
});

/** One point of the consultation menu, with the announcement's sub-points. */
const menuItemSchema = z.object({ title: localized, details: z.array(localized).default([]) });

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
    /** Words for "all the countries" (「4カ国すべて」); 「全部」 and 'all' come from the vocabulary. */
    allCountries: typedWords.default([]),
    /** Regions typed that are not covered (Hong Kong, Macau, Taiwan: only mainland China is), with their cities. */
    excludedRegions: z.array(z.object({ name: localized, aliases: typedWords.min(1), places: typedWords.default([]) })),
    /** Why those regions are not covered, said whenever one is named. */
    excludedRegionsNote: localized,
    contact: z.object({
      division: localized,
      address: localized,
      phone: z.string(),
      email: z.email(),
    }),
    /** What an expert's hours are counted as (the announcement's list), with the words that point to each. */
    hourCategories: z.array(hourCategorySchema).min(1),
    /** Work the program does not count (the expert's travel), with the words that point to it. */
    notCounted: z.array(hourCategorySchema),
    /** How a note is matched to a category: which category wins when a note names several, and the default. */
    hourCategoryInference: z.object({
      /**
       * Every counted category once, the first that a note names wins: the activity (follow-up, contract
       * review, preparing materials, lecturing) before the medium (phone, e-mail, meeting), because "review
       * the NDA sent by e-mail" is contract review; preparation before lecturing, because 「研修資料作成」 is
       * preparing materials for a training. What is not counted is checked before all of them.
       */
      precedence: z.array(z.string().min(1)).min(1),
      /** The category taken when the note names none (the expert may correct it). */
      default: z.string().min(1),
    }),
    deliveryChannels: localized,
    /** The two services as the announcement names them: (A) consultation, (B) training. */
    services: z.object({ consultation: localized, training: localized }),
    consultationMenu: z
      .array(z.object({ code: z.string().min(1), title: localized, aliases: typedWords.default([]), items: z.array(menuItemSchema) }))
      .min(1),
    trainingTopics: z.array(trainingTopicSchema).min(1),
    /** The languages trainings are given in, as the announcement says. */
    trainingLanguages: localized,
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
    notes: z.object({
      free: localized,
      covid: localized,
      publicity: localized,
      handouts: localized,
      /** The sealed original application is posted later, to an address given individually. */
      originalByPost: localized,
      /** The menu and topics may change after discussion with the retained expert. */
      menuMayChange: localized,
    }),
  })
  .superRefine((p, ctx) => {
    const codes = p.countries.map((c) => c.code);
    const topics = p.trainingTopics.map((t) => t.number);
    if (new Set(topics).size !== topics.length)
      ctx.addIssue({ code: 'custom', path: ['trainingTopics'], message: 'topic numbers must be unique' });
    if (new Set(codes).size !== codes.length)
      ctx.addIssue({ code: 'custom', path: ['countries'], message: 'country codes must be unique' });
    const categories = p.hourCategories.map((c) => c.code);
    const precedence = p.hourCategoryInference.precedence;
    if (new Set([...categories, ...p.notCounted.map((c) => c.code)]).size !== categories.length + p.notCounted.length)
      ctx.addIssue({ code: 'custom', path: ['hourCategories'], message: 'hour category codes (counted or not) must be unique' });
    if (precedence.length !== categories.length || !categories.every((c) => precedence.includes(c)))
      ctx.addIssue({
        code: 'custom',
        path: ['hourCategoryInference', 'precedence'],
        message: `list every hour category once: ${categories.join(', ')}`,
      });
    if (!categories.includes(p.hourCategoryInference.default))
      ctx.addIssue({ code: 'custom', path: ['hourCategoryInference', 'default'], message: `expected one of ${categories.join(', ')}` });
    if (p.dates.applicationsOpen > p.dates.supportEnds)
      ctx.addIssue({ code: 'custom', path: ['dates', 'supportEnds'], message: 'the support period must end after applications open' });
  });

export type Program = z.infer<typeof programSchema>;
export type Country = Program['countries'][number];
