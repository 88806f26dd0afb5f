/**
 * `/hours` under load, on our server and on the minimal app (bench/minimal-app.ts), each on its own copy of
 * the same seeded database: a burst at a concurrency (closed loop: each sender sends its next command when
 * the last was answered) and an open loop at a fixed rate (commands sent on schedule whatever the answers).
 * Both answer a command in the body of its acknowledgement, so a command is complete when its HTTP answer
 * arrives. The ledger is checked afterwards.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/db/open-database.ts';
import type { Program } from '../src/program/program-schema.ts';
import { benchSigningSecret, benchTeam, startDeskServer } from '../test/support/desk-server.ts';
import type { BenchSlack } from '../test/support/lean-fake-slack.ts';
import { seedExpertsWithEngagements, type SeededExpert } from '../test/support/seed-engagements.ts';
import { startServerProcess, type ServerProcess } from '../test/support/server-process.ts';
import { sendAtRate, sendSlashCommands, type LoadResult, type SlashCommand, type SlackTarget } from '../test/support/slack-load.ts';
import { summarize, type LatencySummary } from './stats.ts';

export interface RunFigures {
  commands: number;
  /** Commands answered (HTTP 200 with the reply) per second, from the first send to the last answer. */
  completedPerSecond: number;
  /** Time from sending a command to its answer (the reply). */
  latency: LatencySummary;
  /** Answers that were not the confirmation (should be none), the first few. */
  unexpected: string[];
  non200: number;
  transportErrors: number;
  /** Processor time the server spent per command (user + system), ms: comparable on a busy machine. */
  cpuMsPerCommand: number | undefined;
}

export interface ServerFigures {
  burst: RunFigures & { concurrency: number };
  openLoop: RunFigures & { ratePerSecond: number };
  /** Resident memory after the warm-up, before the load, and the peak over the server's life (MiB). */
  idleMemoryMiB: number | undefined;
  peakMemoryMiB: number | undefined;
  entriesStored: number;
  ledgerConsistent: boolean;
}

export interface HoursComparison {
  ours: ServerFigures;
  minimal: ServerFigures;
  /** Ours / minimal, completed commands per second in the burst. */
  completedRatio: number;
  /** Ours / minimal, processor time per command in the burst. */
  cpuRatio: number | undefined;
}

export interface HoursOptions {
  program: Program;
  slack: BenchSlack;
  dir: string;
  experts: number;
  requests: number;
  concurrency: number;
  rate: number;
  warmup: number;
  logLevel: string;
  profileDir?: string;
}

/** The reply both servers give a logged entry (the bot: hours.logged.title in ja or en). */
const confirmation = /を記録しました|Logged /;

/** Entry size that keeps every expert's entries under the smallest cap. */
function entryMinutes(experts: SeededExpert[], perExpert: number): number {
  const minCap = Math.min(...experts.map((e) => e.capMinutes));
  const minutes = Math.min(15, Math.floor(minCap / perExpert));
  if (minutes < 1) throw new Error(`${perExpert} entries per expert do not fit under a ${minCap}-minute cap: raise --experts`);
  return minutes;
}

