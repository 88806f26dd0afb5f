/**
 * The general vocabulary the bot reads typed answers with (yes/no words, fillers, politeness, emoji, numerals,
 * list and range marks, greetings, the words of common choices), loaded from `vocabulary.json` beside this
 * file and validated once. Program facts (places, countries, topics, the menu) are in the program definition.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const words = z.array(z.string().min(1));
const qualifier = z.object({ prefixes: words, suffixes: words });

export const vocabularySchema = z.object({
  decoration: z.object({
    /** Fillers and openers before an answer (「えっと」, "well", 「弊社は」). */
    leading: words,
    /** Politeness after an answer (「です」, 「でお願いします」, "please"). */
    trailing: words,
    /** Endings that look like politeness but belong to the answer (「1から3まで」 keeps its 「で」). */
    keepEndings: words,
    /** Emoji that mean yes or no; any other emoji is decoration. */
    emoji: z.object({ yes: words, no: words }),
  }),
  yesNo: z.object({
    yes: words,
    no: words,
    /** Phrases that make an answer unreadable on purpose (「たぶん」, "not sure"): the question is asked again. */
    unsure: words,
    /** Japanese negative endings: after a yes word they turn the answer into a no (「同意はしません」). */
    negativeEndings: words,
  }),
  numbers: z.object({
    kanjiDigits: z.record(z.string().length(1), z.number().int().min(0).max(9)),
    kanjiUnits: z.record(z.string().length(1), z.number().int().positive()),
    words: z.record(z.string().min(1), z.number().int().nonnegative()),
    ordinalPrefixes: words,
    ordinalSuffixes: words,
    ordinalNouns: words,
  }),
  quantities: z.object({
    hourUnits: words,
    minuteUnits: words,
    half: words,
    /** Qualifiers of an amount: before the number (`prefixes`) or after it (`suffixes`). */
    about: qualifier,
    atLeast: qualifier,
    over: qualifier,
    under: qualifier,
    atMost: qualifier,
    /** Words after an amount that only say it was used (「20時間利用」). */
    usedWords: words,
  }),
  lists: z.object({ separators: words, rangeMarks: words, rangeEnds: words, all: words, only: words }),
  places: z.object({ filler: words }),
  /** Words that control a flow at any step. */
  flowWords: z.object({ back: words, cancel: words, restart: words, help: words }),
  greetings: words,
  choices: z.object({
    done: words,
    confirmSummary: words,
    entity: z.object({ japan_corporation: words, local_corporation: words, representative_office: words, other: words }),
    bookingKind: z.object({ consultation: words, training: words }),
    japanese: words,
    /** Confirming a booking (「予約」 is also the book command: as a button's word it confirms). */
    confirmBooking: words,
    /** Confirming the cancellation of a booking. */
    confirmCancel: words,
    /** Yes, register (the offer to register the application). */
    apply: words,
    /** Not now (the offer to register the application). */
    later: words,
  }),
});

export type Vocabulary = z.infer<typeof vocabularySchema>;

function load(): Vocabulary {
  const raw: unknown = JSON.parse(readFileSync(new URL('./vocabulary.json', import.meta.url), 'utf8'));
  // A broken vocabulary file is a programming error: fail at start with zod's explanation.
  return vocabularySchema.parse(raw);
}

export const vocabulary: Vocabulary = load();
