// PostgreSQL `DATABASE_URL`s (`postgresql://user:pass@host:5432/desk?schema=desk&sslmode=require`).
// The URL goes to the `pg` driver as is (it understands sslmode, host=/socket/dir and the rest); only
// Prisma's own parameters, which `pg` ignores, are read here: `schema`, the PostgreSQL schema the
// tables live in (default `public`), and `connection_limit`, the size of each process's pool.

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** The `?schema=` of a Prisma PostgreSQL URL, or undefined for the server's default (`public`). */
export function postgresSchemaOf(url: string): string | undefined {
  const schema = new URL(url).searchParams.get('schema');
  return schema === null || schema === '' ? undefined : schema;
}

/** `?connection_limit=` of a Prisma PostgreSQL URL (connections per process), or undefined for pg's default. */
export function postgresPoolSize(url: string): number | undefined {
  const limit = Number(new URL(url).searchParams.get('connection_limit') ?? Number.NaN);
  return Number.isInteger(limit) && limit > 0 ? limit : undefined;
}

/** The same server and credentials, another database. */
export function withPostgresDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** An identifier quoted for PostgreSQL (`"my ""odd"" name"`), for statements that cannot take parameters. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
