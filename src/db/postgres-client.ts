// The PostgreSQL side of createPrismaClient, in a module of its own so that a process on SQLite never loads
// the pg driver, its Prisma adapter or the PostgreSQL client (prisma-client.ts imports this on demand).
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient as PostgresPrismaClient } from './generated/postgresql/client.ts';
import type { PrismaClient } from './generated/sqlite/client.ts';
import { postgresPoolSize, postgresSchemaOf } from './postgres-url.ts';

/** The client for a `postgresql://` URL; `adapted` wraps the driver adapter factory (see prisma-client.ts). */
export function createPostgresPrismaClient(
  databaseUrl: string,
  adapted: <F extends SqlDriverAdapterFactory>(factory: F) => F,
): PrismaClient {
  const factory = new PrismaPg(
    // A pool per process: `?connection_limit=` (Prisma's name) sizes it, else pg's default of 10.
    { connectionString: databaseUrl, max: postgresPoolSize(databaseUrl), application_name: 'desk' },
    { schema: postgresSchemaOf(databaseUrl) },
  );
  // A generated client is bound to one provider, so PostgreSQL has its own, generated from
  // prisma/postgresql/schema.prisma, whose models are the SQLite schema's verbatim (a test checks
  // it). The two clients therefore have the same model API, and the repositories are typed against
  // the SQLite one: this cast is the one place that relies on it.
  return new PostgresPrismaClient({ adapter: adapted(factory) }) as unknown as PrismaClient;
}
