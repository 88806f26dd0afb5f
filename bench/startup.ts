/**
 * Start-up as a person sees it, on a warm machine (each measured several times after one unmeasured run):
 *  - `npm start` until `GET /healthz` answers 200, on an existing database (the usual restart), and the bot's
 *    own process alone (`node scripts/run.mjs main`, what a process manager runs);
 *  - `npm run chat` until its first prompt (`> `), in a pseudo-terminal as a person types in it (`script`
 *    from util-linux provides it), and the process alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/open-database.ts';
import { startNodeFlags } from '../test/support/desk-server.ts';
import { freePort, readCpuSeconds, repoRoot } from '../test/support/server-process.ts';
import { summarize, type LatencySummary } from './stats.ts';

export interface StartupFigures {
  runs: number;
  /** `npm start` → /healthz 200, ms. */
  npmStartToHealthy: LatencySummary;
  /** `node scripts/run.mjs main` → /healthz 200, ms. */
  serverToHealthy: LatencySummary;
  /** Processor time (user + system) the server process used until /healthz answered, ms: what a busy machine does not inflate. */
  serverCpuToHealthy: LatencySummary;
  /** `npm run chat` → first prompt, ms (undefined without `script`). */
  npmChatToPrompt?: LatencySummary;
  /** `node scripts/run.mjs chat` → first prompt, ms. */
  chatToPrompt?: LatencySummary;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const environment = (databaseUrl: string, port: number): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: databaseUrl,
  PORT: String(port),
  LOG_LEVEL: 'warn',
  NODE_ENV: 'development',
  SLACK_SIGNING_SECRET: '',
  SLACK_BOT_TOKEN: '',
  SLACK_APP_TOKEN: '',
  MICROSOFT_APP_ID: '',
  BOT_NOW: '',
});

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    // npm runs the script in a shell of its own: the whole process group goes.
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  });
}

/** Milliseconds from spawning `command` until /healthz answers 200 (and the processor time the process used by then). */
async function timeToHealthy(command: string, args: string[], databaseUrl: string, cpu?: number[]): Promise<number> {
  const port = await freePort();
  const began = performance.now();
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: environment(databaseUrl, port),
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited (${child.exitCode}) before answering:\n${stderr}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1_000) }).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) {
        const elapsed = performance.now() - began;
        const seconds = readCpuSeconds(child.pid!);
        if (cpu && seconds !== undefined) cpu.push(seconds * 1000);
        return elapsed;
      }
      if (performance.now() - began > 60_000) throw new Error(`${command} ${args.join(' ')}: no /healthz within 60 s:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    await stop(child);
  }
}

/** Milliseconds from spawning `shellCommand` in a pseudo-terminal until it prints the chat prompt. */
async function timeToPrompt(shellCommand: string, databaseUrl: string): Promise<number> {
  const began = performance.now();
  // script(1) gives the command a terminal (stdin.isTTY), so the chat is interactive and shows its prompt.
  const child = spawn('script', ['-qfec', shellCommand, '/dev/null'], {
    cwd: repoRoot,
    env: environment(databaseUrl, 0),
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  try {
    return await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${shellCommand}: no prompt within 60 s:\n${out}`)), 60_000);
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        // The prompt as readline draws it in a terminal: `> ` among cursor-control sequences.
        // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape sequences are what is stripped
        if (/(^|\n)> $/.test(out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, ''))) {
          clearTimeout(timer);
          resolve(performance.now() - began);
        }
      });
      child.once('exit', (code) => reject(new Error(`${shellCommand} exited (${code}) before its prompt:\n${out}`)));
    });
  } finally {
    child.stdin!.end();
    await stop(child);
  }
}

const scriptAvailable = () => ['/usr/bin/script', '/bin/script'].some((p) => existsSync(p));

export async function benchStartup(o: { dir: string; runs: number; onProgress?: (line: string) => void }): Promise<StartupFigures> {
  const databaseUrl = `file:${path.join(o.dir, 'startup.db')}`;
  // An existing, migrated database: what a restart finds.
  await (await openDatabase(databaseUrl)).close();
  const measure = async (what: string, once: () => Promise<number>): Promise<LatencySummary> => {
    await once(); // warms the machine's caches: the figures are for a warm start
    const times: number[] = [];
    for (let i = 0; i < o.runs; i++) times.push(await once());
    const summary = summarize(times);
    o.onProgress?.(`${what}: median ${summary.p50} ms, max ${summary.max} ms (${o.runs} runs)`);
    return summary;
  };
  const cpu: number[] = [];
  const figures: StartupFigures = {
    runs: o.runs,
    npmStartToHealthy: await measure('npm start → /healthz', () => timeToHealthy(npm, ['start', '--silent'], databaseUrl)),
    serverToHealthy: await measure('node scripts/run.mjs main → /healthz', () =>
      timeToHealthy(process.execPath, [...startNodeFlags, 'scripts/run.mjs', 'main'], databaseUrl, cpu),
    ),
    serverCpuToHealthy: summarize(cpu.slice(1)),
  };
  if (scriptAvailable()) {
    figures.npmChatToPrompt = await measure('npm run chat → prompt', () =>
      timeToPrompt('npm run --silent chat -- --user bench', databaseUrl),
    );
    figures.chatToPrompt = await measure('node scripts/run.mjs chat → prompt', () =>
      timeToPrompt(`${JSON.stringify(process.execPath)} scripts/run.mjs chat --user bench`, databaseUrl),
    );
  } else {
    o.onProgress?.('chat start-up not measured: script(1) from util-linux is needed for a terminal');
  }
  return figures;
}
