/**
 * `npm run bench -- --soak <seconds>`: does the server's memory stay flat under steady traffic? The compiled
 * server (as `npm start` runs it) with Slack configured gets signed slash commands at a steady rate (50 a
 * second by default, sent on a fixed schedule whatever the answers: Slack does not wait either), a mix of
 * writes and reads (`/hours 1m …`, `/budget`, `/hours`), after a warm-up that is not counted. Its resident set
 * is read every second; the growth is the median of the last quarter of the soak over that of the first
 * quarter (at most two minutes each: long enough to smooth out the garbage collector's sawtooth). A server that
 * falls behind the rate holds the backlog in memory: the replies received and the requests in flight tell.
 */
import { Agent } from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/open-database.ts';
import type { Program } from '../src/program/program-schema.ts';
import { benchSigningSecret, benchTeam, startDeskServer } from '../test/support/desk-server.ts';
import type { BenchSlack } from '../test/support/lean-fake-slack.ts';
import { seedExpertsWithEngagements } from '../test/support/seed-engagements.ts';
import { ackText, postSigned, slashCommandBody, type SlashCommand, type SlackTarget } from '../test/support/slack-load.ts';
import { percentile, summarize, type LatencySummary } from './stats.ts';

export interface SoakFigures {
  seconds: number;
  warmupSeconds: number;
  ratePerSecond: number;
  sent: number;
  acked: number;
  non200: number;
  transportErrors: number;
  /** Most requests waiting for their answer at once: grows without bound when the server cannot keep up. */
  maxInFlight: number;
  ack: LatencySummary;
  /** Commands answered by the end: in the body of their acknowledgement, or later at the fake Slack's response_url. */
  repliesReceived: number;
  /** Resident set, MiB: median of the first and of the last quarter of the soak (two minutes at most each). */
  rssFirstMiB: number;
  rssLastMiB: number;
  rssMaxMiB: number;
  /** rssLast − rssFirst, MiB, and as a share of rssFirst (%). */
  growthMiB: number;
  growthPercent: number;
  /** Least-squares slope of the resident set over the second half of the soak, MiB per minute. */
  secondHalfSlopeMiBPerMinute: number;
  /** One reading a second after the warm-up: [seconds since the soak began, MiB]. */
  samples: [number, number][];
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

function slopePerMinute(points: [number, number][]): number {
  if (points.length < 2) return 0;
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : Math.round((sxy / sxx) * 60 * 100) / 100;
}

export async function benchSoak(o: {
  program: Program;
  slack: BenchSlack;
  dir: string;
  seconds: number;
  ratePerSecond: number;
  experts: number;
  logLevel: string;
  onProgress?: (line: string) => void;
}): Promise<SoakFigures> {
  const databaseUrl = `file:${path.join(o.dir, 'soak.db')}`;
  const db = await openDatabase(databaseUrl);
  const experts = await seedExpertsWithEngagements(db.prisma, { program: o.program, team: benchTeam, count: o.experts });
  await db.close();
  // One minute of each expert's hours per write: the whole soak must stay under the smallest cap.
  const writesPerExpert = Math.ceil(((o.seconds + 30) * o.ratePerSecond) / 3 / experts.length);
  const minCap = Math.min(...experts.map((e) => e.capMinutes));
  if (writesPerExpert > minCap)
    throw new Error(
      `--soak ${o.seconds} at ${o.ratePerSecond}/s logs ${writesPerExpert} minutes per expert, over the ${minCap}-minute cap: raise --experts`,
    );

  const server = await startDeskServer({ databaseUrl, slackApiUrl: o.slack.apiUrl, logLevel: o.logLevel });
  const target: SlackTarget = {
    eventsUrl: `${server.url}/slack/events`,
    signingSecret: benchSigningSecret,
    team: benchTeam,
    responseUrl: o.slack.responseUrl,
  };
  // Idle connections are dropped before the server's own keep-alive timeout (5 s) can close them under a request.
  const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });
  const commandAt = (i: number): SlashCommand => {
    const user = experts[i % experts.length]!.user;
    switch (i % 3) {
      case 0:
        return { id: `soak${i}`, user, command: '/hours', text: `1m soak review ${i}` };
      case 1:
        return { id: `soak${i}`, user, command: '/budget', text: '' };
      default:
        return { id: `soak${i}`, user, command: '/hours', text: '' };
    }
  };

  const warmupSeconds = Math.min(30, Math.max(5, Math.round(o.seconds / 10)));
  const acks: number[] = [];
  const ids: string[] = [];
  const answeredInAck = new Set<string>();
  let sent = 0;
  let acked = 0;
  let non200 = 0;
  let transportErrors = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const pending = new Set<Promise<void>>();
  const samples: [number, number][] = [];

  const send = (i: number, counted: boolean) => {
    const command = commandAt(i);
    const began = performance.now();
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    if (counted) {
      sent++;
      ids.push(command.id);
    }
    const p = postSigned(target, slashCommandBody(target, command), { agent }).then(
      ({ status, body }) => {
        if (!counted) return;
        acked++;
        if (status === 200) acks.push(performance.now() - began);
        else non200++;
        if (status === 200 && ackText(body) !== '') answeredInAck.add(command.id);
      },
      () => {
        if (counted) transportErrors++;
      },
    );
    const tracked = p.finally(() => {
      inFlight--;
      pending.delete(tracked);
    });
    pending.add(tracked);
  };

  try {
    const interval = 1000 / o.ratePerSecond;
    const total = (warmupSeconds + o.seconds) * o.ratePerSecond;
    const warmupCount = warmupSeconds * o.ratePerSecond;
    const began = performance.now();
    let soakBegan = 0;
    let nextSample = 0;
    for (let i = 0; i < total; i++) {
      // A fixed schedule: command i leaves at i × interval, however long the answers take.
      const due = began + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (i === warmupCount) {
        soakBegan = performance.now();
        o.onProgress?.(`soak: warm-up done (${warmupSeconds} s), ${o.seconds} s at ${o.ratePerSecond} commands/s`);
      }
      send(i, i >= warmupCount);
      if (soakBegan && performance.now() - soakBegan >= nextSample * 1000) {
        const rss = server.memory()?.currentMiB;
        if (rss !== undefined) samples.push([nextSample, rss]);
        if (nextSample > 0 && nextSample % 60 === 0) o.onProgress?.(`soak: ${nextSample} s, RSS ${rss} MiB, ${inFlight} in flight`);
        nextSample++;
      }
    }
    await Promise.all(pending);
    // A turn slower than Slack's window is answered after its ack: give the last ones a moment to arrive.
    const answered = (id: string) => answeredInAck.has(id) || o.slack.responses.has(id);
    const deadline = performance.now() + 30_000;
    while (performance.now() < deadline && ids.some((id) => !answered(id))) await new Promise((r) => setTimeout(r, 200));
  } finally {
    agent.destroy();
    await server.stop();
  }

  const window = Math.max(1, Math.min(120, Math.floor(samples.length / 4)));
  const first = samples.slice(0, window).map(([, m]) => m);
  const last = samples.slice(-window).map(([, m]) => m);
  const rssFirstMiB = median(first);
  const rssLastMiB = median(last);
  return {
    seconds: o.seconds,
    warmupSeconds,
    ratePerSecond: o.ratePerSecond,
    sent,
    acked,
    non200,
    transportErrors,
    maxInFlight,
    ack: summarize(acks),
    repliesReceived: ids.filter((id) => answeredInAck.has(id) || o.slack.responses.has(id)).length,
    rssFirstMiB,
    rssLastMiB,
    rssMaxMiB: Math.max(...samples.map(([, m]) => m)),
    growthMiB: Math.round((rssLastMiB - rssFirstMiB) * 10) / 10,
    growthPercent: Math.round(((rssLastMiB - rssFirstMiB) / rssFirstMiB) * 1000) / 10,
    secondHalfSlopeMiBPerMinute: slopePerMinute(samples.slice(Math.floor(samples.length / 2))),
    samples,
  };
}
