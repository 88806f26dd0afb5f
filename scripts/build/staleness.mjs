// Whether dist/app/ is older than a source it was built from: one stat per source file listed in
// dist/app/build-info.json (esbuild's own list of the files it bundled, plus the build's settings).
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildInfoFile, root } from './layout.mjs';

/** Why the build must be redone (a short sentence), or undefined when it is up to date. */
export function staleness(infoFile = buildInfoFile, baseDir = root) {
  let info;
  try {
    info = JSON.parse(readFileSync(infoFile, 'utf8'));
  } catch {
    return 'no build yet';
  }
  if (!Array.isArray(info.inputs) || typeof info.builtAt !== 'number') return 'the build record is unreadable';
  for (const input of info.inputs) {
    let modified;
    try {
      modified = statSync(path.join(baseDir, input)).mtimeMs;
    } catch {
      return `${input} is gone`;
    }
    if (modified > info.builtAt) return `${input} changed`;
  }
  return undefined;
}
