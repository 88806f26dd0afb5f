// `npm run build` (also run by `npm ci`, after the Prisma clients are generated, and by `npm start` when a
// source changed since): bundles the entry points the operator runs into plain JavaScript under dist/app/,
// so production runs one Node process with no TypeScript loader. Packages stay external (node_modules is
// loaded as installed: native addons, Prisma's wasm). Entry points loaded on demand (the Slack and Teams
// adapters, the PostgreSQL driver) become chunks of their own, loaded only when used.
//
// Plain .mjs because it runs during install, before anything else is known to work.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildInfoFile, entryPoints, outdir, root } from './build/layout.mjs';
import { staleness } from './build/staleness.mjs';

/** Builds dist/app/ and records what it was built from (dist/app/build-info.json); returns that record. */
export async function build({ quiet = false } = {}) {
  const startedAt = Date.now();
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The oldest Node line the project supports (package.json engines).
    target: 'node20.19',
    // Packages are loaded from node_modules as installed, except the few pure-JavaScript ones whose module
    // graph is slow to load (date-fns: hundreds of files behind a huge exports map, about 0.5 s and 40 MiB
    // on Node 24; zod: dozens of files), which are bundled: only what is used, in one file.
    external: externalPackages(),
    splitting: true,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: 'warning',
    plugins: [sourceRelativeImportMeta],
  });
  mkdirSync(outdir, { recursive: true });
  const written = new Set();
  for (const file of result.outputFiles) {
    written.add(path.basename(file.path));
    writeAtomically(file.path, file.contents);
  }
  pruneOldFiles(written);
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
  // What the bundle depends on besides its inputs: the build itself and the compiler settings.
  inputs.push('scripts/build.mjs', 'scripts/build/layout.mjs', 'tsconfig.json', 'package.json');
  const info = { builtAt: startedAt, esbuild: esbuild.version, entries: Object.keys(entryPoints), inputs };
  writeAtomically(buildInfoFile, `${JSON.stringify(info, null, 1)}\n`);
  if (!quiet)
    process.stderr.write(
      `build: ${Object.keys(entryPoints).length} entry points from ${inputs.length} sources into ${path.relative(root, outdir)}/ in ${Date.now() - startedAt} ms\n`,
    );
  return info;
}

/** Packages bundled into dist/app/ instead of loaded from node_modules (see the build options). */
const bundledPackages = new Set(['date-fns', '@date-fns/tz', 'zod']);

function externalPackages() {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((name) => !bundledPackages.has(name));
  // The generated Prisma clients import the runtime as @prisma/client/runtime/…; subpaths need their own pattern.
  return names.flatMap((name) => [name, `${name}/*`]);
}

/**
 * The sources compute paths from `import.meta.url` (the project root, the program definitions, package.json).
 * In a bundle that URL would be the bundle's; this rewrites it, in our own sources, to the URL the source file
 * has, relative to the bundle, so those paths stay what they are when running the TypeScript with tsx.
 */
const sourceRelativeImportMeta = {
  name: 'source-relative-import-meta',
  setup(b) {
    b.onLoad({ filter: /\.(ts|mts|mjs|js)$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (/import\.meta\.(dirname|filename)/.test(source)) {
        return {
          errors: [
            { text: `${path.relative(root, args.path)}: use import.meta.url (import.meta.dirname is not rewritten for the bundle)` },
          ],
        };
      }
      if (!source.includes('import.meta.url')) return undefined;
      const relative = path.relative(outdir, args.path).split(path.sep).join('/');
      const contents = source.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`);
      return { contents, loader: args.path.endsWith('.ts') || args.path.endsWith('.mts') ? 'ts' : 'js' };
    });
  },
};

/**
 * Another process may be loading dist/app/ while this one rebuilds it (`npm run chat` rebuilding under a
 * running server): each file is replaced in one step, never seen half-written.
 */
function writeAtomically(file, contents) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, file);
}

/**
 * Chunks are named by their content hash, so a running process keeps finding the chunks it was built with
 * (it loads the adapters' chunks later); files of earlier builds are removed once they are a day old.
 */
function pruneOldFiles(current) {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of readdirSync(outdir)) {
    if (current.has(name) || name === path.basename(buildInfoFile)) continue;
    const file = path.join(outdir, name);
    try {
      if (statSync(file).mtimeMs < dayAgo) unlinkSync(file);
    } catch {
      // Removed meanwhile by another build.
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    // --if-stale: only when a source changed since the last build (the test suite's set-up).
    if (!process.argv.includes('--if-stale') || staleness()) await build();
  } catch (error) {
    // esbuild already printed the errors with their file and line.
    process.stderr.write(
      `build failed${existsSync(outdir) ? '; dist/app/ keeps the previous build' : ''}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
    );
    process.exit(1);
  }
}
