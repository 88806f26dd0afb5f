// Prisma's schema engine compiled to WebAssembly, driven through a driver adapter: it diffs schemas
// and migration histories with no native engine and no network. Development only (its packages are
// devDependencies); used by new-migration.ts and the migration drift test.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from '@prisma/driver-adapter-utils';
import type {
  DiagnoseMigrationHistoryOutput,
  DiffTarget,
  MigrationList,
  SchemaContainer,
  SchemaEngine,
} from '@prisma/schema-engine-wasm';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

type Glue = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

// The project's lib (ES2023, no DOM) has no WebAssembly types; these are the two calls used here.
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, object>) => { exports: Record<string, unknown> };
}
const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: WasmApi };

let glue: Promise<Glue> | undefined;

/**
 * The package's entry point `import`s its .wasm file, which Node 20 only allows behind
 * --experimental-wasm-modules; so instantiate the module ourselves and hand it to the JS glue, which
 * is what that entry point does. Once per process: the glue holds the instance in module state.
 */
function loadGlue(): Promise<Glue> {
  glue ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bindings: Glue = await import(gluePath);
    const wasmFile = path.join(path.dirname(gluePath), 'schema_engine_bg.wasm');
    const module = new wasm.Module(readFileSync(wasmFile));
    // The module imports every JS function from the glue file, under its file name.
    const instance = new wasm.Instance(module, { './schema_engine_bg.js': bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return glue;
}

export function readSchemaFiles(schemaPath: string): SchemaContainer[] {
  return [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }];
}

/** A migrations folder in the shape the engine expects (it never reads the disk itself). */
export function readMigrationList(dir: string): MigrationList {
  const lockPath = path.join(dir, 'migration_lock.toml');
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(path.join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

export interface EngineSession {
  /** The SQL that turns `from` into `to`, or null when they are the same. */
  diff(from: DiffTarget, to: DiffTarget): Promise<string | null>;
  /** How Prisma Migrate sees the database's history against a migrations folder (read only). */
  diagnose(migrations: MigrationList): Promise<DiagnoseMigrationHistoryOutput>;
  close(): void;
}

/**
 * An engine over `factory`: its connect() is the database a `schemaDatasource` target means, and its
 * connectToShadowDb() is where a `migrations` target is replayed.
 */
export async function openSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schema: SchemaContainer[],
): Promise<EngineSession> {
  const { SchemaEngine: Engine } = await loadGlue();
  const engine: SchemaEngine = await Engine.new(
    { datamodels: schema.map((file): [string, string] => [file.path, file.content]) },
    (line: string) => {
      if (process.env.DEBUG_SCHEMA_ENGINE) console.error(line);
    },
    // The engine expects adapters that return Result objects instead of throwing.
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  const filters = { externalTables: [], externalEnums: [] };
  return {
    async diff(from, to) {
      // exitCode: true makes the engine answer 2 when there are changes, 0 when none.
      const result = await engine.diff({ from, to, script: true, exitCode: true, filters });
      return result.exitCode === 2 ? (result.stdout ?? '') : null;
    },
    diagnose: (migrationsList) =>
      engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters }),
    close: () => engine.free(),
  };
}

/**
 * The engine replays each migration.sql with a single argument-less executeRaw, but better-sqlite3
 * prepares one statement at a time and rejects the rest ("contains more than one statement").
 * Such a call is a script: run it as one. prepare() fails before anything runs, so nothing is run twice.
 */
function runScriptsWhole(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = async (query: SqlQuery): Promise<number> => {
    try {
      return await adapter.executeRaw(query);
    } catch (error) {
      if (query.args.length > 0 || !String(error).includes('more than one statement')) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  return new Proxy(adapter, {
    get: (target, prop) => {
      if (prop === 'executeRaw') return executeRaw;
      const value: unknown = Reflect.get(target, prop, target);
      // The adapter's methods use private fields, so they must run with the real object as `this`.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

class ScriptingBetterSqlite3 extends PrismaBetterSqlite3 {
  override async connect(): Promise<SqlDriverAdapter> {
    return runScriptsWhole(await super.connect());
  }
  override async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return runScriptsWhole(await super.connectToShadowDb());
  }
}

/** A SQLite engine; `databaseFile` is only needed to diff a live database (default: in memory). */
export function openSqliteSchemaEngine(schemaPath: string, databaseFile = ':memory:'): Promise<EngineSession> {
  // The shadow database for replaying migrations is a fresh `:memory:` one (the adapter's default).
  return openSchemaEngine(new ScriptingBetterSqlite3({ url: databaseFile }), readSchemaFiles(schemaPath));
}
