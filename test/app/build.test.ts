/**
 * The build behind `npm start`: what it bundles, when it is redone, and that the compiled server loads only
 * what its configuration uses (no PostgreSQL driver on SQLite, no Bolt without Slack, no botbuilder until
 * Teams is configured), checked in a real process by recording the packages it imports.
 */
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staleness } from '../../scripts/build/staleness.mjs';
import { freePort, repoRoot, startCommand, waitFor } from '../support/run-process.ts';
import { tempDatabaseUrl, testDatabaseProvider } from '../support/temp-database.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'desk-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the build record', () => {
  it('lists the sources bundled into dist/app/ and the build settings, never node_modules', () => {
    const info = JSON.parse(readFileSync(path.join(repoRoot, 'dist', 'app', 'build-info.json'), 'utf8')) as {
      inputs: string[];
      entries: string[];
    };
    expect(info.entries).toEqual(['main', 'chat', 'admin', 'migrate']);
    for (const source of [
      'src/main.ts',
      'src/app/start.ts',
      'src/app/chat.ts',
      'scripts/admin.ts',
      'src/db/generated/sqlite/client.ts',
      'scripts/build.mjs',
      'package.json',
    ]) {
      expect(info.inputs).toContain(source);
    }
    expect(info.inputs.filter((f) => f.includes('node_modules'))).toEqual([]);
  });

  it('is stale when a source is newer than the build or gone, and when there is no build', () => {
    const source = path.join(scratch, 'a.ts');
    writeFileSync(source, 'export {};\n');
    const past = new Date(Date.now() - 60_000);
    utimesSync(source, past, past);
    const infoFile = path.join(scratch, 'build-info.json');
    writeFileSync(infoFile, JSON.stringify({ builtAt: Date.now() - 30_000, inputs: ['a.ts'] }));
    expect(staleness(infoFile, scratch)).toBeUndefined();

    writeFileSync(source, 'export const edited = true;\n');
    expect(staleness(infoFile, scratch)).toBe('a.ts changed');

    rmSync(source);
    expect(staleness(infoFile, scratch)).toBe('a.ts is gone');
    expect(staleness(path.join(scratch, 'none.json'), scratch)).toBe('no build yet');
  });
});

/** Starts the compiled server with `env`, waits for /healthz, stops it; resolves with the packages it imported. */
async function packagesImported(name: string, env: Record<string, string>): Promise<string[]> {
  const record = path.join(scratch, `${name}.imports`);
  writeFileSync(record, '');
  const temp = tempDatabaseUrl();
  const port = String(await freePort());
  const server = startCommand(
    'main',
    {
      DATABASE_URL: temp.url,
      PORT: port,
      LOG_LEVEL: 'warn',
      RECORD_IMPORTS: record,
      SLACK_SIGNING_SECRET: '',
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      MICROSOFT_APP_ID: '',
      ...env,
    },
    { nodeOptions: ['--import', path.join(repoRoot, 'test', 'support', 'record-imports.mjs')] },
  );
  try {
    const up = await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200);
    expect(up, server.output()).toBe(true);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    temp.cleanup();
  }
  return [...new Set(readFileSync(record, 'utf8').split('\n').filter(Boolean))];
}

describe('the compiled server loads only what it uses', () => {
  it('without Slack or a Teams registration: neither Bolt nor botbuilder, and on SQLite no PostgreSQL driver', async () => {
    const imported = await packagesImported('bare', {});
    expect(imported).toContain('@prisma/client/runtime/client');
    expect(imported).not.toContain('@slack/bolt');
    expect(imported).not.toContain('botbuilder');
    if (testDatabaseProvider === 'sqlite') {
      expect(imported).toContain('better-sqlite3');
      expect(imported).not.toContain('pg');
      expect(imported).not.toContain('@prisma/adapter-pg');
    } else {
      expect(imported).toContain('@prisma/adapter-pg');
    }
  });

  it('with a Teams registration: botbuilder is loaded at start', async () => {
    const imported = await packagesImported('teams', {
      MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001',
      MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
    });
    expect(imported).toContain('botbuilder');
    expect(imported).not.toContain('@slack/bolt');
  });
});
