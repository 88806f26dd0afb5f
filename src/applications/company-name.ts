/**
 * How company names are compared. Two keys, for two different questions:
 * - `companyKey` (exact): the same company however it is typed. It folds only width, case, spaces and
 *   punctuation, and reads ㈱/(株) as 株式会社 (likewise ㈲/(有), (同)). Legal forms and where they stand stay:
 *   株式会社サンプル, 有限会社サンプル, サンプル株式会社 and Sample Inc. are four different companies.
 * - `companyLooseKey`: the exact key without any legal form, so 「トヨタ自動車」, 「トヨタ自動車株式会社」 and
 *   「株式会社トヨタ自動車」 meet. It is only a hint for staff ("possible duplicate"), never a key to a company's
 *   data: a registration is never joined to another company because of it.
 */

/** Abbreviations of Japanese legal forms, after NFKC (which turns ㈱ into (株)). */
const abbreviations: [RegExp, string][] = [
  [/[(（]株[)）]/g, '株式会社'],
  [/[(（]有[)）]/g, '有限会社'],
  [/[(（]同[)）]/g, '合同会社'],
  [/[(（]資[)）]/g, '合資会社'],
  [/[(（]名[)）]/g, '合名会社'],
];

/** Spaces, punctuation and symbols: `Co., Ltd.` and `Co Ltd` are typed the same company. */
const separators = /[\s\p{P}\p{S}\p{Z}]/gu;

/** The exact key: width, case, spaces and punctuation folded; legal forms kept. */
export function companyKey(name: string): string {
  let folded = name.normalize('NFKC').toLowerCase();
  for (const [pattern, form] of abbreviations) folded = folded.replace(pattern, form);
  return folded.replace(separators, '');
}

/** Japanese legal forms, wherever they stand (前株 and 後株). */
const japaneseForms = /株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人/g;
/** English legal forms: whole words at the end of the name (`Acme Co., Ltd.`, `Sample Inc`), never inside a word. */
const englishForms = new Set(['co', 'company', 'ltd', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'llc', 'plc', 'kk', 'gk']);

/** The key without legal forms, for spotting possible duplicates (a hint for staff only). */
export function companyLooseKey(name: string): string {
  let folded = name.normalize('NFKC').toLowerCase();
  for (const [pattern, form] of abbreviations) folded = folded.replace(pattern, form);
  const words = folded
    .replace(japaneseForms, ' ')
    .split(separators)
    .filter((w) => w !== '');
  while (words.length > 0 && englishForms.has(words.at(-1)!)) words.pop();
  return words.join('');
}

/**
 * Both keys as stored. A name that is nothing but a legal form has no loose key of its own: it is stored
 * with its exact key there, so that "" can mean "not computed yet" (see src/db/company-keys.ts).
 */
export function companyKeys(name: string): { nameKey: string; looseKey: string } {
  const nameKey = companyKey(name);
  return { nameKey, looseKey: companyLooseKey(name) || nameKey };
}
