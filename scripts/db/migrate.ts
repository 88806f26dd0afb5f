// npm run db:migrate — applies the pending migrations to DATABASE_URL (default file:./data/desk.db,
// resolved against the project root), the offline stand-in for `prisma migrate deploy`.
import { parseArgs } from 'node:util';
import { exitWithFailure } from '../../src/app/cli-failure.ts';
import { assertDatabaseWritable } from '../../src/db/assert-writable.ts';
import { applyMigrations } from '../../src/db/migrate.ts';
import { redact } from '../../src/db/sqlite-url.ts';

const databaseUrl = process.env.DATABASE_URL || 'file:./data/desk.db';
const usage = 'usage: [DATABASE_URL=file:./data/desk.db | postgresql://…] npm run db:migrate';

try {
  if (parseArgs({ options: { help: { type: 'boolean', short: 'h' } } }).values.help) {
    process.stdout.write(`${usage}\napplies the migrations not yet applied to DATABASE_URL\n`);
    process.exit(0);
  }
  assertDatabaseWritable(databaseUrl);
  const applied = await applyMigrations(databaseUrl, { log: (line) => console.log(line) });
  console.log(
    applied.length === 0 ? `${redact(databaseUrl)} is up to date` : `applied ${applied.length} migration(s) to ${redact(databaseUrl)}`,
  );
} catch (error) {
  exitWithFailure(error, 'Cannot migrate', 'npm run db:migrate -- --help');
}
