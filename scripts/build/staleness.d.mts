/** Why the build must be redone (a short sentence), or undefined when it is up to date. */
export function staleness(infoFile?: string, baseDir?: string): string | undefined;
