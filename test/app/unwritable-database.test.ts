/**
 * `npm start` (the compiled server, a real process) on a SQLite database it cannot write refuses to start, with
 * the path and the fix, instead of starting and failing every message. File permissions do not bind root, so
 * when the tests run as root (CI) the server runs as `nobody`, for whom the root-owned file is read-only.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/db/migrate.ts';
import { repoRoot, runCommand, type RunOptions } from '../support/run-process.ts';
import { testDatabaseProvider } from '../support/temp-database.ts';

const root = process.getuid?.() === 0;
/** Who the server runs as: `nobody` (65534) when we are root, else ourselves; killed if it starts after all. */
const asUnprivileged: RunOptions = { ...(root ? { uid: 65534, gid: 65534 } : {}), killAfterMs: 60_000 };
/** `nobody` can only run the project when every folder above it can be entered by others. */
const unprivilegedCanRun =
  !root ||
  spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(path.join(repoRoot, 'dist', 'app', 'main.js'))})`], {
    uid: 65534,
    gid: 65534,
  }).status === 0;
if (!unprivilegedCanRun)
  console.warn(`test/app/unwritable-database: skipped, the user nobody cannot read ${repoRoot} (its folders are private to root)`);

const base = mkdtempSync(path.join(tmpdir(), 'desk-unwritable-'));
afterAll(() => {
  chmodSync(base, 0o755);
  rmSync(base, { recursive: true, force: true });
});
// mkdtemp makes a private folder; the unprivileged server must be able to reach the folders inside it.
chmodSync(base, 0o755);

/** A migrated database in a folder of its own; `fileMode` and `dirMode` are then applied. */
async function database(name: string, fileMode: number, dirMode: number): Promise<{ url: string; file: string; dir: string }> {
  const dir = path.join(base, name);
  mkdirSync(dir);
  const file = path.join(dir, 'desk.db');
  await applyMigrations(`file:${file}`);
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
  chmodSync(file, fileMode);
  chmodSync(dir, dirMode);
  return { url: `file:${file}`, file, dir };
}

describe.skipIf(testDatabaseProvider !== 'sqlite' || process.platform === 'win32' || !unprivilegedCanRun)(
  'a database the server cannot write',
  () => {
    it('a read-only database file: the start refuses, naming the file and the fix, without a stack trace', async () => {
      // The folder is writable (SQLite can create its -wal and -shm files), only the file is not.
      const db = await database('read-only-file', 0o444, 0o777);
      const r = await runCommand('main', [], { ...asUnprivileged, env: { DATABASE_URL: db.url, PORT: '0', LOG_LEVEL: 'info' } });
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`Cannot start: the database ${db.file} cannot be written`);
      expect(lines[0]).toContain('attempt to write a readonly database');
      expect(lines[0]).toContain(`write access to the file and to its folder ${db.dir}`);
      expect(r.stdout).not.toContain('desk bot listening');
    });

    it('a folder the server cannot write: the start refuses, naming the folder and the fix', async () => {
      const db = await database('read-only-folder', 0o666, 0o555);
      const r = await runCommand('main', [], { ...asUnprivileged, env: { DATABASE_URL: db.url, PORT: '0' } });
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`Cannot start: the database folder ${db.dir} is not writable`);
      expect(r.stderr).toContain('desk.db-wal and desk.db-shm');
    });

    it('npm run chat and npm run db:migrate refuse the same way', async () => {
      const db = await database('read-only-cli', 0o444, 0o777);
      const chat = await runCommand('chat', ['--user', 'alice'], { ...asUnprivileged, env: { DATABASE_URL: db.url }, input: 'help\n' });
      expect(chat.code).toBe(1);
      expect(chat.stderr.trim()).toMatch(new RegExp(`^chat: the database ${db.file.replaceAll('/', '\\/')} cannot be written`));
      const migrate = await runCommand('migrate', [], { ...asUnprivileged, env: { DATABASE_URL: db.url } });
      expect(migrate.code).toBe(1);
      expect(migrate.stderr.trim()).toContain(`Cannot migrate: the database ${db.file} cannot be written`);
    });
  },
);
