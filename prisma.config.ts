// Prisma CLI configuration. The CLI is used only for `prisma generate` (see scripts/db/generate.mjs);
// migrations are applied by our own runner because the schema engine cannot be downloaded here.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/sqlite/schema.prisma',
  migrations: { path: 'prisma/sqlite/migrations' },
  datasource: { url: process.env.DATABASE_URL?.startsWith('file:') ? process.env.DATABASE_URL : 'file:./data/desk.db' },
});
