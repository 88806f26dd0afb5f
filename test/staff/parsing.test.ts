/** CSV for Excel in Japan, and how staff name people, countries, ids and dates. */
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/staff/csv.ts';
import { parseIdentityRef } from '../../src/staff/identity-ref.ts';
import { parseCountries } from '../../src/staff/country-ref.ts';
import { parseApplicationId, parseIsoDate } from '../../src/staff/args.ts';
import { loadProgram } from '../../src/program/load-program.ts';

describe('CSV', () => {
  it('starts with a byte-order mark and ends every line with CRLF', () => {
    const csv = toCsv(['a', 'b'], [[1, 'x']]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe('\uFEFFa,b\r\n1,x\r\n');
  });

  it('quotes cells with commas, quotes or line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('株式会社サンプル')).toBe('株式会社サンプル');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it.each(['=1+1', '+81 3 1234', '-2+3', '@SUM(A1:A2)', '\tx', '\r=x'])('neutralises a formula-looking text cell: %j', (cell) => {
    const out = csvCell(cell);
    expect(out.replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('quotes a neutralised formula that also needs quoting', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('leaves numbers alone, negative ones included', () => {
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(17)).toBe('17');
  });
});

describe('naming people', () => {
  // The staff member's own message: their platform and identity (mentions are added where a test needs them).
  const slack = { identity: { key: 'slack:T1:U9' }, platform: 'slack' as const };
  const teams = { identity: { key: 'teams:tenant-1:aaaa' }, platform: 'teams' as const };
  const console_ = { identity: { key: 'console:alice' }, platform: 'console' as const };

  it('reads a mention the adapter passed, with its name as a hint only', () => {
    const inbound = {
      ...slack,
      mentions: [{ text: '@bob', identity: { key: 'slack:T1:U123ABC', tenant: 'T1', userId: 'U123ABC', displayName: 'bob' } }],
    };
    expect(parseIdentityRef('@bob', inbound)).toEqual({
      ok: true,
      identity: {
        key: 'slack:T1:U123ABC',
        platform: 'slack',
        tenant: 'T1',
        userId: 'U123ABC',
        displayName: 'bob',
        displayNameIsHint: true,
      },
    });
    expect(parseIdentityRef('U123ABC', slack)).toMatchObject({ ok: true, identity: { key: 'slack:T1:U123ABC' } });
    // The same word for two different people names neither.
    const twice = {
      ...slack,
      mentions: [inbound.mentions[0]!, { text: '@bob', identity: { key: 'slack:T1:U999', tenant: 'T1', userId: 'U999' } }],
    };
    expect(parseIdentityRef('@bob', twice)).toEqual({ ok: false });
  });

  it('never reads platform markup itself (the adapters turn it into mentions)', () => {
    expect(parseIdentityRef('<@U123ABC>', slack)).toEqual({ ok: false });
    expect(parseIdentityRef('<at>Bob</at>', teams)).toEqual({ ok: false });
  });

  it('reads a Teams AAD object id with the staff member’s tenant', () => {
    expect(parseIdentityRef('0F8FAD5B-D9CB-469F-A165-70867728950E', teams)).toMatchObject({
      ok: true,
      identity: { key: 'teams:tenant-1:0f8fad5b-d9cb-469f-a165-70867728950e', tenant: 'tenant-1' },
    });
  });

  it('accepts an explicit identity key from anywhere', () => {
    expect(parseIdentityRef('console:bob', slack)).toMatchObject({
      ok: true,
      identity: { key: 'console:bob', platform: 'console', tenant: '', userId: 'bob' },
    });
    expect(parseIdentityRef('slack:T2:U5', teams)).toMatchObject({
      ok: true,
      identity: { key: 'slack:T2:U5', tenant: 'T2', userId: 'U5' },
    });
    expect(parseIdentityRef('teams:t:x', console_)).toMatchObject({ ok: true, identity: { key: 'teams:t:x' } });
  });

  it('reads a bare name as a console user only in the terminal', () => {
    expect(parseIdentityRef('@bob', console_)).toMatchObject({ ok: true, identity: { key: 'console:bob' } });
    expect(parseIdentityRef('bob', slack)).toEqual({ ok: false });
  });

  it('refuses what names nobody', () => {
    for (const w of ['slack:T1', 'mail:x:y', 'console:', '<@U1>', '<at>Bob</at>'])
      expect(parseIdentityRef(w, teams)).toEqual({ ok: false });
  });
});

describe('countries, ids and dates', () => {
  const program = loadProgram('fy2021');
  it('reads codes, names and aliases, two-word names included', () => {
    expect(parseCountries(program, ['th', 'ベトナム', 'mainland', 'china', 'シンガポール'])).toEqual({
      codes: ['th', 'vn', 'cn', 'sg'],
      unknown: [],
    });
    expect(parseCountries(program, ['taiwan', 'TH'])).toEqual({ codes: ['th'], unknown: ['taiwan'] });
  });
  it('reads application ids', () => {
    expect(parseApplicationId('12')).toBe(12);
    expect(parseApplicationId('#12')).toBe(12);
    expect(parseApplicationId('＃１２')).toBe(12);
    expect(parseApplicationId('twelve')).toBeUndefined();
  });
  it('reads real calendar dates only', () => {
    expect(parseIsoDate('2021-12-10')).toBe('2021-12-10');
    expect(parseIsoDate('2021/1/5')).toBe('2021-01-05');
    expect(parseIsoDate('2021年12月10日')).toBe('2021-12-10');
    expect(parseIsoDate('2021-02-30')).toBeUndefined();
    expect(parseIsoDate('next week')).toBeUndefined();
  });
});
