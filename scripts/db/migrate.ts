// npm run db:migrate — applies the pending migrations to DATABASE_URL (default file:./data/desk.db,
// resolved against the project root), the offline stand-in for `prisma migrate deploy`.
import { applyMigrations, MigrationError } from '../../src/db/migrate.ts';
import { redact } from '../../src/db/sqlite-url.ts';

const databaseUrl = process.env.DATABASE_URL || 'file:./data/desk.db';

try {
  const applied = await applyMigrations(databaseUrl, { log: (line) => console.log(line) });
  console.log(
    applied.length === 0
      ? `${redact(databaseUrl)} is up to date`
      : `applied ${applied.length} migration(s) to ${redact(databaseUrl)}`,
  );
} catch (error) {
  console.error(error instanceof MigrationError ? error.message : error);
  process.exitCode = 1;
}
