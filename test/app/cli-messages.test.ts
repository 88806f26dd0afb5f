/**
 * Every command a person types (`npm start`, `npm run chat`, `npm run admin`, `npm run db:migrate`) answers a
 * mistake with one line saying what is wrong and how to fix it, and exit code 2 (a wrong call) or 1 (anything
 * else); never a stack trace. The compiled commands, run as npm runs them.
 */
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand, type RunResult } from '../support/run-process.ts';
import { tempDatabaseUrl } from '../support/temp-database.ts';

const temp = tempDatabaseUrl();
afterAll(() => temp.cleanup());
const env = { DATABASE_URL: temp.url, BOT_NOW: '' };

/** The one line of a failure, checked to be the only output on stderr and free of a stack trace. */
function oneLine(r: RunResult): string {
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return lines[0]!;
}

describe('npm run admin', () => {
  it('--help prints the usage and exits 0', async () => {
    const r = await runCommand('admin', ['--help'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('npm run admin -- grant <staff|expert|applicant> <identity>');
    expect(r.stderr).toBe('');
  });

  it('an unknown option, a missing or unknown command, role or identity: one line and exit 2', async () => {
    const cases: [string[], string][] = [
      [['--frobnicate'], 'admin: unknown option --frobnicate (npm run admin -- --help)'],
      [[], 'admin: which command? grant, revoke or roles'],
      [['promote', 'console:bob'], 'admin: unknown command promote; use grant, revoke or roles'],
      [['grant', 'boss', 'console:bob'], 'admin: unknown role boss; use staff, expert or applicant'],
      [['grant', 'staff'], 'admin: grant needs an identity, e.g. console:alice'],
      [['roles', 'bob'], 'admin: not an identity: bob; use slack:<team>:<user>'],
    ];
    for (const [args, expected] of cases) {
      const r = await runCommand('admin', args, { env });
      expect(r.code, args.join(' ')).toBe(2);
      expect(oneLine(r)).toContain(expected);
    }
  });
});

describe('npm run chat', () => {
  it('--help prints the usage; an unknown flag or a locale it does not speak is one line and exit 2', async () => {
    const help = await runCommand('chat', ['--help'], { env });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('usage: npm run chat -- [--user <name>] [--locale ja|en]');

    const flag = await runCommand('chat', ['--usr', 'alice'], { env, input: 'help\n' });
    expect(flag.code).toBe(2);
    expect(oneLine(flag)).toBe('chat: unknown option --usr (npm run chat -- --help)');

    const locale = await runCommand('chat', ['--user', 'alice', '--locale', 'fr'], { env, input: 'help\n' });
    expect(locale.code).toBe(2);
    expect(oneLine(locale)).toBe('chat: --locale must be ja or en, not "fr" (npm run chat -- --help)');
  });

  it('a malformed BOT_NOW: one line naming the variable and a value that works, exit 1', async () => {
    const r = await runCommand('chat', ['--user', 'alice'], { env: { ...env, BOT_NOW: 'next tuesday' }, input: 'help\n' });
    expect(r.code).toBe(1);
    expect(oneLine(r)).toBe(
      'chat: Invalid configuration: BOT_NOW: a date and time in ISO 8601 with its offset, e.g. 2021-09-01T10:00:00+09:00, or unset it for the real clock',
    );
  });
});

describe('npm start', () => {
  it('a malformed BOT_NOW and a bad PORT: one line naming both, exit 1', async () => {
    const r = await runCommand('main', [], { env: { ...env, BOT_NOW: '2021-09-01 10:00', PORT: 'eighty' }, killAfterMs: 60_000 });
    expect(r.code).toBe(1);
    const line = oneLine(r);
    expect(line).toMatch(/^Cannot start: Invalid configuration: /);
    expect(line).toContain('PORT: a port number from 0 to 65535, e.g. 3000');
    expect(line).toContain('BOT_NOW: a date and time in ISO 8601 with its offset');
  });

  it('a port another process holds: says so and what to do, exit 1', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      const r = await runCommand('main', [], { env: { ...env, PORT: String(port), LOG_LEVEL: 'silent' }, killAfterMs: 60_000 });
      expect(r.code).toBe(1);
      expect(oneLine(r)).toMatch(/^Cannot start: .*EADDRINUSE.* \(another process uses this port: stop it or set PORT\)$/);
    } finally {
      holder.close();
    }
  });
});

describe('npm run db:migrate', () => {
  it('--help prints what it does; an argument it does not take is one line and exit 2', async () => {
    const help = await runCommand('migrate', ['--help'], { env });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('npm run db:migrate');
    const extra = await runCommand('migrate', ['now'], { env });
    expect(extra.code).toBe(2);
    expect(oneLine(extra)).toBe('Cannot migrate: unexpected argument now (npm run db:migrate -- --help)');
  });
});
