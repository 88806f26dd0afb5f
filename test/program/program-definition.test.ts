import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProgram, ProgramDefinitionError } from '../../src/program/load-program.ts';

describe('program definition', () => {
  it('holds the FY2021 facts of the announcement', () => {
    const p = loadProgram('fy2021');
    const caps = Object.fromEntries(p.countries.map((c) => [c.code, c.capHours]));
    expect(caps).toEqual({ cn: 17, th: 17, vn: 17, sg: 10 });
    expect(p.dates.supportEnds).toBe('2022-02-18');
    expect(p.priorUseRule).toEqual({ since: '2019-04-01', thresholdHours: 20, acceptedFrom: '2021-07-15' });
    expect(p.adoptionTarget).toBe(40);
    expect(p.trainingTopics.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(p.countries.find((c) => c.code === 'sg')!.localLanguage.code).toBe('en');
    expect(p.contact.email).toBe('CHIZAI@jetro.go.jp');
    // The scanned text's misreadings must not leak into what users read.
    expect(JSON.stringify(p)).not.toMatch(/ジェットロ|ガリテイン|協業忌避|競業忌避/);
  });

  it('refuses an invalid file with a message that says what is wrong', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'program-'));
    const file = path.join(dir, 'fy2099.json');
    const broken = {
      ...loadProgram('fy2021'),
      adoptionTarget: -1,
      dates: { announced: '2099-01-01', applicationsOpen: 'soon', supportEnds: '2099-12-31' },
    };
    writeFileSync(file, JSON.stringify(broken));
    expect(() => loadProgram(file)).toThrow(ProgramDefinitionError);
    expect(() => loadProgram(file)).toThrow(/adoptionTarget[\s\S]*dates\.applicationsOpen|dates\.applicationsOpen[\s\S]*adoptionTarget/);
  });

  it('refuses hour-category keywords and precedence that could not work', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'program-'));
    const file = path.join(dir, 'fy2098.json');
    const fy2021 = loadProgram('fy2021');
    const broken = {
      ...fy2021,
      // A keyword in capitals would never match (notes are compared lower-cased); a category missing from
      // the precedence would never be inferred; a default that is no category could not be stored.
      hourCategories: fy2021.hourCategories.map((c) => (c.code === 'review' ? { ...c, keywords: { ja: [], en: ['NDA'] } } : c)),
      hourCategoryInference: { precedence: ['review', 'meeting'], default: 'travel' },
    };
    writeFileSync(file, JSON.stringify(broken));
    expect(() => loadProgram(file)).toThrow(/write keywords in lower case[\s\S]*at hourCategories\[3\]\.keywords\.en\[0\]/);
    expect(() => loadProgram(file)).toThrow(/list every hour category once[\s\S]*at hourCategoryInference\.precedence/);
    expect(() => loadProgram(file)).toThrow(/expected one of meeting[\s\S]*at hourCategoryInference\.default/);
  });

  it('names the missing file', () => {
    expect(() => loadProgram('fy1999')).toThrow(/PROGRAM: no program definition at .*fy1999\.json/);
  });
});
