/**
 * Idle memory of the compiled server (`node scripts/run.mjs main`, as `npm start` runs it): resident set (VmRSS)
 * once /healthz answers and the process has settled, without any traffic, for the bot out of the box (SQLite,
 * no platform configured) and with Slack configured (against the bench's fake Slack). The peak during the
 * `/hours` burst is measured by the hours phase on the same kind of process.
 */
import path from 'node:path';
import { openDatabase } from '../src/db/open-database.ts';
import { startDeskServer } from '../test/support/desk-server.ts';
import type { BenchSlack } from '../test/support/lean-fake-slack.ts';
import type { ServerProcess } from '../test/support/server-process.ts';

export interface IdleMemoryFigures {
  /** Seconds waited after /healthz before reading the resident set. */
  settleSeconds: number;
  /** SQLite, neither Slack nor Teams configured (`npm ci && npm start`), MiB. */
  outOfTheBoxMiB: number | undefined;
  /** SQLite with Slack configured, MiB. */
  withSlackMiB: number | undefined;
}

/** The resident set after `settleSeconds`: the lowest of a few readings a second apart (allocation noise aside). */
async function settledRss(server: ServerProcess, settleSeconds: number): Promise<number | undefined> {
  await new Promise((r) => setTimeout(r, settleSeconds * 1000));
  const readings: number[] = [];
  for (let i = 0; i < 3; i++) {
    const now = server.memory()?.currentMiB;
    if (now !== undefined) readings.push(now);
    await new Promise((r) => setTimeout(r, 1000));
  }
  return readings.length ? Math.min(...readings) : undefined;
}

export async function benchIdleMemory(o: { dir: string; slack: BenchSlack; settleSeconds?: number }): Promise<IdleMemoryFigures> {
  const settleSeconds = o.settleSeconds ?? 5;
  const databaseUrl = `file:${path.join(o.dir, 'idle.db')}`;
  await (await openDatabase(databaseUrl)).close();

  // The same server with no platform configured and the real clock: what `npm start` runs out of the box.
  const plain = await startDeskServer({
    databaseUrl,
    slackApiUrl: o.slack.apiUrl,
    env: { BOT_NOW: '', SLACK_SIGNING_SECRET: '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', MICROSOFT_APP_ID: '' },
  });
  let outOfTheBoxMiB: number | undefined;
  try {
    outOfTheBoxMiB = await settledRss(plain, settleSeconds);
  } finally {
    await plain.stop();
  }

  const slack = await startDeskServer({ databaseUrl, slackApiUrl: o.slack.apiUrl, logLevel: 'info' });
  let withSlackMiB: number | undefined;
  try {
    withSlackMiB = await settledRss(slack, settleSeconds);
  } finally {
    await slack.stop();
  }
  return { settleSeconds, outOfTheBoxMiB, withSlackMiB };
}
