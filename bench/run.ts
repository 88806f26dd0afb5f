/**
 * `npm run bench`: how the bot feels to its users under load, side by side with a bare Bolt app.
 *
 *  1. `/hours`: the real server (src/main.ts, a child process) on a fresh SQLite file, experts seeded with
 *     an adopted engagement each, signed slash commands at a given concurrency; acks timed, replies timed
 *     until the fake Slack got them, the ledger checked afterwards.
 *  2. The same load against a bare Bolt app whose `/hours` only acknowledges; the ratio of throughputs.
 *  3. `/quota` over many engagements at two ledger sizes, to show its time does not grow with the ledger.
 *  4. Before those, the compiled server's start-up times and idle memory (startup.ts, memory.ts).
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
import { startBenchSlack } from './fake-slack.ts';
import { benchBareBolt, benchOurHours } from './hours-phase.ts';
import { machineInfo } from './machine.ts';
import { benchQuota } from './quota-phase.ts';
import { benchIdleMemory } from './memory.ts';
import { formatSoak, formatTable, soakTargetsOf, targetsOf, type BenchResults, type SoakResults } from './report.ts';
import { repoRoot } from './server-process.ts';
import { benchSoak } from './soak.ts';
import { benchStartup } from './startup.ts';

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
    const soak = await benchSoak({ program, slack, dir, seconds: opts.soakSeconds, ratePerSecond: opts.rate, experts: opts.experts, logLevel: opts.logLevel, onProgress: say });
    const results: SoakResults = { date: new Date().toISOString(), machine, options: { ...opts }, soak, targets: soakTargetsOf(soak), durationSeconds: Math.round((performance.now() - began) / 1000) };
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

  say(`/hours: ${opts.requests} signed commands at concurrency ${opts.concurrency} on our server (${opts.experts} experts)`);
  const profileDir = opts.profile ? path.join(repoRoot, 'bench', 'profiles.tmp') : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const ours = await benchOurHours({ program, slack, dir, experts: opts.experts, requests: opts.requests, concurrency: opts.concurrency, warmup, logLevel: opts.logLevel, profileDir });
  if (profileDir) say(`CPU profile written under ${profileDir}`);

  let bareBolt: Awaited<ReturnType<typeof benchBareBolt>> | undefined;
  if (opts.bare) {
    say(`/hours: the same load on a bare Bolt app`);
    bareBolt = await benchBareBolt({ slack, requests: opts.requests, concurrency: opts.concurrency, warmup });
  }

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
    options: { ...opts },
    hours: ours.figures,
    ...(bareBolt ? { bareBolt, throughputRatio: Math.round((ours.figures.acksPerSecond / bareBolt.acksPerSecond) * 100) / 100 } : {}),
    quota,
    ...(startup ? { startup } : {}),
    ...(idleMemory ? { idleMemory } : {}),
  };
  const results: BenchResults = { ...partial, targets: targetsOf(partial), durationSeconds: Math.round((performance.now() - began) / 1000) };
  report(results, formatTable(results));
} finally {
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
}
