/**
 * A bot instance for the adoption race: the whole bot on its own connection to the database, staff member
 * `console:<staff>` adopting the given applications all at once when the clock reaches `startAt` (so that
 * two processes started at different moments race), printing each outcome as JSON: `adopted`, `target` (the
 * bot asks to confirm adopting past the target), or what else it answered.
 * Usage: tsx adopt-burst.ts <databaseUrl> <now ISO> <staff user> <application ids comma-separated> <startAt epoch ms>
 */
import { createAppUnitOfWork } from '../../../src/app/create-services.ts';
import { createFeatures } from '../../../src/app/features.ts';
import { Bot } from '../../../src/core/bot.ts';
import { pinnedClock } from '../../../src/core/clock.ts';
import { openDatabase } from '../../../src/db/open-database.ts';
import { loadProgram } from '../../../src/program/load-program.ts';

const [url, now, staff, ids, startAt] = process.argv.slice(2);
const db = await openDatabase(url!);
const log = { debug() {}, info() {}, warn() {}, error() {} };
const uow = createAppUnitOfWork(db.prisma, {
  program: loadProgram('fy2021'),
  clock: pinnedClock(new Date(now!), { frozen: true }),
  log,
  flowTtlHours: 72,
  provider: db.provider,
  sqlite: db.sqlite,
});
const bot = new Bot({ uow, log }, createFeatures());
try {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
  const results = await Promise.all(
    ids!.split(',').map((id) =>
      bot.handle({
        platform: 'console',
        identity: { key: `console:${staff}`, userId: staff!, displayName: staff },
        conversation: { key: `console:${staff}:${id}`, isDirect: true },
        text: `adopt ${id}`,
        locale: 'en',
        idempotencyKey: `adopt-${process.pid}-${id}`,
      }),
    ),
  );
  const outcome = (replies: (typeof results)[number]['replies']) => {
    const text = replies.map((r) => ('text' in r ? r.text : '')).join('\n');
    if (text.startsWith('Adopted')) return 'adopted';
    if (text.includes('The adoption target is reached')) return 'target';
    return text;
  };
  process.stdout.write(JSON.stringify(results.map((r) => outcome(r.replies))));
} finally {
  await db.close();
}
