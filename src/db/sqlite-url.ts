// Turns a SQLite `DATABASE_URL` (`file:./data/desk.db`, `file:/abs/desk.db`, `:memory:`) into a path
// better-sqlite3 can open. The Prisma adapter only strips `file:` and hands the rest to better-sqlite3,
// which resolves it against whatever the current directory happens to be and keeps any `?query` as part
// of the file name; resolving here makes the app, the migration runner and the scripts open one file.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is src/db/sqlite-url.ts). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const MEMORY = ':memory:';

export function isSqliteUrl(url: string): boolean {
  return url.startsWith('file:') || url === MEMORY;
}

/**
 * The absolute file path (or `:memory:`) of a SQLite URL. Relative paths are resolved against the
 * project root, not the current directory, so `npm run` from a subfolder still finds `data/desk.db`
 * (it is also where prisma.config.ts, which uses the same default URL, lives).
 */
export function sqlitePathFromUrl(url: string, baseDir: string = projectRoot): string {
  if (url === MEMORY) return MEMORY;
  if (!url.startsWith('file:')) {
    throw new Error(`Not a SQLite URL (expected "file:<path>"): ${redact(url)}`);
  }
  // Prisma-style URLs may carry options such as `?connection_limit=1`; they are not part of the path.
  let rest = url.slice('file:'.length).replace(/[?#].*$/, '');
  if (rest === MEMORY) return MEMORY;
  // `file:///abs/path` (RFC 8089) as well as Prisma's usual `file:/abs/path` and `file:./rel/path`.
  if (rest.startsWith('//')) rest = fileURLToPath(`file:${rest}`);
  if (rest === '') throw new Error('SQLite URL has an empty path: "file:"');
  return path.resolve(baseDir, rest);
}

/** Like {@link sqlitePathFromUrl}, and creates the parent directory so a fresh checkout just works. */
export function prepareSqliteFile(url: string, baseDir: string = projectRoot): string {
  const file = sqlitePathFromUrl(url, baseDir);
  if (file !== MEMORY) mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

/** Error messages must not leak credentials of a (future) PostgreSQL URL. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}
