// Prisma's schema engine compiled to WebAssembly, driven through a driver adapter: it diffs schemas
// and migration histories with no native engine and no network. Development only (its packages are
// devDependencies); used by new-migration.ts and the migration drift tests.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from '@prisma/driver-adapter-utils';
import type { DiagnoseMigrationHistoryOutput, DiffTarget, MigrationList, SchemaContainer, SchemaEngine } from '@prisma/schema-engine-wasm';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { quoteIdentifier, withPostgresDatabase } from '../../src/db/postgres-url.ts';
import { offlinePostgres } from './offline-postgres-adapter.ts';

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
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
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
export async function openSchemaEngine(factory: SqlMigrationAwareDriverAdapterFactory, schema: SchemaContainer[]): Promise<EngineSession> {
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
    diagnose: (migrationsList) => engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters }),
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

/**
 * The engine reads PostgreSQL's catalogs, whose `"char"` columns (pg_class.relkind, …) @prisma/adapter-pg
 * 7.10 cannot map ("Column type 'char' could not be deserialized"). pg returns such a value as a
 * one-letter string anyway, so report the column as text.
 */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
function charAsText<T>(result: T): T {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of (one as { fields?: { dataTypeID: number }[] } | undefined)?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
  }
  return result;
}
class CharAsTextClient extends pg.Client {}
const clientQuery = pg.Client.prototype.query;
// pg's query() has a dozen overloads (promise or callback, text or config); only the result is touched.
CharAsTextClient.prototype.query = function query(this: pg.Client, ...args: unknown[]): unknown {
  const last = args.at(-1);
  if (typeof last === 'function') {
    args[args.length - 1] = (error: unknown, result: unknown) =>
      (last as (e: unknown, r: unknown) => void)(error, error ? result : charAsText(result));
    return Reflect.apply(clientQuery, this, args);
  }
  const returned: unknown = Reflect.apply(clientQuery, this, args);
  return returned instanceof Promise ? returned.then(charAsText) : returned;
} as typeof clientQuery;

/** A connection for the engine to the database `url` names. */
function connectForEngine(url: string): Promise<SqlDriverAdapter> {
  const pool = new pg.Pool({ connectionString: url, Client: CharAsTextClient, max: 2 });
  return new PrismaPg(pool, { disposeExternalPool: true }).connect();
}

/**
 * The engine on a PostgreSQL server. @prisma/adapter-pg's own connectToShadowDb() builds its pool from
 * `{ ...config, database }`, but `pg` lets a connectionString override `database`, so with a URL its
 * "shadow" database is the real one and the migrations would be replayed into it. This one connects to
 * the shadow database by its own URL and drops it when the engine lets go of it.
 */
function postgresServer(url: string): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connectForEngine(url),
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
      } finally {
        await admin.end();
      }
      const shadow = await connectForEngine(withPostgresDatabase(url, name));
      const dispose = async () => {
        await shadow.dispose();
        const again = new pg.Client({ connectionString: url });
        await again.connect();
        try {
          await again.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
        } finally {
          await again.end();
        }
      };
      return new Proxy(shadow, {
        get: (target, prop) => {
          if (prop === 'dispose') return dispose;
          const value: unknown = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  };
}

/**
 * A PostgreSQL engine. With `databaseUrl` it works on that server: a `schemaDatasource` target is that
 * database, and a `migrations` target is replayed in a temporary shadow database created on the same
 * server (needs CREATEDB). Without it, the engine runs offline and can only diff datamodels.
 */
export async function openPostgresSchemaEngine(schema: SchemaContainer[], databaseUrl?: string): Promise<EngineSession> {
  return openSchemaEngine(databaseUrl ? postgresServer(databaseUrl) : offlinePostgres, schema);
}
