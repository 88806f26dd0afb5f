/** A real, migrated SQLite database file in a fresh temporary directory, removed by `cleanup`. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function tempDatabaseUrl(): { url: string; dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-test-'));
  return { url: `file:${path.join(dir, 'desk.db')}`, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
