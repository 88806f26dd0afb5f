/**
 * A second bot instance for the concurrency test: the whole bot (features, unit of work) on its own
 * connection to the database file, handling `count` `hours 1 meeting` messages from one expert at once, and
 * printing each outcome as JSON: `logged`, or the refusal's code.
 * Usage: tsx log-burst.ts <databaseUrl> <now ISO> <console user> <count> <keyPrefix>
 */
import { createAppUnitOfWork } from '../../../src/app/create-services.ts';
import { createFeatures } from '../../../src/app/features.ts';
import { Bot } from '../../../src/core/bot.ts';
import { pinnedClock } from '../../../src/core/clock.ts';
import { openDatabase } from '../../../src/db/open-database.ts';
import { loadProgram } from '../../../src/program/load-program.ts';

const [url, now, user, count, prefix] = process.argv.slice(2);
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
  const results = await Promise.all(
    Array.from({ length: Number(count) }, (_, i) =>
      bot.handle({
        platform: 'console',
        identity: { key: `console:${user}`, userId: user! },
        conversation: { key: `console:${user}`, isDirect: true },
        text: `hours 1 meeting ${prefix}${i}`,
        idempotencyKey: `${prefix}${i}`,
      }),
    ),
  );
  const outcome = (replies: (typeof results)[number]['replies']) => {
    const first = replies[0];
    return first?.kind === 'facts' ? 'logged' : first?.kind === 'error' ? first.code : `unexpected ${first?.kind}`;
  };
  process.stdout.write(JSON.stringify(results.map((r) => outcome(r.replies))));
} finally {
  await db.close();
}
