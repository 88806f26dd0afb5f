/**
 * `npm run bench`: how the bot feels to its users under load, side by side with the thinnest honest app
 * doing the same job, in the same run.
 *
 *  1. The compiled server's start-up times and idle memory (startup.ts, memory.ts).
 *  2. `/hours`, counted: one command's SQL statements and transactions, at the driver.
 *  3. `/hours` under load: the real server (as `npm start` runs it, a child process) and the minimal app
 *     (bench/minimal-app.ts: Bolt + better-sqlite3), each on a copy of the same seeded database: a burst at
 *     a concurrency, then an open loop at a fixed rate; replies timed, processor time and memory read from
 *     /proc, the ledger checked afterwards.
 *  4. `/quota` over many engagements at two ledger sizes, to show its time does not grow with the ledger.
 *
 * `--soak <seconds>` runs only the soak (soak.ts): steady traffic, the server's memory sampled.
 *
 * Prints a table and writes bench/results/latest.json (see --help for the flags).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadProgram } from '../src/program/load-program.ts';
import { parseBenchArgs } from './args.ts';
import { startBenchSlack } from '../test/support/lean-fake-slack.ts';
import { benchHours } from './hours-phase.ts';
import { machineInfo } from './machine.ts';
import { benchIdleMemory } from './memory.ts';
import { benchQuota } from './quota-phase.ts';
import { formatSoak, formatTable, soakTargetsOf, targetsOf, type BenchResults, type SoakResults } from './report.ts';
import { repoRoot } from '../test/support/server-process.ts';
import { benchSoak } from './soak.ts';
import { benchStartup } from './startup.ts';
import { benchStatements } from './statements-phase.ts';

let opts: ReturnType<typeof parseBenchArgs>;
try {
  opts = parseBenchArgs(process.argv.slice(2));
} catch (e) {
  // A wrong flag: one line and the usage, not a stack trace.
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
const began = performance.now();
const machine = machineInfo();
const program = loadProgram('fy2021');
const dir = mkdtempSync(path.join(tmpdir(), 'desk-bench-'));
const slack = await startBenchSlack();
const say = (line: string) => process.stderr.write(`[bench +${Math.round((performance.now() - began) / 1000)}s] ${line}\n`);
const warmup = Math.min(100, opts.requests);

/** Writes the results file and prints the table. */
function report(results: object, table: string): void {
  const out = path.resolve(repoRoot, opts.out);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${table}\n\nresults: ${path.relative(repoRoot, out)}\n`);
}

if (opts.soakSeconds !== undefined) {
  try {
    say(`soak: ${opts.soakSeconds} s at ${opts.rate} commands/s on our server (${opts.experts} experts)`);
    const soak = await benchSoak({
      program,
      slack,
      dir,
      seconds: opts.soakSeconds,
      ratePerSecond: opts.rate,
      experts: opts.experts,
      logLevel: opts.logLevel,
      onProgress: say,
    });
    const results: SoakResults = {
      date: new Date().toISOString(),
      machine,
      options: { ...opts },
      soak,
      targets: soakTargetsOf(soak),
      durationSeconds: Math.round((performance.now() - began) / 1000),
    };
    report(results, formatSoak(results));
  } finally {
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

try {
  let startup: Awaited<ReturnType<typeof benchStartup>> | undefined;
  let idleMemory: Awaited<ReturnType<typeof benchIdleMemory>> | undefined;
  if (opts.startup) {
    say(`start-up: npm start and npm run chat, ${opts.startupRuns} warm runs each; idle memory`);
    startup = await benchStartup({ dir, runs: opts.startupRuns, onProgress: say });
    idleMemory = await benchIdleMemory({ dir, slack });
  }

  say(`/hours: counting the statements of ${opts.countedCommands} commands`);
  const statements = await benchStatements({ program, slack, dir, commands: opts.countedCommands });

  say(
    `/hours: ${opts.requests} commands at concurrency ${opts.concurrency}, then ${opts.requests} at ${opts.rate}/s, on our server and on the minimal app`,
  );
  const profileDir = opts.profile ? path.join(repoRoot, 'bench', 'profiles.tmp') : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const hours = await benchHours({
    program,
    slack,
    dir,
    experts: opts.experts,
    requests: opts.requests,
    concurrency: opts.concurrency,
    rate: opts.rate,
    warmup,
    logLevel: opts.logLevel,
    profileDir,
  });
  if (profileDir) say(`CPU profile written under ${profileDir}`);

  say(`/quota: ${opts.engagements} engagements, ledger of ${opts.ledgerSizes.join(' then ')} entries, ${opts.quotaRequests} commands each`);
  const quota = await benchQuota({
    program,
    slack,
    dir,
    engagements: opts.engagements,
    ledgerSizes: opts.ledgerSizes,
    requests: opts.quotaRequests,
    warmup: opts.quotaWarmup,
    logLevel: opts.logLevel,
    onProgress: say,
  });

  const partial = {
    date: new Date().toISOString(),
    machine,
    options: { ...opts, warmup },
    statements,
    hours,
    quota,
    ...(startup ? { startup } : {}),
    ...(idleMemory ? { idleMemory } : {}),
  };
  const results: BenchResults = {
    ...partial,
    targets: targetsOf(partial),
    durationSeconds: Math.round((performance.now() - began) / 1000),
  };
  report(results, formatTable(results));
} finally {
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
}
