/** `printf 'help\n' | npm run chat`: scripted transcripts through the terminal adapter. */
import { afterEach, describe, expect, it } from 'vitest';
import { tempDatabaseUrl, type TempDatabase } from '../support/temp-database.ts';
import { runCommand } from '../support/run-process.ts';

// Each test gets a database of its own: none depends on what another one left behind.
const temps: TempDatabase[] = [];
afterEach(() => {
  for (const temp of temps.splice(0)) temp.cleanup();
});
const freshEnv = () => {
  const temp = tempDatabaseUrl();
  temps.push(temp);
  return { DATABASE_URL: temp.url };
};

describe('console chat', () => {
  it('prints the commands in Japanese, then in English after `language en`', async () => {
    const env = freshEnv();
    const r = await runCommand('chat', ['--user', 'alice'], { env, input: 'help\nlanguage en\nhelp\n' });
    expect(r.code, r.stderr).toBe(0);
    const [, ja, en] = r.stdout.split(/^> help$/m);
    expect(ja).toContain('使えるコマンド');
    expect(ja).toContain('language ja|en — 表示言語を切り替えます');
    expect(en).toContain('What you can do');
    expect(en).toContain('help — show this help');
  });

  it('remembers the language of the user across sessions (same database)', async () => {
    const env = freshEnv();
    const first = await runCommand('chat', ['--user', 'alice'], { env, input: 'language en\n' });
    expect(first.code, first.stderr).toBe(0);
    const r = await runCommand('chat', ['--user', 'alice'], { env, input: 'help\n' });
    expect(r.stdout).toContain('What you can do');
    expect(r.stdout).not.toContain('使えるコマンド');
    const other = await runCommand('chat', ['--user', 'bob'], { env, input: 'help\n' });
    expect(other.stdout).toContain('使えるコマンド');
  });
});

describe('admin script', () => {
  it('grants the first staff member and an expert for countries', async () => {
    const env = freshEnv();
    const staff = await runCommand('admin', ['grant', 'staff', 'console:alice'], { env });
    expect(staff.code, staff.stderr).toBe(0);
    expect(staff.stdout).toContain('console:alice (person 1): staff');
    const expert = await runCommand('admin', ['grant', 'expert', 'slack:T1:U2', '--country', 'th', '--country', 'vn'], { env });
    expect(expert.stdout).toMatch(/slack:T1:U2 \(person \d+\): expert\(th\), expert\(vn\)/);
  });

  it('explains a wrong call instead of failing obscurely', async () => {
    const env = freshEnv();
    const r = await runCommand('admin', ['grant', 'expert', 'console:bob'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('an expert is granted for one or more countries: add --country');
    const unknown = await runCommand('admin', ['grant', 'expert', 'console:bob', '--country', 'hk'], { env });
    expect(unknown.stderr).toContain('unknown country hk; use one of cn, th, vn, sg');
  });
});
