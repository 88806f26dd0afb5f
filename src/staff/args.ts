/** Reading the arguments of staff commands: application ids, words, dates. */

/** `12`, `#12`, `＃１２` → 12. */
export function parseApplicationId(word: string | undefined): number | undefined {
  const m = /^#?(\d{1,9})$/.exec((word ?? '').normalize('NFKC').trim());
  return m ? Number(m[1]) : undefined;
}

/** Splits arguments on spaces (and Japanese commas), keeping nothing empty. */
export function words(args: string): string[] {
  return args
    .normalize('NFKC')
    .split(/[\s,、]+/)
    .filter((w) => w !== '');
}

/** `2021-12-10`, `2021/12/10`, `2021年12月10日` → `2021-12-10`, only for real calendar dates. */
export function parseIsoDate(word: string): string | undefined {
  const m = /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$/.exec(word.normalize('NFKC').trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