function commandsFor(experts: SeededExpert[], count: number, prefix: string, minutes: number): SlashCommand[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i}`,
    user: experts[i % experts.length]!.user,
    command: '/hours',
    text: `${minutes}m review NDA draft ${prefix}${i}`,
  }));
}

function figuresOf(run: LoadResult, server: ServerProcess, cpuBefore: number | undefined): RunFigures {
  const ok = run.sent.filter((s) => s.status === 200);
  const cpuAfter = server.cpuSeconds();
  return {
    commands: run.sent.length + run.errors.length,
    completedPerSecond: Math.round((ok.length / ((run.finishedAt - run.startedAt) / 1000)) * 10) / 10,
    latency: summarize(run.sent.map((s) => s.ackedAt - s.sentAt)),
    unexpected: ok
      .filter((s) => !confirmation.test(s.text))
      .slice(0, 5)
      .map((s) => s.text.slice(0, 200) || '(no reply)'),
    non200: run.sent.length - ok.length,
    transportErrors: run.errors.length,
    cpuMsPerCommand:
      cpuBefore === undefined || cpuAfter === undefined
        ? undefined
        : Math.round(((cpuAfter - cpuBefore) * 1000 * 100) / run.sent.length) / 100,
  };
}

/** Warm-up, the burst, then the open loop, on one running server. */
async function measure(
  server: ServerProcess,
  o: HoursOptions,
  experts: SeededExpert[],
  minutes: number,
  prefix: string,
): Promise<Omit<ServerFigures, 'entriesStored' | 'ledgerConsistent'>> {
  const target: SlackTarget = {
    eventsUrl: `${server.url}/slack/events`,
    signingSecret: benchSigningSecret,
    team: benchTeam,
    responseUrl: o.slack.responseUrl,
  };
  await sendSlashCommands(target, commandsFor(experts, o.warmup, `${prefix}w`, minutes), Math.min(10, o.concurrency));
  const idleMemoryMiB = server.memory()?.currentMiB;

  let cpu = server.cpuSeconds();
  const burst = figuresOf(
    await sendSlashCommands(target, commandsFor(experts, o.requests, `${prefix}b`, minutes), o.concurrency),
    server,
    cpu,
  );
  cpu = server.cpuSeconds();
  const openLoop = figuresOf(await sendAtRate(target, commandsFor(experts, o.requests, `${prefix}o`, minutes), o.rate), server, cpu);
  return {
    burst: { ...burst, concurrency: o.concurrency },
    openLoop: { ...openLoop, ratePerSecond: o.rate },
    idleMemoryMiB,
    peakMemoryMiB: server.memory()?.peakMiB,
  };
}

/** Entries stored (all of them confirmed ones: every command fits under its cap), and the counters equal to the ledger. */
async function checkLedger(databaseUrl: string): Promise<{ entriesStored: number; ledgerConsistent: boolean }> {
  const check = await openDatabase(databaseUrl);
  try {
    const entriesStored = await check.prisma.hourEntry.count();
    const sums = await check.prisma.hourEntry.groupBy({ by: ['applicationId'], where: { voidedAt: null }, _sum: { minutes: true } });
    const apps = await check.prisma.application.findMany({ select: { id: true, usedMinutes: true, capMinutes: true } });
    const sumOf = new Map(sums.map((s) => [s.applicationId, s._sum.minutes ?? 0]));
    return {
      entriesStored,
      ledgerConsistent: apps.every((a) => (sumOf.get(a.id) ?? 0) === a.usedMinutes && a.usedMinutes <= a.capMinutes),
    };
  } finally {
    await check.close();
  }
}

export async function benchHours(o: HoursOptions): Promise<HoursComparison> {
  const seeded = path.join(o.dir, 'hours-seeded.db');
  const db = await openDatabase(`file:${seeded}`);
  const experts = await seedExpertsWithEngagements(db.prisma, { program: o.program, team: benchTeam, count: o.experts });
  await db.close();
  // Every command of the run (warm-up, burst, open loop) must fit under its expert's cap.
  const minutes = entryMinutes(experts, Math.ceil((o.warmup + 2 * o.requests) / experts.length));
  const copy = (name: string) => {
    const file = path.join(o.dir, name);
    copyFileSync(seeded, file);
    return file;
  };

  const oursFile = copy('hours-ours.db');
  const ours = await startDeskServer({
    databaseUrl: `file:${oursFile}`,
    slackApiUrl: o.slack.apiUrl,
    logLevel: o.logLevel,
    nodeFlags: o.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${o.profileDir}`] : [],
  });
  let oursFigures: Awaited<ReturnType<typeof measure>>;
  try {
    oursFigures = await measure(ours, o, experts, minutes, 'o');
  } finally {
    await ours.stop();
  }

  const minimalFile = copy('hours-minimal.db');
  const minimal = await startServerProcess({
    entry: 'bench/minimal-app.ts',
    env: { SLACK_SIGNING_SECRET: benchSigningSecret, DATABASE_FILE: minimalFile },
  });
  let minimalFigures: Awaited<ReturnType<typeof measure>>;
  try {
    minimalFigures = await measure(minimal, o, experts, minutes, 'm');
  } finally {
    await minimal.stop();
  }

  const oursAll: ServerFigures = { ...oursFigures, ...(await checkLedger(`file:${oursFile}`)) };
  const minimalAll: ServerFigures = { ...minimalFigures, ...(await checkLedger(`file:${minimalFile}`)) };
  const oursCpu = oursAll.burst.cpuMsPerCommand;
  const minimalCpu = minimalAll.burst.cpuMsPerCommand;
  return {
    ours: oursAll,
    minimal: minimalAll,
    completedRatio: Math.round((oursAll.burst.completedPerSecond / minimalAll.burst.completedPerSecond) * 100) / 100,
    cpuRatio: oursCpu === undefined || minimalCpu === undefined ? undefined : Math.round((oursCpu / minimalCpu) * 100) / 100,
  };
}
