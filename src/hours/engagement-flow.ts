/**
 * When an expert's entry could belong to several engagements, the bot asks which one and keeps the entry
 * pending in this flow's data until it is answered. The answer ends the flow in the same transaction that
 * logs the entry, so a double click on the answer logs it once (the second click finds no flow).
 */
import { z } from 'zod';
import { flowChoice, type FlowDefinition } from '../core/flow.ts';
import { choices, text } from '../core/reply.ts';
import { companyLooseKey } from '../applications/company-name.ts';
import { engagementsOf } from './expert-engagements.ts';
import { formatDuration } from './hours-words.ts';
import { countryName, engagementLabel } from './program-facts.ts';
import { submitEntry } from './submit-entry.ts';

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
            apps.map((a) => flowChoice(engagementFlowId, 'engagement', String(a.id), engagementLabel(a, services.program, t, locale))),
          ),
        ];
      },
      async answer(turn, input, data) {
        const apps = (await engagementsOf(turn.services, turn.person)).filter((a) => data.options.includes(a.id));
        let chosen = input.value !== undefined ? apps.find((a) => String(a.id) === input.value) : undefined;
        if (!chosen && input.text) {
          // A typed answer: the company's name, or the country when that tells them apart.
          const typed = companyLooseKey(input.text);
          const byName = apps.filter((a) => companyLooseKey(a.companyName) === typed || companyLooseKey(countryName(turn.services.program, a.country, turn.locale)) === typed);
          if (byName.length === 1) chosen = byName[0];
        }
        return chosen ? { ok: true, data: { ...data, chosen: chosen.id } } : { ok: false };
      },
    },
  },
  next: () => null,
  async finish(turn, data) {
    const application = data.chosen === undefined ? null : await turn.services.applications.get(data.chosen);
    if (!application) return [text(turn.t('core.error.badButton'))];
    return submitEntry(turn, application, data, { matched: data.matched });
  },
  help: (turn) => [text(turn.t('hours.ask.help'))],
};
