/**
 * The server killed (SIGKILL: no shutdown, nothing flushed) in the middle of a load of `/hours` commands,
 * then restarted on the same database, and Slack's retries of every request sent to it.
 *
 * The Slack adapter acknowledges a command (HTTP 200) at once and handles it afterwards, as Slack asks
 * (3 seconds at most); under load, handling queues behind the acknowledgements. Before acknowledging, it
 * stores the request in the inbox (one INSERT). So at the moment of a crash a command can be:
 *  - not acknowledged: Slack retries it (x-slack-retry-num); the restarted server handles it, or finds it
 *    stored already (stored, then killed before the ack went out) and leaves it to the recovery;
 *  - acknowledged, not handled yet: its inbox row is pending; once its lease has run out the restarted
 *    server (or another instance) handles it and answers at its response_url, late but answered;
 *  - claimed by the core but cut off mid-way: the claim left without replies is taken over once stale and
 *    the request handled again: logged if its transaction had rolled back, answered "already logged" (the
 *    entry found by its request key) if it had committed;
 *  - handled, reply sent or not, not marked done: handled again, its entry found by its request key (no
 *    second entry), the stored reply sent (again).
 * The lease (REQUEST_LEASE_SECONDS, 2 minutes by default) is 3 s here so the recovery comes within the test.
 * Slack retries only what it did not get an ack for; this test resends everything, acknowledged or not, so
 * that a second effect would show.
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
// Logged, or (a request handled again after its entry was stored, before its replies were) found logged.
const confirmed = /を記録しました|この依頼は記録済みです/;
const refusedAtCap = /上限/;
const leaseSeconds = 3;

const start = (s: BenchSlack) =>
  startDeskServer({ databaseUrl: temp.url, slackApiUrl: s.apiUrl, logLevel: 'warn', env: { NODE_ENV: 'test', REQUEST_LEASE_SECONDS: String(leaseSeconds) } });

/** Polls `done` until it holds, at most `ms` (the recovery runs on its own timer in the server). */
async function eventually(done: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await done()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return done();
}

describe('a crash in the middle of a load of /hours', () => {
  it('answers and stores every acknowledged command exactly once after the restart, and passes no cap, also when Slack retries everything', async () => {
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
    const ids = commands.map((c) => c.id);
    const target = (s: ServerProcess): SlackTarget => ({ eventsUrl: `${s.url}/slack/events`, signingSecret: benchSigningSecret, team: benchTeam, responseUrl: slack!.responseUrl });
    const keyOf = (id: string) => `slack:command:${benchTeam}:${id}`;

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
    const acked = firstRun.sent.filter((s) => s.status === 200).map((s) => s.id);
    expect(firstRun.errors.length + acked.length).toBe(commands.length);
    expect(firstRun.errors.length).toBeGreaterThan(0); // the crash did cut the load

    // What the dead server left: replies it sent, entries it stored, acknowledged requests it never answered.
    const repliedBeforeCrash = new Set(slack.responses.keys());
    const between = await openDatabase(temp.url);
    const storedAtCrash = await between.prisma.hourEntry.count();
    const pendingAtCrash = new Set((await between.prisma.inboxRequest.findMany({ where: { status: 'pending' }, select: { key: true } })).map((r) => r.key));
    await between.close();
    const ackedUnanswered = acked.filter((id) => !repliedBeforeCrash.has(id));
    expect(ackedUnanswered.length).toBeGreaterThan(0); // the case the inbox is for did happen
    for (const id of ackedUnanswered) expect(pendingAtCrash.has(keyOf(id)), id).toBe(true);

    // Restarted on the same database; Slack retries every request (acknowledged ones too, to look for duplicates).
    server = await start(slack);
    const retry = await Promise.all(commands.map((c) => postSigned(target(server!), slashCommandBody(target(server!), c), { retryNum: 1 })));
    expect(retry.every((r) => r.status === 200)).toBe(true);

    // The recovery answers what the dead server acknowledged, once the leases have run out.
    const check = await openDatabase(temp.url);
    try {
      const settled = await eventually(
        async () => ids.every((id) => slack!.responses.has(id)) && (await check.prisma.inboxRequest.count({ where: { status: 'pending' } })) === 0,
        90_000,
      );
      expect(settled, `unanswered: ${ids.filter((id) => !slack!.responses.has(id)).join(' ')}`).toBe(true);
      expect(await server.stop()).toBe(0); // SIGTERM: finishes whatever is in hand first
      server = undefined;

      // Every command is answered, and consistently: every reply to one request says the same (a reply sent
      // again after the crash repeats the stored one), logged or refused at the cap.
      const answerOf = new Map<string, 'logged' | 'refused'>();
      for (const id of ids) {
        const texts = new Set(slack.responses.get(id)!.map((p) => p.text));
        expect(texts.size, `${id}: ${[...texts].join(' | ')}`).toBe(1);
        const [text] = [...texts] as [string];
        expect(confirmed.test(text) || refusedAtCap.test(text), `${id}: ${text}`).toBe(true);
        answerOf.set(id, confirmed.test(text) ? 'logged' : 'refused');
      }

      // Stored exactly once: one entry per confirmed command, none for a refused one, nothing twice.
      const entries = await check.prisma.hourEntry.findMany({ select: { requestKey: true, note: true, minutes: true, applicationId: true, voidedAt: true } });
      const keys = new Set(entries.map((e) => e.requestKey));
      expect(keys.size).toBe(entries.length);
      expect(new Set(entries.map((e) => e.note)).size).toBe(entries.length);
      for (const [id, answer] of answerOf) expect(keys.has(keyOf(id)), `${id} ${answer}`).toBe(answer === 'logged');

      // The counters are the ledger, and no engagement passed its cap (16 commands of 15 minutes for a
      // 120-minute cap: every engagement ends exactly full).
      for (const e of seeded) {
        const app = await check.prisma.application.findUniqueOrThrow({ where: { id: e.applicationId } });
        const sum = entries.filter((x) => x.applicationId === e.applicationId && x.voidedAt === null).reduce((n, x) => n + x.minutes, 0);
        expect(app.usedMinutes).toBe(sum);
        expect(app.usedMinutes).toBe(capMinutes);
      }

      // The inbox holds every request once, done; every claim has its replies.
      const inbox = await check.prisma.inboxRequest.findMany({ select: { key: true, status: true, attempts: true } });
      expect(inbox.map((r) => r.key).sort()).toEqual(ids.map(keyOf).sort());
      expect(inbox.filter((r) => r.status !== 'done')).toEqual([]);
      expect(await check.prisma.processedRequest.count({ where: { replies: null } })).toBe(0);
      if (testDatabaseProvider === 'sqlite') {
        expect(await check.prisma.$queryRawUnsafe('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      }

      const recovered = inbox.filter((r) => r.attempts > 0).length;
      const repliedTwice = ids.filter((id) => slack!.responses.get(id)!.length > 1).length;
      process.stdout.write(
        `crash: ${acked.length} acknowledged, ${repliedBeforeCrash.size} answered, ${storedAtCrash} stored at the crash; ` +
          `${ackedUnanswered.length} acknowledged but unanswered, all answered after the restart; ${recovered} recovered from the inbox, ` +
          `${repliedTwice} replies sent twice; ${entries.length} stored in the end\n`,
      );
    } finally {
      await check.close();
    }
  }, 180_000);
});
