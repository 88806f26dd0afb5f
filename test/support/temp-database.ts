/**
 * A fresh, empty database for one test, removed by `cleanup` (openDatabase migrates it).
 *
 * By default a SQLite file in a fresh temporary directory. When TEST_DATABASE_URL=postgresql://… is set
 * (`npm run test:postgres`, CI), a new database `desk_test_<random>` on that server instead, dropped by
 * `cleanup`; the URL's own database is only used to run CREATE/DROP DATABASE (the role needs CREATEDB).
 * `dir` is a temporary directory either way, for any other files a test needs.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import pg from 'pg';
import { vi } from 'vitest';
import { isPostgresUrl, quoteIdentifier, withPostgresDatabase } from '../../src/db/postgres-url.ts';
import { redact, sqlitePathFromUrl } from '../../src/db/sqlite-url.ts';

export interface TempDatabase {
  url: string;
  dir: string;
  cleanup(): void;
}

/** The PostgreSQL server the tests run on, or undefined for SQLite. */
export function testPostgresUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (!url) return undefined;
  if (!isPostgresUrl(url)) throw new Error(`TEST_DATABASE_URL must be a postgresql:// URL, not ${redact(url)}`);
  return url;
}

/** Which database the suite runs on, for the few tests that are about one of them. */
export const testDatabaseProvider: 'sqlite' | 'postgresql' = testPostgresUrl() ? 'postgresql' : 'sqlite';

if (testDatabaseProvider === 'postgresql' && process.env.VITEST) {
  // On PostgreSQL every test creates and migrates a database on the server (a few hundred ms) and every
  // query is a network round trip, so a long transcript can pass vitest's 5 s default on a busy machine.
  // The timeouts are there to catch hangs, not to measure speed: give each file that uses a database
  // more room (tests that set their own timeout keep it).
  vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });
}

/**
 * Runs CREATE/DROP DATABASE on the server synchronously, so that tempDatabaseUrl() and cleanup() keep
 * the plain signatures the tests use. A worker thread (one per test process, started on first use)
 * does the asynchronous work while this thread waits on a shared flag; starting a process per
 * statement would cost more than the statement.
 */
interface AdminWorker {
  run(adminUrl: string, sql: string): void;
}

const WORKER_SOURCE = `
  const { parentPort } = require('node:worker_threads');
  const pg = require(${JSON.stringify(createRequire(import.meta.url).resolve('pg'))});
  parentPort.on('message', async ({ adminUrl, sql, flag, port }) => {
    let error = null;
    const client = new pg.Client({ connectionString: adminUrl });
    try {
      await client.connect();
      await client.query(sql);
    } catch (e) {
      error = String(e && e.message || e);
    } finally {
      await client.end().catch(() => {});
    }
    port.postMessage({ error });
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  });`;

let adminWorker: AdminWorker | undefined;

function startAdminWorker(): AdminWorker {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  worker.unref(); // never keeps a test process alive
  return {
    run(adminUrl, sql) {
      const flag = new Int32Array(new SharedArrayBuffer(4));
      const { port1, port2 } = new MessageChannel();
      worker.postMessage({ adminUrl, sql, flag, port: port2 }, [port2]);
      const waited = Atomics.wait(flag, 0, 0, 60_000);
      const reply = receiveMessageOnPort(port1)?.message as { error: string | null } | undefined;
      port1.close();
      if (waited === 'timed-out' || !reply) throw new Error(`${sql} on ${redact(adminUrl)}: no answer within 60 s`);
      if (reply.error !== null) throw new Error(`${sql} on ${redact(adminUrl)} failed: ${reply.error}`);
    },
  };
}

function runAdminStatement(adminUrl: string, sql: string): void {
  adminWorker ??= startAdminWorker();
  adminWorker.run(adminUrl, sql);
}

export function tempDatabaseUrl(): TempDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-test-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  const server = testPostgresUrl();
  if (!server) return { url: `file:${path.join(dir, 'desk.db')}`, dir, cleanup: removeDir };

  const name = `desk_test_${randomBytes(6).toString('hex')}`;
  runAdminStatement(server, `CREATE DATABASE ${quoteIdentifier(name)}`);
  let dropped = false;
  return {
    url: withPostgresDatabase(server, name),
    dir,
    cleanup() {
      if (dropped) return;
      dropped = true;
      removeDir();
      // FORCE ends any connection a test left open (PostgreSQL 13+).
      runAdminStatement(server, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    },
  };
}

/** The tables of a test database, on SQLite or PostgreSQL (for tests that check what a process created). */
export async function listTables(url: string): Promise<string[]> {
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`,
      );
      return rows.map((r) => r.name);
    } finally {
      await client.end();
    }
  }
  const db = new Database(sqlitePathFromUrl(url), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1`).all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}
