/** Typed text as the bot compares it: full-width folded (NFKC), trimmed, spaces collapsed, lower case. */
export function normalizeText(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Splits `hours 2 review NDA` into the command word (without a leading slash) and the rest. */
export function splitCommand(input: string): { word: string; rest: string } {
  const trimmed = input.normalize('NFKC').trim().replace(/^\//, '');
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  return match ? { word: match[1]!.toLowerCase(), rest: match[2]!.trim() } : { word: '', rest: '' };
}
