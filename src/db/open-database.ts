/** Opens the configured database: applies pending migrations, builds the client. */
import type { Clock } from '../core/clock.ts';
import type { DatabaseHealth } from '../core/ports.ts';
import { refreshCompanyKeys } from './company-keys.ts';
import { applyMigrations, providerOf, type Provider } from './migrate.ts';
import { createPrismaClient, type PrismaClient } from './prisma-client.ts';
import type { StatementProbe } from './statement-probe.ts';

export interface OpenDatabase {
  prisma: PrismaClient;
  provider: Provider;
  health: DatabaseHealth;
  /** Names of the migrations applied while opening. */
  applied: string[];
  close(): Promise<void>;
}

export async function openDatabase(
  databaseUrl: string,
  opts: { clock?: Clock; log?: (line: string) => void; probe?: StatementProbe } = {},
): Promise<OpenDatabase> {
  const applied = await applyMigrations(databaseUrl, { log: opts.log });
  const prisma = await createPrismaClient(databaseUrl, { probe: opts.probe });
  await prisma.$connect();
  await refreshCompanyKeys(prisma, opts.log);
  return {
    prisma,
    provider: providerOf(databaseUrl),
    applied,
    health: { ping: async () => void (await prisma.$queryRawUnsafe('SELECT 1')) },
    close: () => prisma.$disconnect(),
  };
}
