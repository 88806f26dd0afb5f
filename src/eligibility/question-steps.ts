/** The eligibility questions: kind of entity, countries, the yes/no conditions, prior use per country. */
import type { FlowStep } from '../core/flow.ts';
import { choices, text } from '../core/reply.ts';
import type { Turn } from '../core/turn.ts';
import { formatHours, formatIsoDate } from '../i18n/format.ts';
import { parseCountries, parseEntityKind, parseHours, parseYesNo } from './answer-parsing.ts';
import { countryOfStep, orderedCountries, type EligibilityData } from './eligibility-data.ts';
import { countryName, excludedRegionName, joinNames } from './place-names.ts';
import type { EntityKind } from './rules.ts';
import { choice, miss, ok, read, yesNoValue } from './step-helpers.ts';

/** A yes/no question whose answer is kept in `field`. */
export function yesNoStep(step: string, field: 'japaneseInvestment' | 'intent' | 'consent', question: (turn: Turn) => string): FlowStep<EligibilityData> {
  return {
    ask: (turn) => [choices(question(turn), [choice(step, 'yes', turn.t('core.yes'), 'primary'), choice(step, 'no', turn.t('core.no'))])],
    answer(_turn, input, data) {
      const answer = read(input, yesNoValue, parseYesNo);
      return answer === undefined ? miss() : ok({ ...data, [field]: answer });
    },
  };
}

const entityKinds: EntityKind[] = ['japan_corporation', 'local_corporation', 'representative_office', 'other'];

export const entityStep: FlowStep<EligibilityData> = {
  ask: (turn) => [choices(turn.t('eligibility.q.entity'), entityKinds.map((k) => choice('entity', k, turn.t(`eligibility.entity.${k}`))))],
  answer(_turn, input, data) {
    const kind = read(input, (v) => entityKinds.find((k) => k === v), parseEntityKind);
    return kind ? ok({ ...data, entityKind: kind }) : miss();
  },
};

/** The program's countries, and the regions it excludes, as lists in the reader's language. */
export const programCountries = (turn: Turn) => joinNames(turn.services.program.countries.map((c) => c.name[turn.locale]), turn.locale);
export const excludedRegions = (turn: Turn) => joinNames(turn.services.program.excludedRegions.map((r) => r.name[turn.locale]), turn.locale);

const doneWords = ['done', 'ok', 'next', '決定', '完了', '次へ', 'これで', '以上'];

export const countriesStep: FlowStep<EligibilityData> = {
  ask(turn, data) {
    const { program } = turn.services;
    const { locale } = turn;
    const selected = orderedCountries(program, data);
    const lines = [
      turn.t(`eligibility.q.countries.${data.entityKind ?? 'japan_corporation'}`),
      turn.t('eligibility.q.countries.hint', { countries: programCountries(turn), excluded: excludedRegions(turn) }),
      selected.length
        ? turn.t('eligibility.q.countries.selected', { countries: joinNames(selected.map((c) => countryName(program, c, locale)), locale) })
        : turn.t('eligibility.q.countries.noneYet'),
    ];
    const toggles = program.countries.map((c) =>
      choice('countries', `toggle:${c.code}`, selected.includes(c.code) ? `✓ ${c.name[locale]}` : c.name[locale]),
    );
    return [choices(lines.join('\n'), [...toggles, choice('countries', 'done', turn.t('eligibility.q.countries.done'), 'primary')])];
  },
  answer(turn, input, data) {
    const { program } = turn.services;
    const { locale } = turn;
    if (input.value?.startsWith('toggle:')) {
      const code = input.value.slice('toggle:'.length);
      if (!program.countries.some((c) => c.code === code)) return miss();
      const countries = data.countries.includes(code) ? data.countries.filter((c) => c !== code) : [...data.countries, code];
      return ok({ ...data, countries }, { goTo: 'countries' });
    }
    if (input.value === 'done' || (input.text !== undefined && doneWords.includes(input.text.toLowerCase()))) {
      return data.countries.length > 0 ? ok(data) : miss([text(turn.t('eligibility.countries.noneSelected'))]);
    }
    if (input.text === undefined) return miss();

    const parsed = parseCountries(input.text, program);
    const excludedNotice = parsed.excluded.map((r) => text(turn.t('eligibility.countries.excluded', { region: excludedRegionName(program, r, locale) })));
    const valid = programCountries(turn);
    if (parsed.unknown.length > 0) {
      return miss([...excludedNotice, text(turn.t('eligibility.countries.unknown', { names: joinNames(parsed.unknown, locale), choices: valid }))]);
    }
    if (parsed.countries.length === 0) {
      return miss(excludedNotice.length ? [...excludedNotice, text(turn.t('eligibility.countries.chooseAmong', { choices: valid }))] : undefined);
    }
    return ok({ ...data, countries: parsed.countries, excludedRegions: parsed.excluded }, { replies: excludedNotice });
  },
};

export const priorUseQuestion: FlowStep<EligibilityData> = {
  ask(turn, _data, stepId) {
    const { program } = turn.services;
    const { priorUseRule } = program;
    const question = turn.t('eligibility.q.priorUse', {
      country: countryName(program, countryOfStep(stepId), turn.locale),
      since: formatIsoDate(priorUseRule.since, turn.locale),
      hours: priorUseRule.thresholdHours,
    });
    return [
      choices(question, [
        choice(stepId, 'yes', turn.t('eligibility.priorUse.yes', { hours: priorUseRule.thresholdHours })),
        choice(stepId, 'no', turn.t('eligibility.priorUse.no', { hours: priorUseRule.thresholdHours }), 'primary'),
      ]),
    ];
  },
  answer(turn, input, data, stepId) {
    const { program } = turn.services;
    const country = countryOfStep(stepId);
    const threshold = program.priorUseRule.thresholdHours * 60;
    const yesNo = read(input, yesNoValue, parseYesNo);
    if (yesNo !== undefined) return ok({ ...data, priorUse: { ...data.priorUse, [country]: { atLeastThreshold: yesNo } } });
    const minutes = input.text !== undefined ? parseHours(input.text) : undefined;
    if (minutes === undefined) return miss();
    const use = { atLeastThreshold: minutes >= threshold, minutes };
    const noted = text(turn.t('eligibility.priorUse.noted', { hours: formatHours(minutes, turn.locale) }));
    return ok({ ...data, priorUse: { ...data.priorUse, [country]: use } }, { replies: [noted] });
  },
};

