// Every eligibility rule and its boundaries, table-driven, against the real FY2021 program definition.
import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/program/load-program.ts';
import type { Program } from '../../src/program/program-schema.ts';
import { parseCountries } from '../../src/eligibility/answer-parsing.ts';
import { assessEligibility, type EligibilityAnswers, type EligibilityAssessment } from '../../src/eligibility/rules.ts';

const program = loadProgram('fy2021');
const running = '2021-09-01'; // program open, after the 20-hour rule's date

function answers(patch: Partial<EligibilityAnswers> = {}): EligibilityAnswers {
  return {
    entityKind: 'japan_corporation',
    countries: ['th'],
    excludedRegions: [],
    intent: true,
    consent: true,
    priorUse: {
      cn: { atLeastThreshold: false },
      th: { atLeastThreshold: false },
      vn: { atLeastThreshold: false },
      sg: { atLeastThreshold: false },
    },
    ...patch,
  };
}

function assess(
  patch: Partial<EligibilityAnswers>,
  opts: { today?: string; adopted?: number; program?: Program } = {},
): EligibilityAssessment {
  return assessEligibility({
    answers: answers(patch),
    program: opts.program ?? program,
    today: opts.today ?? running,
    adoptedCount: opts.adopted ?? 0,
  });
}

describe('entity kind', () => {
  it.each([
    {
      name: 'a corporation in Japan with a site in the country',
      patch: { entityKind: 'japan_corporation' as const },
      outcome: 'eligible',
      reasons: undefined,
    },
    {
      name: 'a local corporation with Japanese investment',
      patch: { entityKind: 'local_corporation' as const, japaneseInvestment: true },
      outcome: 'eligible',
      reasons: undefined,
    },
    {
      name: 'a local corporation without Japanese investment',
      patch: { entityKind: 'local_corporation' as const, japaneseInvestment: false },
      outcome: 'not_eligible',
      reasons: ['no_japanese_investment'],
    },
    {
      name: 'a local corporation that did not say',
      patch: { entityKind: 'local_corporation' as const },
      outcome: 'not_eligible',
      reasons: ['missing_answer'],
    },
    {
      name: "a Japanese company's representative office",
      patch: { entityKind: 'representative_office' as const },
      outcome: 'eligible',
      reasons: undefined,
    },
    { name: 'none of these', patch: { entityKind: 'other' as const }, outcome: 'not_eligible', reasons: ['entity_not_covered'] },
    // Investment is only asked of local corporations; an answer left over from a changed kind does not count.
    {
      name: 'a corporation in Japan, investment answered no',
      patch: { entityKind: 'japan_corporation' as const, japaneseInvestment: false },
      outcome: 'eligible',
      reasons: undefined,
    },
  ])('$name: $outcome', ({ patch, outcome, reasons }) => {
    const [verdict] = assess(patch).countries;
    expect(verdict?.outcome).toBe(outcome);
    if (reasons) expect(verdict).toMatchObject({ reasons });
  });
});

describe('intent and consent', () => {
  it.each([
    { name: 'no intent', patch: { intent: false }, reasons: ['no_intent'] },
    { name: 'no consent', patch: { consent: false }, reasons: ['no_consent'] },
    { name: 'neither', patch: { intent: false, consent: false }, reasons: ['no_intent', 'no_consent'] },
    {
      name: 'no intent, and a local corporation without investment',
      patch: { entityKind: 'local_corporation' as const, japaneseInvestment: false, intent: false },
      reasons: ['no_japanese_investment', 'no_intent'],
    },
    { name: 'consent not answered', patch: { consent: undefined }, reasons: ['missing_answer'] },
  ])('$name: not eligible for $reasons', ({ patch, reasons }) => {
    const result = assess(patch);
    expect(result.countries).toEqual([{ country: 'th', outcome: 'not_eligible', reasons }]);
    expect(result.applicable).toEqual([]);
  });
});

describe('countries', () => {
  it.each([
    { country: 'cn', capHours: 17 },
    { country: 'th', capHours: 17 },
    { country: 'vn', capHours: 17 },
    { country: 'sg', capHours: 10 },
  ])('$country: eligible with a cap of $capHours h', ({ country, capHours }) => {
    const result = assess({ countries: [country] });
    expect(result.countries).toEqual([{ country, outcome: 'eligible', capHours, priorUse: { atLeastThreshold: false } }]);
    expect(result.applicable).toEqual([country]);
  });

  it('gives one verdict per country, in the program order, whatever order they were named in', () => {
    const result = assess({ countries: ['sg', 'cn', 'vn'] });
    expect(result.countries.map((v) => v.country)).toEqual(['cn', 'vn', 'sg']);
    expect(result.applicable).toEqual(['cn', 'vn', 'sg']);
  });

  it.each([
    { typed: '香港', region: 'Hong Kong' },
    { typed: 'Hong Kong', region: 'Hong Kong' },
    { typed: 'マカオ', region: 'Macau' },
    { typed: 'Macao', region: 'Macau' },
    { typed: '台湾', region: 'Taiwan' },
    { typed: 'Taiwan', region: 'Taiwan' },
  ])('$typed does not count as China (mainland China only)', ({ typed, region }) => {
    const places = parseCountries(typed, program);
    expect(places).toEqual({ countries: [], excluded: [region], unknown: [] });
    const result = assess({ countries: places.countries, excludedRegions: places.excluded });
    expect(result.countries).toEqual([]);
    expect(result.excludedRegions).toEqual([region]);
    expect(result.applicable).toEqual([]);
  });

  it('mainland China named together with Hong Kong counts for China only', () => {
    const places = parseCountries('中国と香港', program);
    const result = assess({ countries: places.countries, excludedRegions: places.excluded });
    expect(result.applicable).toEqual(['cn']);
    expect(result.excludedRegions).toEqual(['Hong Kong']);
  });

  it('a country the program does not cover is not eligible', () => {
    expect(assess({ countries: ['kr'] }).countries).toEqual([{ country: 'kr', outcome: 'not_eligible', reasons: ['country_not_covered'] }]);
  });

  it('a country without a prior-use answer is not decided', () => {
    expect(assess({ countries: ['th'], priorUse: {} }).countries).toEqual([
      { country: 'th', outcome: 'not_eligible', reasons: ['missing_answer'] },
    ]);
  });
});

