/** Opens the configured database: applies pending migrations, builds the client and the repositories. */
import type { Clock } from '../core/clock.ts';
import type { DatabaseHealth } from '../core/ports.ts';
import { refreshCompanyKeys } from './company-keys.ts';
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
  const applied = await applyMigrations(databaseUrl, { log: opts.log });
  const prisma = createPrismaClient(databaseUrl);
  await prisma.$connect();
  await refreshCompanyKeys(prisma, opts.log);
  return {
    prisma,
    applied,
    health: { ping: async () => void (await prisma.$queryRawUnsafe('SELECT 1')) },
    close: () => prisma.$disconnect(),
  };
}
