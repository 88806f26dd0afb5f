/**
 * The models of the data model, read from the schema itself (prisma/sqlite/schema.prisma, the one source of
 * truth), so that a test that checks "every table" or "nothing stored" covers a table added tomorrow without
 * anyone remembering to add it to the test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '../../src/db/prisma-client.ts';

export interface SchemaModel {
  /** The model's name (`MembershipRequest`). */
  name: string;
  /** The table it is stored in: the model's name, or its `@@map`. */
  table: string;
  /** The field of its primary key, to read its rows in a stable order. */
  id: string;
  /** The Prisma client's delegate for it (`membershipRequest`). */
  delegate: string;
}

const schemaPath = path.resolve(import.meta.dirname, '../../prisma/sqlite/schema.prisma');

/** Every model of the schema, in the order the schema lists them. */
export function schemaModels(): SchemaModel[] {
  const schema = readFileSync(schemaPath, 'utf8');
  const models = [...schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map(([, name, body]) => {
    const id = /^\s*(\w+)\s+\S+\s+[^\n]*@id\b/m.exec(body!)?.[1];
    if (!id) throw new Error(`schema-models: model ${name} has no single-field @id; teach schemaModels() its key`);
    const table = /@@map\("([^"]+)"\)/.exec(body!)?.[1] ?? name!;
    return { name: name!, table, id, delegate: name!.charAt(0).toLowerCase() + name!.slice(1) };
  });
  if (models.length === 0) throw new Error(`schema-models: no model found in ${schemaPath}`);
  return models;
}

interface Delegate {
  count(): Promise<number>;
  findMany(args: { orderBy: Record<string, 'asc'> }): Promise<unknown[]>;
}

function delegateOf(prisma: PrismaClient, model: SchemaModel): Delegate {
  const delegate = (prisma as unknown as Record<string, Delegate | undefined>)[model.delegate];
  if (!delegate) throw new Error(`schema-models: the Prisma client has no ${model.delegate}; run npm run db:generate`);
  return delegate;
}

/** How many rows each table holds, by model name: to show that something stored nothing, anywhere. */
export async function countRows(prisma: PrismaClient): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of schemaModels()) counts[model.name] = await delegateOf(prisma, model).count();
  return counts;
}

/** Every row of every table, by model name, in primary-key order: to compare the database before and after something. */
export async function dumpDatabase(prisma: PrismaClient): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const model of schemaModels()) dump[model.name] = await delegateOf(prisma, model).findMany({ orderBy: { [model.id]: 'asc' } });
  return dump;
}
