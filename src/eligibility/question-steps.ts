/** The eligibility questions: kind of entity, countries, the yes/no conditions, prior use per country. */
import type { FlowStep, Turn } from './needs.ts';
import { choices, text } from '../core/reply.ts';
import { answerKey } from '../core/typed-text.ts';
import { capitalizeStart, formatIsoDate } from '../i18n/format.ts';
import { vocabulary } from '../i18n/vocabulary.ts';
import { parseCountries, parseEntityKind, parseYesNo } from './answer-parsing.ts';
import { countryOfStep, orderedCountries, type EligibilityData } from './eligibility-data.ts';
import { countryName, excludedRegionName, joinNames } from './place-names.ts';
import { formatTypedAmount, readPriorUse } from './prior-use-amount.ts';
import type { EntityKind } from './rules.ts';
import { choice, miss, ok, read, yesNoValue } from './step-helpers.ts';

/** A yes/no question whose answer is kept in `field`. */
export function yesNoStep(
  step: string,
  field: 'japaneseInvestment' | 'intent' | 'consent',
  question: (turn: Turn) => string,
): FlowStep<EligibilityData> {
  return {
    ask: (turn) => [
      choices(question(turn), [
        choice(step, 'yes', turn.t('core.yes'), 'primary', { means: 'yes' }),
        choice(step, 'no', turn.t('core.no'), undefined, { means: 'no' }),
      ]),
    ],
    answer(_turn, input, data) {
      const answer = read(input, yesNoValue, parseYesNo);
      return answer === undefined ? miss() : ok({ ...data, [field]: answer });
    },
  };
}

const entityKinds: EntityKind[] = ['japan_corporation', 'local_corporation', 'representative_office', 'other'];

export const entityStep: FlowStep<EligibilityData> = {
  ask: (turn) => [
    choices(
      turn.t('eligibility.q.entity'),
      entityKinds.map((k) => choice('entity', k, turn.t(`eligibility.entity.${k}`), undefined, { words: vocabulary.choices.entity[k] })),
    ),
  ],
  answer(_turn, input, data) {
    const kind = read(input, (v) => entityKinds.find((k) => k === v), parseEntityKind);
    return kind ? ok({ ...data, entityKind: kind }) : miss();
  },
};

/** The program's countries, and the regions it excludes, as lists in the reader's language. */
export const programCountries = (turn: Turn) =>
  joinNames(
    turn.services.program.countries.map((c) => c.name[turn.locale]),
    turn.locale,
  );
export const excludedRegions = (turn: Turn) =>
  joinNames(
    turn.services.program.excludedRegions.map((r) => r.name[turn.locale]),
    turn.locale,
  );

const isDone = (typed: string) => vocabulary.choices.done.some((w) => answerKey(w) === answerKey(typed));

/** The notice for each excluded region named (Hong Kong…): why it is not covered. */
function excludedNotices(turn: Turn, regions: string[]) {
  const { program } = turn.services;
  return regions.map((r) =>
    text(
      turn.t('eligibility.countries.excluded', {
        region: excludedRegionName(program, r, turn.locale),
        note: program.excludedRegionsNote[turn.locale],
      }),
    ),
  );
}

export const countriesStep: FlowStep<EligibilityData> = {
  // A typed list (「タイとベトナム」) is a whole answer; the same names on the buttons only tick one.
  readsTextFirst: true,
  ask(turn, data) {
    const { program } = turn.services;
    const { locale } = turn;
    const selected = orderedCountries(program, data);
    const lines = [
      turn.t(`eligibility.q.countries.${data.entityKind ?? 'japan_corporation'}`),
      turn.t('eligibility.q.countries.hint', { countries: programCountries(turn), excluded: excludedRegions(turn) }),
      selected.length
        ? turn.t('eligibility.q.countries.selected', {
            countries: joinNames(
              selected.map((c) => countryName(program, c, locale)),
              locale,
            ),
          })
        : turn.t('eligibility.q.countries.noneYet'),
    ];
    const toggles = program.countries.map((c) =>
      choice(
        'countries',
        `toggle:${c.code}`,
        selected.includes(c.code) ? `✓ ${capitalizeStart(c.name[locale])}` : capitalizeStart(c.name[locale]),
      ),
    );
    const done = choice('countries', 'done', turn.t('eligibility.q.countries.done'), 'primary', { words: vocabulary.choices.done });
    return [choices(lines.join('\n'), [...toggles, done])];
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
    if (input.value === 'done' || (input.text !== undefined && isDone(input.text))) {
      return data.countries.length > 0 ? ok(data) : miss([text(turn.t('eligibility.countries.noneSelected'))]);
    }
    if (input.text === undefined) return miss();

    const parsed = parseCountries(input.text, program);
    const notices = excludedNotices(turn, parsed.excluded);
    const valid = programCountries(turn);
    if (parsed.countries.length === 0) {
      if (parsed.unknown.length > 0)
        return miss([
          ...notices,
          text(turn.t('eligibility.countries.unknown', { names: joinNames(parsed.unknown, locale), choices: valid })),
        ]);
      return miss(notices.length ? [...notices, text(turn.t('eligibility.countries.chooseAmong', { choices: valid }))] : undefined);
    }
    const chosen = { ...data, countries: parsed.countries, excludedRegions: parsed.excluded };
    if (parsed.unknown.length > 0) {
      // Partly understood (「タイとフィリピン」): keep what was understood, say what was not, and let the person add or confirm.
      const partial = text(turn.t('eligibility.countries.partial', { names: joinNames(parsed.unknown, locale), choices: valid }));
      return ok(chosen, { goTo: 'countries', replies: [...notices, partial] });
    }
    return ok(chosen, { replies: notices });
  },
};

export const priorUseQuestion: FlowStep<EligibilityData> = {
  // A bare number is the hours used (「19.5」), not the number of a button.
  readsNumbers: true,
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
        choice(stepId, 'yes', turn.t('eligibility.priorUse.yes', { hours: priorUseRule.thresholdHours }), undefined, { means: 'yes' }),
        choice(stepId, 'no', turn.t('eligibility.priorUse.no', { hours: priorUseRule.thresholdHours }), 'primary', { means: 'no' }),
      ]),
    ];
  },
  answer(turn, input, data, stepId) {
    const { program } = turn.services;
    const country = countryOfStep(stepId);
    const record = (use: EligibilityData['priorUse'][string], replies?: ReturnType<typeof text>[]) =>
      ok({ ...data, priorUse: { ...data.priorUse, [country]: use } }, { replies });
    if (input.value !== undefined) {
      const yes = yesNoValue(input.value);
      return yes === undefined ? miss() : record({ atLeastThreshold: yes });
    }
    const typed = input.text ?? '';
    const reading = readPriorUse(typed, program.priorUseRule.thresholdHours);
    if (reading?.kind === 'amount') {
      const noted = text(turn.t('eligibility.priorUse.noted', { hours: formatTypedAmount(reading.amount, turn.t) }));
      return record({ atLeastThreshold: reading.atLeastThreshold, minutes: reading.wholeMinutes, amount: reading.amount }, [noted]);
    }
    if (reading?.kind === 'bound') return record({ atLeastThreshold: reading.atLeastThreshold });
    const yes = parseYesNo(typed);
    return yes === undefined ? miss() : record({ atLeastThreshold: yes });
  },
};
