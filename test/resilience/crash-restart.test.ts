/**
 * The server killed (SIGKILL: no shutdown, nothing flushed) in the middle of a load of `/hours` commands,
 * then restarted on the same database, and Slack's retries of every request sent to it.
 *
 * What "acknowledged" means here. The Slack adapter acknowledges a command (HTTP 200) at once and
 * handles it afterwards, as Slack asks (3 seconds at most); under load, handling queues behind the acks.
 * So at the moment of a crash a command can be:
 *  - not acknowledged: Slack retries it (x-slack-retry-num), and the restarted server handles it;
 *  - acknowledged and handled (its reply reached Slack): its entry is stored, once;
 *  - acknowledged, handled, reply not yet sent: its entry is stored; a retry finds it (no second entry);
 *  - acknowledged, not handled yet: it is lost. Slack does not retry an acknowledged request, and the
 *    person sees no reply (they can send it again: the ledger makes a resent request with a new trigger
 *    id a new entry, so they should check `/hours` first). The bot does not store requests before
 *    acknowledging them; SIGTERM (a deploy, a restart) does not lose them: it finishes the queue first.
 *  - claimed but cut off mid-way: the transaction rolled back, no entry; the claim stays, so a retry of
 *    that very request is answered as already handled (silently). Same outcome as the case before.
 * This test sends every request again after the restart, acknowledged or not, as Slack retries, so that
 * duplicates would show; it asserts what holds in every case: nothing confirmed is missing, nothing is
 * stored twice, the counters equal the ledger, and no engagement passes its cap.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { benchSigningSecret, benchTeam, startDeskServer } from '../../bench/desk-server.ts';
import { startBenchSlack, type BenchSlack } from '../../bench/fake-slack.ts';
import { seedExpertsWithEngagements } from '../../bench/seed.ts';
import type { ServerProcess } from '../../bench/server-process.ts';
import { postSigned, sendSlashCommands, slashCommandBody, type SlashCommand, type SlackTarget } from '../../bench/slack-load.ts';
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
const confirmed = /を記録しました/;
const refusedAtCap = /上限/;

const start = (s: BenchSlack) => startDeskServer({ databaseUrl: temp.url, slackApiUrl: s.apiUrl, logLevel: 'warn', env: { NODE_ENV: 'test' } });

describe('a crash in the middle of a load of /hours', () => {
  it('loses nothing confirmed, stores nothing twice and passes no cap, also when Slack retries everything', async () => {
    const db = await openDatabase(temp.url);
    const seeded = await seedExpertsWithEngagements(db.prisma, { program: loadProgram('fy2021'), team: benchTeam, count: experts, capMinutes, countries: ['th'] });
    await db.close();
    slack = await startBenchSlack();
    server = await start(slack);
    const commands: SlashCommand[] = Array.from({ length: experts * perExpert }, (_, i) => ({
      id: `crash${i}`,
      user: seeded[i % experts]!.user,
      command: '/hours',
      text: `15m review NDA ${i}`,
    }));
    const target = (s: ServerProcess): SlackTarget => ({ eventsUrl: `${s.url}/slack/events`, signingSecret: benchSigningSecret, team: benchTeam, responseUrl: slack!.responseUrl });

    // A first wave, answered; then the load, cut by SIGKILL once a third of it was acknowledged.
    const firstWave = commands.slice(0, 30);
    const waveRun = await sendSlashCommands(target(server), firstWave, 10);
    await Promise.all(firstWave.map((c) => slack!.responsesTo(c.id)));
    let answered = 0;
    let crashed: Promise<void> | undefined;
    const first = server;
    const rest = commands.slice(firstWave.length);
    const firstRun = await sendSlashCommands(target(first), rest, 16, {
      onAnswer: () => {
        if (++answered >= rest.length / 3) crashed ??= first.kill();
      },
    });
    await crashed;
    firstRun.sent.push(...waveRun.sent);
    const acked = new Set(firstRun.sent.filter((s) => s.status === 200).map((s) => s.id));
    // Everything the first server sent (it is dead: nothing more can come from it).
    const repliedBeforeCrash = new Map([...slack.responses].map(([id, posts]) => [id, posts[0]!.text]));
    const keyOf = (id: string) => `slack:command:${benchTeam}:${id}`;
    const between = await openDatabase(temp.url);
    const claimedAtCrash = new Set((await between.prisma.processedRequest.findMany({ select: { key: true } })).map((r) => r.key));
    const storedAtCrash = await between.prisma.hourEntry.count();
    await between.close();
    expect(firstRun.errors.length + acked.size).toBe(commands.length);
    expect(firstRun.errors.length).toBeGreaterThan(0); // the crash did cut the load

    // Restarted on the same database; Slack retries every request (acknowledged ones too, to look for duplicates).
    server = await start(slack);
    const retry = await Promise.all(commands.map((c) => postSigned(target(server!), slashCommandBody(target(server!), c), { retryNum: 1 })));
    expect(retry.every((r) => r.status === 200)).toBe(true);
    expect(await server.stop()).toBe(0); // SIGTERM: finishes every acknowledged request first
    server = undefined;

    const check = await openDatabase(temp.url);
    try {
      const entries = await check.prisma.hourEntry.findMany({ select: { requestKey: true, note: true, minutes: true, applicationId: true, voidedAt: true } });
      const keys = new Set(entries.map((e) => e.requestKey));

      // Every command whose confirmation reached Slack before the crash is stored.
      const confirmedBeforeCrash = [...repliedBeforeCrash].filter(([, text]) => confirmed.test(text)).map(([id]) => id);
      expect(confirmedBeforeCrash.length).toBeGreaterThan(0);
      for (const id of confirmedBeforeCrash) expect(keys.has(keyOf(id)), id).toBe(true);
      // A command refused at the cap before the crash stays refused: no entry appears for it later.
      for (const [id, text] of repliedBeforeCrash) if (refusedAtCap.test(text)) expect(keys.has(keyOf(id)), id).toBe(false);

      // Nothing twice: one entry per request key, and per command (each note is unique).
      expect(keys.size).toBe(entries.length);
      expect(new Set(entries.map((e) => e.note)).size).toBe(entries.length);

      // The counters are the ledger, and no engagement passed its cap.
      for (const e of seeded) {
        const app = await check.prisma.application.findUniqueOrThrow({ where: { id: e.applicationId } });
        const sum = entries.filter((x) => x.applicationId === e.applicationId && x.voidedAt === null).reduce((n, x) => n + x.minutes, 0);
        expect(app.usedMinutes).toBe(sum);
        expect(app.usedMinutes).toBeLessThanOrEqual(capMinutes);
      }

      // Slack's retries of requests it never got an ack for were handled by the restarted server: each
      // has an answer now (logged or refused at the cap), unless the first server had claimed it already.
      for (const id of commands.map((c) => c.id).filter((id) => !acked.has(id))) {
        if (claimedAtCrash.has(keyOf(id))) continue;
        const posts = slack.responses.get(id) ?? [];
        expect(posts.some((p) => confirmed.test(p.text) || refusedAtCap.test(p.text)), id).toBe(true);
      }
      if (testDatabaseProvider === 'sqlite') {
        expect(await check.prisma.$queryRawUnsafe('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      }

      const ackedNotHandled = [...acked].filter((id) => !repliedBeforeCrash.has(id) && !claimedAtCrash.has(keyOf(id))).length;
      process.stdout.write(
        `crash: ${acked.size} acknowledged, ${repliedBeforeCrash.size} answered, ${storedAtCrash} stored at the crash; ` +
          `${ackedNotHandled} acknowledged but not yet handled (lost without a retry); ${entries.length} stored after the retries\n`,
      );
    } finally {
      await check.close();
    }
  }, 180_000);
});
