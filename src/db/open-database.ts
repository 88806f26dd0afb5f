/** Opens the configured database: applies pending migrations, builds the client. */
import type { Clock } from '../core/clock.ts';
import type { DatabaseHealth } from '../core/ports.ts';
import { assertDatabaseWritable } from './assert-writable.ts';
import { refreshCompanyKeys } from './company-keys.ts';
import { createHealthProbe } from './health-probe.ts';
import { applyMigrations, providerOf, type Provider } from './migrate.ts';
import { createPrismaClient, type PrismaClient } from './prisma-client.ts';
import type { SqliteConnection } from './sqlite-connection.ts';
import type { StatementProbe } from './statement-probe.ts';

export interface OpenDatabase {
  prisma: PrismaClient;
  provider: Provider;
  /** On SQLite, the connection's statements for hand-written SQL (see raw-sql.ts); else undefined. */
  sqlite?: SqliteConnection;
  health: DatabaseHealth;
  /** Names of the migrations applied while opening. */
  applied: string[];
  close(): Promise<void>;
}

export async function openDatabase(
  databaseUrl: string,
  opts: { clock?: Clock; log?: (line: string) => void; probe?: StatementProbe } = {},
): Promise<OpenDatabase> {
  assertDatabaseWritable(databaseUrl);
  const applied = await applyMigrations(databaseUrl, { log: opts.log });
  let sqlite: SqliteConnection | undefined;
  const prisma = await createPrismaClient(databaseUrl, { probe: opts.probe, log: opts.log, onSqliteConnection: (c) => (sqlite = c) });
  await prisma.$connect();
  await refreshCompanyKeys(prisma, opts.log);
  return {
    prisma,
    provider: providerOf(databaseUrl),
    sqlite,
    applied,
    health: createHealthProbe(databaseUrl, prisma, sqlite),
    close: () => prisma.$disconnect(),
  };
}
