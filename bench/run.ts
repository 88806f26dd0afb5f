/**
 * `npm run bench`: how the bot feels to its users under load, side by side with the thinnest honest app
 * doing the same job, in the same run.
 *
 *  1. `/hours`, counted: one command's SQL statements and transactions, at the driver.
 *  2. `/hours` under load: the real server (src/main.ts, a child process) and the minimal app
 *     (bench/minimal-app.ts: Bolt + better-sqlite3), each on a copy of the same seeded database: a burst at
 *     a concurrency, then an open loop at a fixed rate; replies timed, processor time and memory read from
 *     /proc, the ledger checked afterwards.
 *  3. `/quota` over many engagements at two ledger sizes, to show its time does not grow with the ledger.
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
import { benchHours } from './hours-phase.ts';
import { machineInfo } from './machine.ts';
import { benchQuota } from './quota-phase.ts';
import { formatTable, targetsOf, type BenchResults } from './report.ts';
import { repoRoot } from './server-process.ts';
import { benchStatements } from './statements-phase.ts';

const opts = parseBenchArgs(process.argv.slice(2));
const began = performance.now();
const machine = machineInfo();
const program = loadProgram('fy2021');
const dir = mkdtempSync(path.join(tmpdir(), 'desk-bench-'));
const slack = await startBenchSlack();
const say = (line: string) => process.stderr.write(`[bench +${Math.round((performance.now() - began) / 1000)}s] ${line}\n`);
const warmup = Math.min(100, opts.requests);

try {
  say(`/hours: counting the statements of ${opts.countedCommands} commands`);
  const statements = await benchStatements({ program, slack, dir, commands: opts.countedCommands });

  say(`/hours: ${opts.requests} commands at concurrency ${opts.concurrency}, then ${opts.requests} at ${opts.rate}/s, on our server and on the minimal app`);
  const profileDir = opts.profile ? path.join(repoRoot, 'bench', 'profiles.tmp') : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const hours = await benchHours({ program, slack, dir, experts: opts.experts, requests: opts.requests, concurrency: opts.concurrency, rate: opts.rate, warmup, logLevel: opts.logLevel, profileDir });
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

  const partial = { date: new Date().toISOString(), machine, options: { ...opts, warmup }, statements, hours, quota };
  const results: BenchResults = { ...partial, targets: targetsOf(partial), durationSeconds: Math.round((performance.now() - began) / 1000) };
  const out = path.resolve(repoRoot, opts.out);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${formatTable(results)}\n\nresults: ${path.relative(repoRoot, out)}\n`);
} finally {
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
}
