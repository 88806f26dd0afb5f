/**
 * The README's five-minute walkthrough ("Trying it in the terminal"), run as written: the block after the
 * `<!-- walkthrough` comment is read from README.md, `npm start` is started as terminal 1 and left running, and
 * every other `$` line runs in bash (the `export`s before it included), with the `>` lines under an
 * `npm run chat` as what the person types. Each person must see their replies and the notifications that waited
 * for them, first, in their next chat. Only the database and the port are the test's own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, repoRoot, waitFor } from '../support/run-process.ts';
import { tempDatabaseUrl } from '../support/temp-database.ts';

interface Step {
  command: string;
  /** The lines typed into a chat. */
  typed: string[];
}

/** A comment: `#` after two spaces or more (typed text may hold a `#` of its own). */
const withoutComment = (line: string) => line.replace(/\s{2,}#.*$/, '').trim();

function walkthrough(): Step[] {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const marker = readme.indexOf('<!-- walkthrough');
  if (marker < 0) throw new Error('README.md has no <!-- walkthrough … --> block');
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(readme.slice(marker));
  if (!block) throw new Error('no fenced block after the walkthrough comment');
  const steps: Step[] = [];
  for (const line of block[1]!.split('\n')) {
    if (line.startsWith('$ ')) steps.push({ command: withoutComment(line.slice(2)), typed: [] });
    else if (line.startsWith('> ')) {
      const step = steps.at(-1);
      if (!step?.command.startsWith('npm run chat')) throw new Error(`typed line outside a chat: ${line}`);
      step.typed.push(withoutComment(line.slice(2)));
    } else if (line.trim() !== '') throw new Error(`neither a command nor a typed line: ${line}`);
  }
  return steps;
}

const temp = tempDatabaseUrl();
let server: ChildProcess | undefined;
afterAll(async () => {
  if (server?.pid !== undefined && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    await exited;
  }
  temp.cleanup();
});

function bash(script: string, env: NodeJS.ProcessEnv, input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** What a chat printed before the first line typed (the notifications that waited), and everything. */
function seen(stdout: string, firstTyped: string): { before: string; all: string } {
  const at = stdout.indexOf(`> ${firstTyped}\n`);
  return { before: at < 0 ? stdout : stdout.slice(0, at), all: stdout };
}

describe('the README walkthrough, as written', () => {
  // A dozen commands, each a process of its own, beside a running server: a ceiling against hangs, not a performance assertion.
  it('runs every command and shows each person their replies and the notifications that waited for them', {
    timeout: 300_000,
  }, async () => {
    const steps = walkthrough();
    expect(steps.map((s) => s.command)).toContain('npm start');
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: temp.url,
      PORT: String(port),
      BOT_NOW: '',
      LOG_LEVEL: 'info',
      SLACK_SIGNING_SECRET: '',
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      MICROSOFT_APP_ID: '',
      TEAMS_ALLOW_UNAUTHENTICATED: '',
    };
    const exports: string[] = [];
    const chats: { user: string; before: string; all: string }[] = [];
    const admin: string[] = [];

    for (const step of steps) {
      if (step.command === 'npm start') {
        // Terminal 1: left running, as the README says, with its own (real) clock.
        server = spawn('bash', ['-c', [...exports, 'exec npm start'].join('\n')], { cwd: repoRoot, env, stdio: 'ignore', detached: true });
        const healthy = await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200);
        expect(healthy, 'npm start did not answer /healthz').toBe(true);
        continue;
      }
      if (step.command.startsWith('export ')) {
        exports.push(step.command);
        continue;
      }
      const typed = step.typed.map((t) => `${t}\n`).join('');
      const r = await bash([...exports, step.command].join('\n'), env, typed);
      expect(r.code, `${step.command}\n${r.stdout}\n${r.stderr}`).toBe(0);
      expect(r.stderr, step.command).not.toMatch(/\n\s+at /);
      const user = /--user (\S+)/.exec(step.command)?.[1];
      if (user) chats.push({ user, ...seen(r.stdout, step.typed[0] ?? '') });
      else admin.push(r.stdout);
    }
    expect(server?.exitCode, 'npm start stopped during the walkthrough').toBeNull();

    expect(admin.join('\n')).toMatch(/console:hana \(person \d+\): staff/);
    expect(admin.join('\n')).toMatch(/console:ken \(person \d+\): expert\(th\)/);
    expect(chats.map((c) => c.user)).toEqual(['taro', 'hana', 'ken', 'taro', 'ken']);
    const [taro1, hana, ken1, taro2, ken2] = chats as [
      (typeof chats)[0],
      (typeof chats)[0],
      (typeof chats)[0],
      (typeof chats)[0],
      (typeof chats)[0],
    ];

    // taro checks eligibility (numbers pick the choices shown) and registers the application.
    expect(taro1.all).toContain('■ タイ: 応募できます');
    expect(taro1.all).toContain('株式会社サンプルのタイ向けの申請を登録しました（申請番号 1）。');

    // hana, staff, is told first of the new application, then runs the pipeline.
    expect(hana.before).toContain('🔔 新しい申請が登録されました: 株式会社サンプル（タイ、申請番号 1、登録者 taro）。');
    expect(hana.all).toContain('#1 株式会社サンプル（タイ） を採択しました。');
    expect(hana.all).toContain('の担当専門家に割り当てました。');
    expect(hana.all).toContain('■ 採択・支援の状況（2021年9月1日（水）現在）');

    // ken, the expert, is told of the assignment first, then logs hours and publishes a slot.
    expect(ken1.before).toContain('🔔 #1 株式会社サンプル（タイ） の担当に割り当てられました。');
    expect(ken1.all).toContain('■ 2時間を記録しました（#1）');
    expect(ken1.all).toContain('枠 #1 を登録しました: 研修、2021年9月15日（水） 16:00–17:30（日本時間）');

    // taro's next chat shows, first, every step that happened meanwhile; then he books ken's slot.
    for (const notice of [
      '🔔 #1 株式会社サンプル（タイ） の申込書を受領しました。',
      '🔔 #1 株式会社サンプル（タイ） の審査を開始しました。',
      '🔔 #1 株式会社サンプル（タイ） が採択されました。',
      '🔔 #1 株式会社サンプル（タイ） の 保有情報リスト（様式1）',
      '🔔 #1 株式会社サンプル（タイ） の担当専門家が決まりました',
    ])
      expect(taro2.before).toContain(notice);
    expect(taro2.all).toContain('状況: 採択');
    expect(taro2.all).toContain('タイ ██░░░░░░░░░░░░░░░░░░ 2時間 / 17時間（残り 15時間）');
    expect(taro2.all).toContain('予約 #1 が確定しました。');
    expect(taro2.all).toContain('予約一覧（1件）');

    // ken's next chat: the booking, with its calendar file.
    expect(ken2.before).toContain('🔔 新しい予約 #1 が入りました（株式会社サンプル、taro さん）。');
    expect(ken2.before).toContain('📎 予約 #1 のカレンダー登録用ファイル (booking-1.ics)');

    // Every notice was shown once, in the chat of the person it was for.
    const notices = chats.flatMap((c) => c.all.split('\n').filter((l) => l.startsWith('🔔')));
    expect(new Set(notices).size).toBe(notices.length);
  });
});
