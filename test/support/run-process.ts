/** Runs project commands as child processes, the way a person runs them from a terminal. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
/**
 * `npm start`, `npm run chat`, `npm run admin`, `npm run db:migrate` run `node scripts/run.mjs <name>`: the compiled
 * build (`npm start` also sizes V8's young generation, which only memory figures see: the bench gives the server
 * that flag, test/support/desk-server.ts).
 */
const launcher = path.join(repoRoot, 'scripts', 'run.mjs');

export type Command = 'main' | 'chat' | 'admin' | 'migrate';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  input?: string;
  /** Run as this user and group (a test as root needs someone file permissions apply to). */
  uid?: number;
  gid?: number;
  /** Node options before the script (e.g. --import a loader). */
  nodeOptions?: string[];
  /** Kill the process after this long (a command expected to exit that might instead keep running). */
  killAfterMs?: number;
}

function run(command: string, args: string[], opts: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const spawnOptions: SpawnOptions = {
      cwd: repoRoot,
      env: { ...process.env, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      uid: opts.uid,
      gid: opts.gid,
    };
    const child = spawn(command, args, spawnOptions);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = opts.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin!.end(opts.input ?? '');
  });
}

function start(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: RunOptions = {},
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    uid: opts.uid,
    gid: opts.gid,
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Runs a TypeScript entry point with tsx; resolves with its output and exit code. */
export function runTs(entry: string, args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<RunResult> {
  return run(tsx, [entry, ...args], opts);
}

/** Starts a long-running TypeScript entry point; the caller stops it. */
export function startTs(
  entry: string,
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  return start(tsx, [entry], env);
}

/** Runs a command as `npm run <command>` does (compiled JavaScript, no tsx); resolves with its output and exit code. */
export function runCommand(command: Command, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  return run(process.execPath, [...(opts.nodeOptions ?? []), launcher, command, ...args], opts);
}

/** Starts a long-running command (`npm start`) as the operator runs it; the caller stops it. */
export function startCommand(
  command: Command,
  env: NodeJS.ProcessEnv,
  opts: RunOptions = {},
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  return start(process.execPath, [...(opts.nodeOptions ?? []), launcher, command], env, opts);
}

/** Polls until `check` resolves true or `attempts` run out (no timing assertions: a bounded wait). */
export async function waitFor(check: () => Promise<boolean>, attempts = 300, intervalMs = 100): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return false;
}

/** A TCP port free on loopback right now, for a server process told its PORT. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
