/** Opens the configured database: applies pending migrations, builds the client and the repositories. */
import type { Clock } from '../core/clock.ts';
import type { DatabaseHealth } from '../core/ports.ts';
import { assertDatabaseWritable } from './assert-writable.ts';
import { createHealthProbe } from './health-probe.ts';
import { applyMigrations } from './migrate.ts';
import { createPrismaClient, type PrismaClient } from './prisma-client.ts';

export interface OpenDatabase {
  prisma: PrismaClient;
  health: DatabaseHealth;
  /** Names of the migrations applied while opening. */
  applied: string[];
  close(): Promise<void>;
}

export async function openDatabase(databaseUrl: string, opts: { clock?: Clock; log?: (line: string) => void } = {}): Promise<OpenDatabase> {
  assertDatabaseWritable(databaseUrl);
  const applied = await applyMigrations(databaseUrl, { log: opts.log });
  const prisma = await createPrismaClient(databaseUrl);
  await prisma.$connect();
  return {
    prisma,
    applied,
    health: createHealthProbe(databaseUrl, prisma),
    close: () => prisma.$disconnect(),
  };
}
