// Derives prisma/postgresql/schema.prisma from prisma/sqlite/schema.prisma, the one source of truth for
// the models. A generated Prisma client is bound to one provider, so each database needs its own schema
// file; they differ only in the generator's output folder and the datasource's provider. The models are
// copied verbatim, which works because the schema sticks to types both databases share (enumerations
// are strings, JSON is a string, no native @db types).
//
//   tsx scripts/db/derive-postgres-schema.ts           writes the PostgreSQL schema
//   tsx scripts/db/derive-postgres-schema.ts --check   exits 1 when it is out of date
//
// `npm run db:migration:new` runs the derivation itself, together with the PostgreSQL migration: write
// the file alone only when you know its migration exists (the migration is diffed against this file).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sqliteSchemaPath = path.join(root, 'prisma', 'sqlite', 'schema.prisma');
export const postgresSchemaPath = path.join(root, 'prisma', 'postgresql', 'schema.prisma');

const HEADER = `// GENERATED from prisma/sqlite/schema.prisma (the one source of truth for the models) by
// scripts/db/derive-postgres-schema.ts, which \`npm run db:migration:new\` runs. Do not edit: edit the
// SQLite schema and run \`npm run db:migration:new -- <name>\`. test/postgres/schema-drift.test.ts fails
// when the two schemas or this schema and prisma/postgresql/migrations drift apart.
`;

/** The end of the `datasource` block: everything after it is models (and their comments). */
function datasourceEnd(schema: string): number {
  const match = /^datasource\s+\w+\s*\{[^}]*\}[ \t]*\n?/m.exec(schema);
  if (!match) throw new Error('schema.prisma has no datasource block');
  return match.index + match[0].length;
}

/** The models (and enums, with their comments) of a schema: all that follows the datasource block. */
export function modelsOf(schema: string): string {
  return schema.slice(datasourceEnd(schema)).trim();
}

/** Replaces exactly one match of `pattern`, so an unexpected schema layout fails loudly. */
function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  const count = text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))?.length ?? 0;
  if (count !== 1) throw new Error(`expected one ${what} in the SQLite schema's header, found ${count}`);
  return text.replace(pattern, replacement);
}

/** The PostgreSQL schema for a SQLite schema's text. */
export function derivePostgresSchema(sqliteSchema: string): string {
  const end = datasourceEnd(sqliteSchema);
  // The blocks without the SQLite file's leading comment (the PostgreSQL file gets its own).
  let blocks = sqliteSchema.slice(0, end).replace(/^(?:\s*\/\/[^\n]*\n)*\s*/, '');
  blocks = replaceOnce(blocks, /(output\s*=\s*"[^"]*\/generated\/)sqlite"/, '$1postgresql"', 'generator output ".../generated/sqlite"');
  blocks = replaceOnce(blocks, /(provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'provider = "sqlite"');
  return `${HEADER}\n${blocks}${sqliteSchema.slice(end)}`;
}

export function readDerivedPostgresSchema(): string {
  return derivePostgresSchema(readFileSync(sqliteSchemaPath, 'utf8'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const derived = readDerivedPostgresSchema();
  let current = '';
  try {
    current = readFileSync(postgresSchemaPath, 'utf8');
  } catch {
    // no file yet: written below, or reported as out of date
  }
  const relative = path.relative(process.cwd(), postgresSchemaPath);
  if (process.argv.includes('--check')) {
    if (current !== derived) {
      console.error(`${relative} is out of date: run npm run db:migration:new -- <name>`);
      process.exitCode = 1;
    } else console.log(`${relative} is up to date`);
  } else if (current === derived) {
    console.log(`${relative} is up to date`);
  } else {
    writeFileSync(postgresSchemaPath, derived);
    console.log(`wrote ${relative}`);
  }
}
