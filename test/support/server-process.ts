/**
 * A server under test as a child process of its own: `node <entry> [args]` for JavaScript (the compiled bot:
 * `scripts/run.mjs main`, as `npm start` runs it), `node --import tsx <entry>` for TypeScript. No wrapper
 * process in between, so the pid is the server's and /proc/<pid>/status shows its memory. The entry must
 * listen on PORT (given here) and answer HTTP once ready.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Peak and current resident memory from /proc (Linux), in MiB; undefined elsewhere or once exited. */
  memory(): { peakMiB: number; currentMiB: number } | undefined;
  /** Processor time the process used so far (user + system), in seconds, from /proc (Linux). */
  cpuSeconds(): number | undefined;
  /** SIGTERM and wait for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<number | null>;
  /** SIGKILL: a crash, nothing is flushed. */
  kill(): Promise<void>;
}

export interface StartServerOptions {
  /** Entry file relative to the repository (default src/main.ts). */
  entry?: string;
  /** Arguments after the entry (e.g. `main` for scripts/run.mjs). */
  args?: string[];
  env: NodeJS.ProcessEnv;
  /** Extra node flags (e.g. --cpu-prof). */
  nodeFlags?: string[];
  /** How long to wait for the first HTTP answer. */
  startTimeoutMs?: number;
}

export async function startServerProcess(opts: StartServerOptions): Promise<ServerProcess> {
  const entry = opts.entry ?? 'src/main.ts';
  // A free port chosen here (not PORT=0), so that readiness shows whatever the log level.
  const port = await freePort();
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...(opts.nodeFlags ?? []), ...loader, entry, ...(opts.args ?? [])], {
    cwd: repoRoot,
    env: { ...process.env, ...opts.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer) => {
    out += d.toString();
    // Capped: a long run at LOG_LEVEL=info must not grow this process's memory.
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      resolve(code);
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  // Listening once any HTTP answer comes (the bare Bolt app has no /healthz: its 404 counts).
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${entry} exited (${exitCode}) before listening:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${entry} did not start within ${opts.startTimeoutMs ?? 60_000} ms:\n${out}`);
    }
    const answered = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
      async (r) => {
        await r.arrayBuffer();
        return true;
      },
      () => false,
    );
    if (answered) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const pid = child.pid!;
  let done = false;
  void exited.then(() => (done = true));

  return {
    child,
    pid,
    port,
    url,
    output: () => out,
    exited,
    memory: () => (done ? undefined : readMemory(pid)),
    cpuSeconds: () => (done ? undefined : readCpuSeconds(pid)),
    async stop(graceMs = 15_000) {
      if (done) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    async kill() {
      if (done) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** VmHWM (peak resident set) and VmRSS of a live process, from /proc/<pid>/status. */
export function readMemory(pid: number): { peakMiB: number; currentMiB: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peakMiB: Math.round(kib('VmHWM') / 102.4) / 10, currentMiB: Math.round(kib('VmRSS') / 102.4) / 10 };
  } catch {
    return undefined;
  }
}

/** utime + stime of a live process, from /proc/<pid>/stat, in seconds (clock ticks are 1/100 s on Linux). */
export function readCpuSeconds(pid: number): number | undefined {
  try {
    // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** A port free right now on loopback. */
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
