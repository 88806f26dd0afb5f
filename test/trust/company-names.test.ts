/** Company names: the exact key keeps legal forms apart; the loose key only spots possible duplicates. */
import { describe, expect, it } from 'vitest';
import { companyKey, companyKeys, companyLooseKey } from '../../src/applications/company-name.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { tempDatabaseUrl } from '../support/temp-database.ts';

describe('the exact key', () => {
  it('folds width, case, spaces and punctuation, and reads ㈱ and (株) as 株式会社', () => {
    expect(companyKey('ａｌｐｈａ株式会社')).toBe(companyKey('Alpha株式会社'));
    expect(companyKey('ALPHA 株式会社')).toBe(companyKey('Alpha株式会社'));
    expect(companyKey('㈱サンプル')).toBe(companyKey('株式会社サンプル'));
    expect(companyKey('（株）サンプル')).toBe(companyKey('株式会社サンプル'));
    expect(companyKey('Acme Co., Ltd.')).toBe(companyKey('ACME CO.,LTD'));
    expect(companyKey('ｻﾝﾌﾟﾙ株式会社')).toBe(companyKey('サンプル株式会社'));
  });

  it('keeps legal forms and where they stand apart', () => {
    const distinct = [
      '株式会社サンプル',
      '有限会社サンプル',
      '合同会社サンプル',
      'サンプル株式会社',
      'サンプル',
      'Sample Inc.',
      'Sample Co., Ltd.',
      'Sample',
    ];
    expect(new Set(distinct.map(companyKey)).size).toBe(distinct.length);
    expect(companyKey('トヨタ自動車')).not.toBe(companyKey('トヨタ自動車株式会社'));
    expect(companyKey('株式会社Alpha')).not.toBe(companyKey('Alpha株式会社'));
  });
});

describe('the loose key (a hint for staff, never access)', () => {
  it('drops the legal form wherever it stands', () => {
    for (const name of ['トヨタ自動車', 'トヨタ自動車株式会社', '株式会社トヨタ自動車', '㈱トヨタ自動車'])
      expect(companyLooseKey(name)).toBe('トヨタ自動車');
    for (const name of ['Acme', 'Acme Co., Ltd.', 'ACME Inc.', 'Acme Corporation']) expect(companyLooseKey(name)).toBe('acme');
    expect(companyLooseKey('有限会社サンプル')).toBe(companyLooseKey('株式会社サンプル'));
  });

  it('leaves English forms inside a word alone, and is empty for a name that is only a legal form', () => {
    expect(companyLooseKey('Costco')).toBe('costco');
    expect(companyLooseKey('Incorporated Widgets Ltd')).toBe('incorporatedwidgets');
    expect(companyLooseKey('株式会社')).toBe('');
    expect(companyLooseKey('Co., Ltd.')).toBe('');
    expect(companyKeys('株式会社')).toEqual({ nameKey: '株式会社', looseKey: '株式会社' });
  });
});

describe('companies stored before the membership migration', () => {
  it('get the current keys when the database is opened', async () => {
    const temp = tempDatabaseUrl();
    try {
      const first = await openDatabase(temp.url);
      // As the old code stored them: the legal form folded away, no loose key.
      await first.prisma.company.create({ data: { name: '株式会社サンプル', nameKey: 'サンプル' } });
      await first.prisma.company.create({ data: { name: 'Acme Co., Ltd.', nameKey: 'acme' } });
      await first.close();

      const reopened = await openDatabase(temp.url);
      const rows = await reopened.prisma.company.findMany({
        orderBy: { id: 'asc' },
        select: { name: true, nameKey: true, looseKey: true },
      });
      expect(rows).toEqual([
        { name: '株式会社サンプル', nameKey: '株式会社サンプル', looseKey: 'サンプル' },
        { name: 'Acme Co., Ltd.', nameKey: 'acmecoltd', looseKey: 'acme' },
      ]);
      await reopened.close();
    } finally {
      temp.cleanup();
    }
  });
});