describe('prior use of 20 hours or more since FY2019 (accepted from 2021-07-15)', () => {
  const hours = (h: number) => ({ th: { atLeastThreshold: h >= 20, minutes: Math.round(h * 60) } });
  it.each([
    { name: '19.5 h, before the date', priorUse: hours(19.5), today: '2021-07-14', outcome: 'eligible' },
    { name: '20 h, before the date', priorUse: hours(20), today: '2021-07-14', outcome: 'eligible_from' },
    { name: '20 h, on the date', priorUse: hours(20), today: '2021-07-15', outcome: 'eligible' },
    { name: '20 h, after the date', priorUse: hours(20), today: running, outcome: 'eligible' },
    { name: '19.5 h, after the date', priorUse: hours(19.5), today: running, outcome: 'eligible' },
    {
      name: '"yes, 20 h or more" without hours, before the date',
      priorUse: { th: { atLeastThreshold: true } },
      today: '2021-07-10',
      outcome: 'eligible_from',
    },
    {
      name: '"no" without hours, before the date',
      priorUse: { th: { atLeastThreshold: false } },
      today: '2021-07-10',
      outcome: 'eligible',
    },
    // Typed hours decide over the button: 19.5 is below the threshold whatever the flag says.
    {
      name: 'typed 19.5 h with the flag set',
      priorUse: { th: { atLeastThreshold: true, minutes: 1170 } },
      today: '2021-07-10',
      outcome: 'eligible',
    },
  ])('$name: $outcome', ({ priorUse, today, outcome }) => {
    const result = assess({ priorUse }, { today });
    expect(result.countries[0]?.outcome).toBe(outcome);
    if (outcome === 'eligible_from') {
      expect(result.countries[0]).toMatchObject({ acceptedFrom: '2021-07-15' });
      expect(result.applicable).toEqual([]);
    } else {
      expect(result.applicable).toEqual(['th']);
    }
  });

  it('takes the date and the threshold from the program definition', () => {
    const later = { ...program, priorUseRule: { ...program.priorUseRule, thresholdHours: 30, acceptedFrom: '2021-08-01' } };
    expect(assess({ priorUse: hours(25) }, { today: '2021-07-20', program: later }).countries[0]?.outcome).toBe('eligible');
    expect(assess({ priorUse: hours(30) }, { today: '2021-07-20', program: later }).countries[0]).toMatchObject({
      outcome: 'eligible_from',
      acceptedFrom: '2021-08-01',
    });
  });
});

describe('program open or closed', () => {
  it.each([
    { name: 'before applications open', today: '2021-07-06', adopted: 0, availability: { code: 'not_open', opensOn: '2021-07-07' } },
    { name: 'the day applications open', today: '2021-07-07', adopted: 0, availability: { code: 'open' } },
    { name: 'the last day of the support period', today: '2022-02-18', adopted: 0, availability: { code: 'open' } },
    { name: 'after the support period', today: '2022-02-19', adopted: 0, availability: { code: 'ended', endedOn: '2022-02-18' } },
    { name: 'one adoption below the target', today: running, adopted: 39, availability: { code: 'open' } },
    { name: 'the adoption target reached', today: running, adopted: 40, availability: { code: 'full', target: 40, adopted: 40 } },
    { name: 'beyond the adoption target', today: running, adopted: 41, availability: { code: 'full', target: 40, adopted: 41 } },
  ])('$name: $availability.code', ({ today, adopted, availability }) => {
    const result = assess({}, { today, adopted });
    expect(result.availability).toEqual(availability);
    // The verdict per country still says whether the company qualifies; only applying waits.
    expect(result.countries[0]?.outcome).toBe('eligible');
    expect(result.applicable).toEqual(availability.code === 'open' ? ['th'] : []);
  });

  it('takes the target from the program definition', () => {
    const small = { ...program, adoptionTarget: 2 };
    expect(assess({}, { adopted: 2, program: small }).availability.code).toBe('full');
    expect(assess({}, { adopted: 1, program: small }).availability.code).toBe('open');
  });
});
