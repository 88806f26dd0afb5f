/**
 * The thinnest honest version of the bot's busiest job, measured beside the bot in the same run: Bolt on its
 * own HTTP receiver (signature, parsing, acknowledgement) and better-sqlite3, for `/hours <minutes>m <note>`
 * from an expert with one adopted engagement. In one transaction: the retry check, the identity and
 * engagement lookup, the cap check with the entry, the audit row and the stored reply; the reply goes back
 * in the acknowledgement, as the bot's does. It uses the bot's own database schema (a seeded copy).
 * Run by bench/run.ts as a child process: `PORT=… DATABASE_FILE=… SLACK_SIGNING_SECRET=… node --import tsx bench/minimal-app.ts`.
 */
import { App, LogLevel } from '@slack/bolt';
import Database from 'better-sqlite3';

const signingSecret = process.env.SLACK_SIGNING_SECRET;
const file = process.env.DATABASE_FILE;
if (!signingSecret || !file) throw new Error('SLACK_SIGNING_SECRET and DATABASE_FILE must be set');

const db = new Database(file, { timeout: 5000 });
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');

const stored = db.prepare<[string], { replies: string }>('SELECT "replies" FROM "ProcessedRequest" WHERE "key" = ?');
const engagementOf = db.prepare<[string], { personId: number; applicationId: number }>(
  `SELECT p."id" AS "personId", a."id" AS "applicationId" FROM "Identity" i JOIN "Person" p ON p."id" = i."personId"
   JOIN "Assignment" s ON s."expertId" = p."id" AND s."removedAt" IS NULL
   JOIN "Application" a ON a."id" = s."applicationId" AND a."status" = 'adopted' WHERE i."key" = ?`,
);
const addWithinCap = db.prepare<[number, number, number], { usedMinutes: number; capMinutes: number }>(
  'UPDATE "Application" SET "usedMinutes" = "usedMinutes" + ? WHERE "id" = ? AND "usedMinutes" + ? <= "capMinutes" RETURNING "usedMinutes", "capMinutes"',
);
const addEntry = db.prepare(
  'INSERT INTO "HourEntry" ("applicationId", "expertId", "minutes", "category", "note", "workDate", "createdAt") VALUES (?, ?, ?, \'review\', ?, ?, ?)',
);
const addAudit = db.prepare(
  'INSERT INTO "AuditLog" ("at", "actorId", "action", "subjectType", "subjectId", "details") VALUES (?, ?, \'hours.logged\', \'hourEntry\', ?, ?)',
);
const storeReply = db.prepare('INSERT INTO "ProcessedRequest" ("key", "replies", "createdAt") VALUES (?, ?, ?)');

/** The whole job for one command, in one transaction; returns the reply text. */
const logHours = db.transaction((key: string, identity: string, minutes: number, note: string): string => {
  const before = stored.get(key);
  if (before) return before.replies;
  const engagement = engagementOf.get(identity);
  let reply: string;
  if (!engagement) {
    reply = '担当の案件がないため記録できませんでした。';
  } else {
    const counters = addWithinCap.get(minutes, engagement.applicationId, minutes);
    if (!counters) {
      reply = `上限を超えるため、${minutes}分を記録できませんでした。`;
    } else {
      const now = new Date().toISOString().replace('Z', '+00:00');
      const entry = addEntry.run(engagement.applicationId, engagement.personId, minutes, note, now.slice(0, 10), now);
      addAudit.run(now, engagement.personId, String(entry.lastInsertRowid), JSON.stringify({ minutes }));
      reply = `${minutes}分を記録しました（#${entry.lastInsertRowid}）。残り ${counters.capMinutes - counters.usedMinutes}分`;
    }
  }
  storeReply.run(key, reply, new Date().toISOString().replace('Z', '+00:00'));
  return reply;
});

const app = new App({ signingSecret, authorize: async () => ({ botToken: 'xoxb-bench' }), logLevel: LogLevel.ERROR });
app.command('/hours', async ({ ack, command }) => {
  const m = /^(\d+)m\s+(.*)$/s.exec(command.text.trim());
  if (!m) return ack({ response_type: 'ephemeral', text: '使い方: /hours 15m 内容' });
  const text = logHours.immediate(
    `slack:command:${command.team_id}:${command.trigger_id}`,
    `slack:${command.team_id}:${command.user_id}`,
    Number(m[1]),
    m[2]!,
  );
  await ack({ response_type: 'ephemeral', text });
});

await app.start(Number(process.env.PORT ?? 3000));
const stop = () => void app.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
