/**
 * The server killed (SIGKILL: no shutdown, nothing flushed) in the middle of a load of `/hours` commands,
 * then restarted on the same database, and every command sent to it again.
 *
 * A command is handled in one transaction before Slack is acknowledged, and its reply is the body of the
 * acknowledgement. So at the moment of the crash a command was either answered (committed, reply given),
 * or not answered: its transaction had not committed (nothing of it is stored), or, in the instant between
 * the commit and the answer, had. Slack does not retry slash commands; a person whose command got no answer
 * sends it again, and here every command is sent again with its own trigger id, as a retry would be (and a
 * second effect would show). The command answered before the crash is answered again the same way; the
 * other is handled now, or found handled: stored exactly once either way.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { benchSigningSecret, benchTeam, startDeskServer } from '../support/desk-server.ts';
import { startBenchSlack, type BenchSlack } from '../support/lean-fake-slack.ts';
import { seedExpertsWithEngagements } from '../support/seed-engagements.ts';
import type { ServerProcess } from '../support/server-process.ts';
import { ackText, postSigned, sendSlashCommands, slashCommandBody, type SlashCommand, type SlackTarget } from '../support/slack-load.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { loadProgram } from '../../src/program/load-program.ts';
import { tempDatabaseUrl, testDatabaseProvider } from '../support/temp-database.ts';

const temp = tempDatabaseUrl();
let slack: BenchSlack | undefined;
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.kill();
  await slack?.close();
  temp.cleanup();
});

const experts = 10;
const perExpert = 16;
const capMinutes = 120; // 8 entries of 15 minutes: half the commands are refused at the cap
const logged = /を記録しました/;
const refusedAtCap = /上限/;

const start = (s: BenchSlack) =>
  startDeskServer({ databaseUrl: temp.url, slackApiUrl: s.apiUrl, logLevel: 'warn', env: { NODE_ENV: 'test' } });

describe('a crash in the middle of a load of /hours', () => {
  it('stores every command exactly once after the restart, answers each the same way twice, and passes no cap', async () => {
    const db = await openDatabase(temp.url);
    const seeded = await seedExpertsWithEngagements(db.prisma, {
      program: loadProgram('fy2021'),
      team: benchTeam,
      count: experts,
      capMinutes,
      countries: ['th'],
    });
    await db.close();
    slack = await startBenchSlack();
    server = await start(slack);
    const commands: SlashCommand[] = Array.from({ length: experts * perExpert }, (_, i) => ({
      id: `crash${i}`,
      user: seeded[i % experts]!.user,
      command: '/hours',
      text: `15m review NDA ${i}`,
    }));
    const target = (s: ServerProcess): SlackTarget => ({
      eventsUrl: `${s.url}/slack/events`,
      signingSecret: benchSigningSecret,
      team: benchTeam,
      responseUrl: slack!.responseUrl,
    });

    // The load, cut by SIGKILL once a third of it was answered.
    let answered = 0;
    let crashed: Promise<void> | undefined;
    const first = server;
    const firstRun = await sendSlashCommands(target(first), commands, 16, {
      onAnswer: () => {
        if (++answered >= commands.length / 3) crashed ??= first.kill();
      },
    });
    await crashed;
    const before = new Map(firstRun.sent.filter((s) => s.status === 200).map((s) => [s.id, s.text]));
    expect(firstRun.errors.length + firstRun.sent.length).toBe(commands.length);
    expect(firstRun.errors.length).toBeGreaterThan(0); // the crash did cut the load
    for (const [id, text] of before) expect(logged.test(text) || refusedAtCap.test(text), `${id}: ${text}`).toBe(true);

    const between = await openDatabase(temp.url);
    const storedAtCrash = await between.prisma.hourEntry.count();
    await between.close();

    // Restarted on the same database; every command sent again, with its own trigger id.
    server = await start(slack);
    const again = await Promise.all(
      commands.map(async (c) => ({ id: c.id, ...(await postSigned(target(server!), slashCommandBody(target(server!), c))) })),
    );
    expect(again.every((r) => r.status === 200)).toBe(true);
    expect(await server.stop()).toBe(0); // SIGTERM: finishes whatever is in hand first
    server = undefined;

    const check = await openDatabase(temp.url);
    try {
      // Every command is answered, logged or refused at the cap; one answered before the crash the same way twice.
      const answerOf = new Map<string, 'logged' | 'refused'>();
      for (const r of again) {
        const text = ackText(r.body);
        expect(logged.test(text) || refusedAtCap.test(text), `${r.id}: ${text}`).toBe(true);
        if (before.has(r.id)) expect(text, r.id).toBe(before.get(r.id));
        answerOf.set(r.id, logged.test(text) ? 'logged' : 'refused');
      }

      // Stored exactly once: one entry per logged command (its note is the command's number), nothing twice.
      const entries = await check.prisma.hourEntry.findMany({ select: { note: true, minutes: true, applicationId: true, voidedAt: true } });
      const notes = new Set(entries.map((e) => e.note));
      expect(notes.size).toBe(entries.length);
      for (const [id, answer] of answerOf)
        expect(notes.has(`review NDA ${id.slice('crash'.length)}`), `${id} ${answer}`).toBe(answer === 'logged');

      // The counters are the ledger, and no engagement passed its cap (16 commands of 15 minutes for a
      // 120-minute cap: every engagement ends exactly full).
      for (const e of seeded) {
        const app = await check.prisma.application.findUniqueOrThrow({ where: { id: e.applicationId } });
        const sum = entries.filter((x) => x.applicationId === e.applicationId && x.voidedAt === null).reduce((n, x) => n + x.minutes, 0);
        expect(app.usedMinutes).toBe(sum);
        expect(app.usedMinutes).toBe(capMinutes);
      }

      // Every handled request is recorded once, with its replies.
      expect(await check.prisma.processedRequest.count()).toBe(commands.length);
      expect(await check.prisma.processedRequest.count({ where: { replies: null } })).toBe(0);
      if (testDatabaseProvider === 'sqlite') {
        expect(await check.prisma.$queryRawUnsafe('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      }
      process.stdout.write(
        `crash: ${before.size} answered and ${storedAtCrash} stored before the crash, ${firstRun.errors.length} cut off; ` +
          `${entries.length} stored in the end, ${[...answerOf.values()].filter((a) => a === 'logged').length} answered logged\n`,
      );
    } finally {
      await check.close();
    }
  }, 180_000);
});
