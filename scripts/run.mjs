// `npm start`, `npm run chat`, `npm run admin`, `npm run db:migrate`: `node scripts/run.mjs <name> [args…]` runs
// the compiled entry point dist/app/<name>.js in this same process. Before that it checks, cheaply (one stat
// per source file), that the build is not older than any source it was made from, and rebuilds if it is:
// editing src/ then `npm start` never runs stale code. The rebuild runs in a child process, so the bundler
// is never loaded into the bot's own process.
import { spawnSync } from 'node:child_process';
import module from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { entryPoints, outdir, root } from './build/layout.mjs';
import { staleness } from './build/staleness.mjs';

function usage() {
  return `usage: node scripts/run.mjs <${Object.keys(entryPoints).join('|')}> [arguments]`;
}

const name = process.argv[2];
if (!name || !Object.hasOwn(entryPoints, name)) {
  process.stderr.write(`${name ? `unknown entry point "${name}"` : 'which entry point?'}\n${usage()}\n`);
  process.exit(2);
}
const why = staleness();
if (why) {
  process.stderr.write(`build: ${why}, rebuilding\n`);
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (built.status !== 0) {
    process.stderr.write('Cannot start: the build failed (see above); fix the source, or run `npm run build` to see the errors again\n');
    process.exit(1);
  }
}
// The entry point reads its own arguments (process.argv.slice(2)) as when run directly.
process.argv.splice(2, 1);
if (process.versions.node.split('.')[0] === '20') {
  // V8 11 (Node 20) tiers Prisma's 4 MB query-compiler WebAssembly up to its optimising compiler while the
  // bot starts, and keeps about 50 MiB of resident memory for it (the process idles at 175 MiB instead of
  // 125). Its baseline compiler answers the same queries as fast (npm run bench); newer V8 does not do this.
  setFlagsFromString('--liftoff-only');
}
// Node 22.1 and later keep the compiled code of the modules on disk (in the system's temporary folder) and reuse
// it at the next start: about a fifth of the processor time of a start. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();
await import(pathToFileURL(path.join(outdir, `${name}.js`)).href);
