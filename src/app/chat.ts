/**
 * `npm run chat -- --user <name> [--locale en]`: talk to the bot in a terminal, against the same database
 * as the server. When standard input is not a terminal, each line is one message and the replies are
 * printed, so transcripts can be scripted: `printf 'help\nlanguage en\nhelp\n' | npm run chat`.
 * The console adapter (adapters/console) is wired here, in the composition root, as the platform adapters
 * are in channel-adapters.ts.
 *
 * Only a chat reaches its user (the server cannot print in their terminal): notifications for them wait in
 * the outbox, and the chat prints those waiting when it starts, then any that arrive while it runs.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { loadProgram } from '../program/load-program.ts';
import { pinnedClock, systemClock } from '../core/clock.ts';
import { Bot } from '../core/bot.ts';
import { OutboxDispatcher } from '../core/outbox-dispatcher.ts';
import { openDatabase } from '../db/open-database.ts';
import { projectRoot } from '../db/sqlite-url.ts';
import { exitWithFailure, UsageError } from './cli-failure.ts';
import { createAppUnitOfWork } from './create-services.ts';
import { createFeatures } from './features.ts';
import { createLogger } from './logger.ts';
import { ConsoleSession } from '../../adapters/console/console-session.ts';

const usage = `usage: npm run chat -- [--user <name>] [--locale ja|en]
  --user    who you are: the identity console:<name> (default guest)
  --locale  the language before you choose one with \`language ja|en\` (default: Japanese)
With standard input from a file or a pipe, each line is one message: printf 'help\n' | npm run chat -- --user alice`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { user: { type: 'string', default: 'guest' }, locale: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  if (values.locale !== undefined && values.locale !== 'ja' && values.locale !== 'en')
    throw new UsageError(`--locale must be ja or en, not "${values.locale}"`);
  if (values.user.trim() === '') throw new UsageError('--user needs a name, e.g. --user alice');
  const user = values.user.replace(/[^\w.@-]/g, '_');

  const config = loadConfig();
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const clock = config.BOT_NOW ? pinnedClock(new Date(config.BOT_NOW)) : systemClock;
  const db = await openDatabase(config.DATABASE_URL);
  let dispatcher: OutboxDispatcher | undefined;
  const uow = createAppUnitOfWork(db.prisma, {
    program: loadProgram(config.PROGRAM),
    clock,
    log,
    flowTtlHours: config.FLOW_TTL_HOURS,
    provider: db.provider,
    sqlite: db.sqlite,
    onNotification: () => dispatcher?.kick(),
  });
  const identityKey = `console:${user}`;
  // A typed number picks a choice of the question shown last, in any session, for as long as a flow left halfway
  // is kept. Measured on the real clock: it is about when the person saw the question, not about program dates.
  const choicesTtlMs = config.FLOW_TTL_HOURS * 3_600_000;
  const session = new ConsoleSession({
    bot: new Bot({ uow, log }, createFeatures()),
    user,
    locale: values.locale,
    filesDir: path.join(projectRoot, 'data', 'files'),
    memory: {
      remember: (choices) =>
        uow.run(({ shownChoices }) => shownChoices.save(identityKey, choices, new Date(systemClock.now().getTime() + choicesTtlMs))),
      recall: () => uow.run(({ shownChoices }) => shownChoices.latest(identityKey, systemClock.now())),
    },
  });

  // Notifications for this user only (the address tells the outbox that this chat reaches them); others wait in
  // the outbox for their own chat, or for the server when they use Slack or Teams.
  await uow.run(async ({ people }) => {
    await people.resolve({ key: identityKey, platform: 'console', tenant: '', userId: user, displayName: user });
    await people.saveAddress(identityKey, identityKey);
  });
  const interactive = process.stdin.isTTY === true;
  let rl: ReturnType<typeof createInterface> | undefined;
  let busy = true;
  const outbox = new OutboxDispatcher({
    uow,
    clock,
    log,
    senders: () => [
      {
        platform: 'console',
        identityKey,
        send: async (_address, replies) => {
          process.stdout.write(`\n🔔 ${await session.show(replies)}\n`);
          // Arrived while the person was at the prompt: show the prompt again under it.
          if (interactive && !busy) rl?.prompt(true);
        },
      },
    ],
  });
  dispatcher = outbox;

  if (interactive) process.stdout.write(`${user} として接続しました / connected as ${user}. help でコマンド一覧、Ctrl+D で終了。\n`);
  // What waited for this user comes first.
  outbox.kick();
  await outbox.idle();
  if (interactive) outbox.start();
  rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  if (interactive) {
    rl.setPrompt('> ');
    rl.prompt();
  }
  busy = false;
  for await (const line of rl) {
    busy = true;
    if (!interactive && line.trim() !== '') process.stdout.write(`> ${line}\n`);
    const out = await session.send(line);
    if (out) process.stdout.write(`${out}\n`);
    outbox.kick();
    await outbox.idle();
    busy = false;
    if (interactive) rl.prompt();
  }
  await outbox.stop();
  await db.close();
}

await main().catch((error: unknown) => exitWithFailure(error, 'chat', 'npm run chat -- --help'));
