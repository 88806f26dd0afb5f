/**
 * The server's log as an operator reads it: readable lines in a terminal (pino-pretty, a development
 * dependency), one JSON object per line anywhere else (a pipe, a file, a log collector). The compiled server
 * in a real process; the terminal is a pseudo-terminal from script(1) (util-linux).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, repoRoot, startCommand, waitFor } from '../support/run-process.ts';
import { tempDatabaseUrl } from '../support/temp-database.ts';

const temp = tempDatabaseUrl();
afterAll(() => temp.cleanup());
const env = {
  DATABASE_URL: temp.url,
  LOG_LEVEL: 'info',
  BOT_NOW: '',
  SLACK_SIGNING_SECRET: '',
  SLACK_BOT_TOKEN: '',
  SLACK_APP_TOKEN: '',
  MICROSOFT_APP_ID: '',
};
const hasScript = existsSync('/usr/bin/script') || existsSync('/bin/script');

describe('server logs', () => {
  it('are one JSON object per line when stderr is not a terminal', async () => {
    const port = await freePort();
    const server = startCommand('main', { ...env, PORT: String(port) });
    try {
      expect(await waitFor(async () => server.output().includes('desk bot listening')), server.output()).toBe(true);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    const listening = server
      .output()
      .split('\n')
      .find((line) => line.includes('desk bot listening'))!;
    expect(JSON.parse(listening)).toMatchObject({ level: 30, msg: 'desk bot listening', port });
  });

  it.skipIf(!hasScript)('are readable lines in a terminal: time, level and message, the details indented below', async () => {
    const port = await freePort();
    const child = spawn('script', ['-qfec', `${JSON.stringify(process.execPath)} scripts/run.mjs main`, '/dev/null'], {
      cwd: repoRoot,
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      expect(await waitFor(async () => out.includes('desk bot listening')), out).toBe(true);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the colours pino-pretty adds in a terminal are what is stripped
    const text = out.replace(/\x1b\[[0-9;]*m/g, '').replace(/\r/g, '');
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: desk bot listening$/m);
    expect(text).toMatch(new RegExp(`^\\s+port: ${port}$`, 'm'));
    expect(text).not.toContain('"msg":');
  });
});
