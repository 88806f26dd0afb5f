/**
 * CSV that Excel in Japan opens as it should: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180
 * quoting. Text cells that a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage
 * return) get a leading apostrophe, so an exported note cannot attack whoever opens the file.
 */

export type CsvCell = string | number | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // Numbers are ours, not typed by users: a negative number stays a number.
  const text = typeof value === 'number' ? String(value) : formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
