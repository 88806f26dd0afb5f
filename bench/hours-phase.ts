/**
 * `/hours` under load: our server (signed slash commands, acks timed; replies timed until the fake Slack
 * got them; the ledger checked afterwards) and the bare Bolt baseline (acks only).
 */
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { openDatabase } from '../src/db/open-database.ts';
import type { Program } from '../src/program/program-schema.ts';
import { benchSigningSecret, benchTeam, startDeskServer } from './desk-server.ts';
import type { BenchSlack } from './fake-slack.ts';
import { seedExpertsWithEngagements, type SeededExpert } from './seed.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';
import { sendSlashCommands, type LoadResult, type SlashCommand, type SlackTarget } from './slack-load.ts';
import { summarize, type LatencySummary } from './stats.ts';

export interface LoadFigures {
  requests: number;
  concurrency: number;
  /** Acknowledged requests per second (HTTP 200 answers / wall time of the run). */
  acksPerSecond: number;
  ack: LatencySummary;
  non200: number;
  transportErrors: number;
  /** Resident memory once started and warmed up (100 commands), before the load (MiB). */
  idleMemoryMiB: number | undefined;
  /** Peak resident memory (VmHWM) of the server process over its life (MiB). */
  peakMemoryMiB: number | undefined;
  /** Processor time the server spent per request (user + system), ms: comparable on a busy machine. */
  cpuMsPerRequest: number | undefined;
}

export interface HoursFigures extends LoadFigures {
  /** Replies delivered to Slack (response_url) per second, from the first send to the last reply. */
  repliesPerSecond: number;
  /** Time from sending a command to its reply reaching Slack. */
  reply: LatencySummary;
  entriesStored: number;
  /** Entries whose reply was not a confirmation (should be 0). */
  unexpectedReplies: string[];
  ledgerConsistent: boolean;
}

export interface HoursRun {
  figures: HoursFigures;
  profile?: string;
}

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
    text: `${minutes}m review NDA draft ${i}`,
  }));
}

function loadFigures(run: LoadResult, requests: number, concurrency: number, server: ServerProcess, cpuBefore: number | undefined, idleMemoryMiB: number | undefined): LoadFigures {
  const ok = run.sent.filter((s) => s.status === 200);
  const cpuAfter = server.cpuSeconds();
  return {
    requests,
    concurrency,
    acksPerSecond: Math.round((ok.length / ((run.finishedAt - run.startedAt) / 1000)) * 10) / 10,
    ack: summarize(run.sent.map((s) => s.ackedAt - s.sentAt)),
    non200: run.sent.length - ok.length,
    transportErrors: run.errors.length,
    idleMemoryMiB,
    peakMemoryMiB: server.memory()?.peakMiB,
    cpuMsPerRequest: cpuBefore === undefined || cpuAfter === undefined ? undefined : Math.round(((cpuAfter - cpuBefore) * 1000 * 100) / requests) / 100,
  };
}

export async function benchOurHours(o: {
  program: Program;
  slack: BenchSlack;
  dir: string;
  experts: number;
  requests: number;
  concurrency: number;
  warmup: number;
  logLevel: string;
  profileDir?: string;
}): Promise<HoursRun> {
  const databaseUrl = `file:${path.join(o.dir, 'hours.db')}`;
  const db = await openDatabase(databaseUrl);
  const experts = await seedExpertsWithEngagements(db.prisma, { program: o.program, team: benchTeam, count: o.experts });
  await db.close();

  const minutes = entryMinutes(experts, Math.ceil((o.requests + o.warmup) / experts.length));
  const server = await startDeskServer({
    databaseUrl,
    slackApiUrl: o.slack.apiUrl,
    logLevel: o.logLevel,
    nodeFlags: o.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${o.profileDir}`] : [],
  });
  try {
    const target: SlackTarget = { eventsUrl: `${server.url}/slack/events`, signingSecret: benchSigningSecret, team: benchTeam, responseUrl: o.slack.responseUrl };
    const warm = commandsFor(experts, o.warmup, 'warm', minutes);
    await sendSlashCommands(target, warm, Math.min(10, o.concurrency));
    await Promise.all(warm.map((c) => o.slack.responsesTo(c.id)));
    const idleMemoryMiB = server.memory()?.currentMiB;

    const commands = commandsFor(experts, o.requests, 'h', minutes);
    const cpuBefore = server.cpuSeconds();
    const run = await sendSlashCommands(target, commands, o.concurrency);
    const replies = await withTimeout(Promise.all(commands.map(async (c) => [c.id, (await o.slack.responsesTo(c.id))[0]!] as const)), 180_000, 'waiting for /hours replies');
    const lastReply = Math.max(...replies.map(([, r]) => r.at));
    const sentAt = new Map(run.sent.map((s) => [s.id, s.sentAt]));
    const figures = loadFigures(run, o.requests, o.concurrency, server, cpuBefore, idleMemoryMiB);
    // Every reply should be the confirmation (hours.logged.title, ja or en), not a refusal or an error.
    const unexpected = replies.filter(([, r]) => !/を記録しました|Logged /.test(r.text));

    await server.stop();
    const check = await openDatabase(databaseUrl);
    const entriesStored = await check.prisma.hourEntry.count({ where: { requestKey: { startsWith: `slack:command:${benchTeam}:h` } } });
    const sums = await check.prisma.hourEntry.groupBy({ by: ['applicationId'], where: { voidedAt: null }, _sum: { minutes: true } });
    const apps = await check.prisma.application.findMany({ select: { id: true, usedMinutes: true, capMinutes: true } });
    const sumOf = new Map(sums.map((s) => [s.applicationId, s._sum.minutes ?? 0]));
    const ledgerConsistent = apps.every((a) => (sumOf.get(a.id) ?? 0) === a.usedMinutes && a.usedMinutes <= a.capMinutes);
    await check.close();

    return {
      profile: o.profileDir,
      figures: {
        ...figures,
        repliesPerSecond: Math.round((o.requests / ((lastReply - run.startedAt) / 1000)) * 10) / 10,
        reply: summarize(replies.map(([id, r]) => r.at - sentAt.get(id)!)),
        entriesStored,
        unexpectedReplies: unexpected.slice(0, 5).map(([, r]) => r.text.slice(0, 200)),
        ledgerConsistent,
      },
    };
  } finally {
    await server.stop();
  }
}

export async function benchBareBolt(o: { slack: BenchSlack; requests: number; concurrency: number; warmup: number }): Promise<LoadFigures> {
  const server = await startServerProcess({
    entry: 'bench/bare-bolt.ts',
    env: { SLACK_SIGNING_SECRET: benchSigningSecret, SLACK_API_URL: o.slack.apiUrl },
  });
  try {
    const target: SlackTarget = { eventsUrl: `${server.url}/slack/events`, signingSecret: benchSigningSecret, team: benchTeam, responseUrl: o.slack.responseUrl };
    const users = [{ user: 'UBARE1' } as SeededExpert];
    await sendSlashCommands(target, commandsFor(users, o.warmup, 'bwarm', 15), Math.min(10, o.concurrency));
    const idleMemoryMiB = server.memory()?.currentMiB;
    const cpuBefore = server.cpuSeconds();
    const run = await sendSlashCommands(target, commandsFor(users, o.requests, 'b', 15), o.concurrency);
    return loadFigures(run, o.requests, o.concurrency, server, cpuBefore, idleMemoryMiB);
  } finally {
    await server.stop();
  }
}

export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: nothing after ${Math.round(performance.now() - started)} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
