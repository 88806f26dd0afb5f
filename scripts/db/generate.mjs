// npm run db:generate (also the root package's postinstall, so `npm ci` leaves a usable client).
// Runs `prisma generate` for each schema. Plain .mjs because it runs during install, before anything
// else is known to work.
//
// The Prisma CLI downloads its native schema engine before `generate`, which fails offline, although
// generate does not use it; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing executable (this Node)
// skips the download.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// One generated client per provider (a client is bound to one): src/db/generated/{sqlite,postgresql}.
// The PostgreSQL schema is derived from the SQLite one and committed (scripts/db/derive-postgres-schema.ts).
const schemas = ['prisma/sqlite/schema.prisma', 'prisma/postgresql/schema.prisma'];

let cli;
try {
  // The CLI's entry point is its package.json `bin`, which is stable across versions.
  const manifest = createRequire(path.join(root, 'package.json')).resolve('prisma/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  cli = path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin.prisma);
} catch (error) {
  if (error?.code !== 'MODULE_NOT_FOUND') throw error;
  // prisma is a runtime dependency because of this step (the clients are generated at install, also by
  // `npm ci --omit=dev`): without it the bot cannot start, so say so here rather than at start.
  console.error('db:generate: the prisma CLI is not installed (it is in "dependencies"): run npm ci');
  process.exit(1);
}

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
  CHECKPOINT_DISABLE: '1', // no update check over the network
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};

for (const schema of schemas) {
  const result = spawnSync(process.execPath, [cli, 'generate', '--schema', schema], { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`db:generate: prisma generate failed for ${schema}`);
    process.exit(result.status ?? 1);
  }
}
