// Where the build puts what (shared by scripts/build.mjs, which writes it, and scripts/run.mjs, which runs it).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const outdir = path.join(root, 'dist', 'app');
export const buildInfoFile = path.join(outdir, 'build-info.json');

/** The commands an operator runs, by the name `scripts/run.mjs <name>` takes. */
export const entryPoints = {
  main: 'src/main.ts',
  chat: 'src/app/chat.ts',
  admin: 'scripts/admin.ts',
  migrate: 'scripts/db/migrate.ts',
};
