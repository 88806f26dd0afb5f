/**
 * better-sqlite3 as built at install exits cleanly on this Node. Compiled against the headers of Node 24.19 or
 * later, better-sqlite3 12 aborts the process (SIGABRT, "Assertion failed: (env) != nullptr") whenever V8
 * collects one of its databases or statements outside a JavaScript context: at exit, or in an idle collection
 * on a running server (nodejs/node#65446). Thousands of uncollected statements at a normal exit show it every
 * time; scripts/with-node.sh compiles against headers without the problem.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDatabaseUrl } from '../support/temp-database.ts';
import { repoRoot } from '../support/run-process.ts';

// Statements and connections still waiting for the collector when the process ends: V8 finalizes them at
// teardown, outside any context. (Checked: a build against 24.21's headers aborts on this every time.)
const script = `
  const Database = require('better-sqlite3');
  const db = new Database(process.argv[1]);
  db.exec('CREATE TABLE IF NOT EXISTS t (x)');
  let held = [];
  for (let i = 0; i < 3000; i++) held.push(db.prepare('SELECT x FROM t WHERE x = ?'));
  for (let i = 0; i < 20; i++) held.push(new Database(process.argv[1]));
  held = null;
  process.stdout.write('done');
`;

describe('better-sqlite3 on this Node', () => {
  it(`leaves the process with exit code 0 with thousands of statements left to collect (Node ${process.version})`, () => {
    const temp = tempDatabaseUrl();
    try {
      const file = path.join(temp.dir, 'native.db');
      const r = spawnSync(process.execPath, ['-e', script, file], { cwd: repoRoot, encoding: 'utf8' });
      expect(r.stderr).not.toContain('Assertion failed');
      expect({ status: r.status, signal: r.signal, stdout: r.stdout }).toEqual({ status: 0, signal: null, stdout: 'done' });
    } finally {
      temp.cleanup();
    }
  });
});
