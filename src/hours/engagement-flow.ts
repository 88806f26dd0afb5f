/**
 * When an expert's entry could belong to several engagements, the bot asks which one and keeps the entry
 * pending in this flow's data until it is answered. The answer ends the flow in the same transaction that
 * logs the entry, so a double click on the answer logs it once (the second click finds no flow).
 */
import type { FlowDefinition, Turn } from './needs.ts';
import { z } from 'zod';
import { flowChoice } from '../core/flow.ts';
import { choices, text } from '../core/reply.ts';
import { companyLooseKey } from '../applications/company-name.ts';
import { engagementsOf } from './expert-engagements.ts';
import { formatDuration } from './hours-words.ts';
import { countryName, engagementLabel } from './program-facts.ts';
import { parseLogArgs } from './parse-log-args.ts';
import { submitEntry } from './submit-entry.ts';
import { splitCommand } from '../core/text-normalize.ts';

/** The words that run `hours` (see hours-command.ts). */
export const hoursCommandWords = ['hours', '時間', '工数'] as const;

function isHoursCommand(typed: string): boolean {
  return (hoursCommandWords as readonly string[]).includes(splitCommand(typed).word);
}

/**
 * The company of a typed `hours …` that repeats the waiting entry (same duration, note and date) and names its
 * company with `for`; undefined for anything else (another entry is a command of its own).
 */
async function sameEntryFor(turn: Turn, typed: string, data: EngagementFlowData): Promise<number | undefined> {
  const { applications, program } = turn.services;
  const raw = typed.replace(/^\s*\/?\S+\s*/, '');
  const parsed = await parseLogArgs(
    raw,
    { maxMinutes: program.hoursLedger.maxEntryMinutes },
    async (name) => (await applications.findCompany(name)) !== null,
  );
  if (!parsed.ok || parsed.company === null || parsed.minutes !== data.minutes || parsed.note !== data.note || parsed.date !== data.date)
    return undefined;
  return (await applications.findCompany(parsed.company))?.id;
}

export const engagementFlowId = 'hours-engagement';

const dataSchema = z.object({
  minutes: z.number().int().positive(),
  note: z.string(),
  category: z.string(),
  matched: z.boolean(),
  date: z.string().nullable(),
  /** The engagements offered, by application id. */
  options: z.array(z.number().int()).min(2),
  chosen: z.number().int().optional(),
});
export type EngagementFlowData = z.infer<typeof dataSchema>;

export const engagementFlow: FlowDefinition<EngagementFlowData> = {
  id: engagementFlowId,
  dataSchema,
  start: (_turn, initial) => dataSchema.parse(initial),
  firstStep: () => 'engagement',
  steps: {
    engagement: {
      async ask(turn, data) {
        const { t, locale, services } = turn;
        const apps = (await engagementsOf(services, turn.person)).filter((a) => data.options.includes(a.id));
        return [
          choices(
            t('hours.ask.engagement', { duration: formatDuration(data.minutes, t), note: data.note }),
            apps.map((a) => {
              const country = services.program.countries.find((c) => c.code === a.country);
              // The company alone, or the country alone when that tells them apart (「Alpha」, 「タイ」, 'Bangkok').
              const words = [a.companyName, ...(country ? [country.name.ja, country.name.en, ...country.aliases, ...country.places] : [])];
              return {
                ...flowChoice(engagementFlowId, 'engagement', String(a.id), engagementLabel(a, services.program, t, locale)),
                words,
              };
            }),
          ),
        ];
      },
      // 「hours 2 review NDA for Alpha」 typed again while asked: the same entry, now with its engagement (read before commands).
      readsTextFirst: true,
      async answer(turn, input, data) {
        const apps = (await engagementsOf(turn.services, turn.person)).filter((a) => data.options.includes(a.id));
        let chosen = input.value !== undefined ? apps.find((a) => String(a.id) === input.value) : undefined;
        if (!chosen && input.text && isHoursCommand(input.text)) {
          const retyped = await sameEntryFor(turn, input.text, data);
          chosen = retyped === undefined ? undefined : apps.find((a) => a.companyId === retyped);
          return chosen ? { ok: true, data: { ...data, chosen: chosen.id } } : { ok: false };
        }
        if (!chosen && input.text) {
          // A typed answer: the company's name, or the country when that tells them apart.
          const typed = companyLooseKey(input.text);
          const byName = apps.filter(
            (a) =>
              companyLooseKey(a.companyName) === typed ||
              companyLooseKey(countryName(turn.services.program, a.country, turn.locale)) === typed,
          );
          if (byName.length === 1) chosen = byName[0];
        }
        return chosen ? { ok: true, data: { ...data, chosen: chosen.id } } : { ok: false };
      },
    },
  },
  next: () => null,
  title: (turn, data) => turn.t('hours.flow.title', { duration: formatDuration(data.minutes, turn.t), note: data.note }),
  // The entry typed waits here for its engagement: leaving loses it.
  holdsWork: () => true,
  async finish(turn, data) {
    const application = data.chosen === undefined ? null : await turn.services.applications.get(data.chosen);
    if (!application) return [text(turn.t('core.error.badButton'))];
    return submitEntry(turn, application, data, { matched: data.matched });
  },
  help: (turn) => [text(turn.t('hours.ask.help'))],
};
