/**
 * What one `/hours` costs the database, counted (not estimated): the real bot in this process (startBot, a
 * statement probe on its database connection), signed slash commands over real HTTP, every SQL statement
 * counted at the driver. A warm-up first (the experts' first contact creates their records).
 */
import path from 'node:path';
import { pinnedClock } from '../src/core/clock.ts';
import { startBot } from '../src/app/start.ts';
import { StatementCounter } from '../src/db/statement-probe.ts';
import { openDatabase } from '../src/db/open-database.ts';
import type { Program } from '../src/program/program-schema.ts';
import { benchNow, benchSigningSecret, benchTeam } from '../test/support/desk-server.ts';
import type { BenchSlack } from '../test/support/lean-fake-slack.ts';
import { seedExpertsWithEngagements } from '../test/support/seed-engagements.ts';
import { sendSlashCommands, type SlashCommand } from '../test/support/slack-load.ts';

export interface StatementFigures {
  commands: number;
  /** Per command: SQL statements in all (BEGIN and COMMIT included), transactions begun, commits. */
  statementsPerCommand: number;
  transactionsPerCommand: number;
  commitsPerCommand: number;
  /** The statements of one command, in order (SQL shortened). */
  oneCommand: string[];
}

export async function benchStatements(o: {
  program: Program;
  slack: BenchSlack;
  dir: string;
  commands: number;
}): Promise<StatementFigures> {
  const file = path.join(o.dir, 'statements.db');
  const db = await openDatabase(`file:${file}`);
  const experts = await seedExpertsWithEngagements(db.prisma, { program: o.program, team: benchTeam, count: 10 });
  await db.close();

  const counter = new StatementCounter();
  let recording: string[] | undefined;
  const probe = {
    beforeStatement(sql: string) {
      counter.beforeStatement(sql);
      recording?.push(sql.replace(/\s+/g, ' ').trim().slice(0, 90));
    },
  };
  const running = await startBot({
    env: {
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${file}`,
      LOG_LEVEL: 'silent',
      SLACK_SIGNING_SECRET: benchSigningSecret,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: o.slack.apiUrl,
    },
    clock: pinnedClock(new Date(benchNow)),
    databaseProbe: probe,
  });
  try {
    const target = {
      eventsUrl: `${running.url}/slack/events`,
      signingSecret: benchSigningSecret,
      team: benchTeam,
      responseUrl: o.slack.responseUrl,
    };
    const command = (id: string, i: number): SlashCommand => ({
      id,
      user: experts[i % experts.length]!.user,
      command: '/hours',
      text: `15m review NDA ${id}`,
    });
    await sendSlashCommands(
      target,
      experts.map((_, i) => command(`sw${i}`, i)),
      1,
    );
    await running.dispatcher.idle();
    // The dispatcher's polls every few seconds are not the command's statements: stopped before counting.
    await running.dispatcher.stop();

    recording = [];
    await sendSlashCommands(target, [command('s-one', 0)], 1);
    const oneCommand = recording;
    recording = undefined;

    counter.reset();
    await sendSlashCommands(
      target,
      Array.from({ length: o.commands }, (_, i) => command(`s${i}`, i)),
      1,
    );
    const per = (n: number) => Math.round((n / o.commands) * 100) / 100;
    return {
      commands: o.commands,
      statementsPerCommand: per(counter.statements),
      transactionsPerCommand: per(counter.transactions),
      commitsPerCommand: per(counter.commits),
      oneCommand,
    };
  } finally {
    await running.stop();
  }
}
