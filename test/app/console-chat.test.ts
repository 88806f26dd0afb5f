/** `printf 'help\n' | npm run chat`: scripted transcripts through the terminal adapter. */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open-database.ts';
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

describe('console chat across sessions', () => {
  const eligibleAndRegistered = 'こんにちは\n1\n2\n5\n1\n1\n2\n1\n1\n株式会社サンプル\n';

  // Six commands in a row, each a process of its own: a ceiling against hangs, not a performance assertion.
  it('shows the notices that waited first, and a number picks a choice shown in an earlier session until it expires', {
    timeout: 180_000,
  }, async () => {
    const temp = tempDatabaseUrl();
    temps.push(temp);
    const env = { DATABASE_URL: temp.url };
    expect((await runCommand('admin', ['grant', 'staff', 'console:sachi'], { env })).code).toBe(0);
    const taro = await runCommand('chat', ['--user', 'taro'], {
      env: { ...env, BOT_NOW: '2021-09-01T10:00:00+09:00' },
      input: eligibleAndRegistered,
    });
    expect(taro.stdout, taro.stderr).toContain('申請を登録しました（申請番号 1）');

    // Queued by taro's chat on a pinned clock, shown at once by sachi's chat on the real clock, before anything typed.
    const list = await runCommand('chat', ['--user', 'sachi'], { env, input: 'applications\n' });
    const [waited, afterTyping] = list.stdout.split('> applications\n');
    expect(waited).toContain('🔔 新しい申請が登録されました: 株式会社サンプル（タイ、申請番号 1、登録者 taro）。');
    expect(afterTyping).toContain('[1] #1 を開く');

    // A later session: `1` opens the application the list showed (a button the bot would not match from the text alone).
    const opened = await runCommand('chat', ['--user', 'sachi'], { env, input: '1\n' });
    expect(opened.stdout).toContain('■ #1 株式会社サンプル（タイ）');

    // Once the choices expired, a number is only text again.
    const db = await openDatabase(temp.url);
    await db.prisma.shownChoices.update({ where: { identityKey: 'console:sachi' }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await db.close();
    const expired = await runCommand('chat', ['--user', 'sachi'], { env, input: '1\n' });
    expect(expired.stdout).not.toContain('■ #1 株式会社サンプル（タイ）');
    expect(expired.stdout).toContain('「1」は分かりませんでした。');
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
