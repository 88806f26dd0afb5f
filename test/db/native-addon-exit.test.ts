/**
 * better-sqlite3 as built at install exits cleanly on this Node. Compiled against the headers of Node 24.19 or
 * later, better-sqlite3 12 aborts the process (SIGABRT, "Assertion failed: (env) != nullptr") whenever V8
 * collects one of its databases or statements outside a JavaScript context: at exit, or in an idle collection
 * on a running server (nodejs/node#65446). Many collectable statements and a normal exit show it every time;
 * scripts/with-node.sh compiles against headers without the problem.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDatabaseUrl } from '../support/temp-database.ts';
import { repoRoot } from '../support/run-process.ts';

const script = `
  const Database = require('better-sqlite3');
  const db = new Database(process.argv[1]);
  db.exec('CREATE TABLE IF NOT EXISTS t (x)');
  // Garbage for the collector: statements and connections nobody holds any more.
  for (let i = 0; i < 5000; i++) db.prepare('SELECT x FROM t WHERE x = ?').all(i);
  for (let i = 0; i < 50; i++) new Database(process.argv[1]).close();
  db.close();
  process.stdout.write('done');
`;

describe('better-sqlite3 on this Node', () => {
  it(`leaves the process with exit code 0 after thousands of statements (Node ${process.version})`, () => {
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
