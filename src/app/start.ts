/**
 * Starts the whole bot: configuration, program, database (migrated), services, adapters, HTTP server and
 * the outbox dispatcher. Used by `npm start` and by the end-to-end tests, which start the real thing.
 */
import { readFileSync } from 'node:fs';
import { loadConfig, type Config } from '../config.ts';
import { loadProgram } from '../program/load-program.ts';
import type { Program } from '../program/program-schema.ts';
import { pinnedClock, systemClock, type Clock } from '../core/clock.ts';
import { Bot } from '../core/bot.ts';
import { OutboxDispatcher } from '../core/outbox-dispatcher.ts';
import { scheduleHousekeeping } from '../core/housekeeping.ts';
import { HeldFiles } from '../core/held-files.ts';
import type { UnitOfWork } from '../core/unit-of-work.ts';
import type { Feature } from '../core/feature.ts';
import { openDatabase, type OpenDatabase } from '../db/open-database.ts';
import { redact } from '../db/sqlite-url.ts';
import { createHttpServer } from '../http/server.ts';
import { createLogger } from './logger.ts';
import { createAppUnitOfWork, type AppServices } from './create-services.ts';
import type { StatementProbe } from '../db/statement-probe.ts';
import { createFeatures, type FeaturePorts } from './features.ts';
import { createChannelAdapters } from './channel-adapters.ts';
import type { ChannelAdapter } from '../core/channel.ts';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface RunningBot {
  url: string;
  port: number;
  config: Config;
  program: Program;
  clock: Clock;
  bot: Bot;
  /** Every database access goes through it (tests read and seed the database with it too). */
  uow: UnitOfWork<AppServices>;
  db: OpenDatabase;
  dispatcher: OutboxDispatcher;
  adapters: ChannelAdapter[];
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /** Overrides the clock (tests); otherwise BOT_NOW pins it, else the system clock. */
  clock?: Clock;
  /** Where logs go (tests pass a sink); default stderr. */
  logDestination?: NodeJS.WritableStream;
  /** Overrides HOST (the listening address). */
  host?: string;
  /** Replaces the feature list (adapter tests use a tiny feature of their own); default createFeatures(). */
  features?: Feature[];
  /** Told of every SQL statement (the benchmark counts them; fault-injection tests make one fail). */
  databaseProbe?: StatementProbe;
}

/** How this process reaches its own server: a wildcard address is reached on loopback. */
function localAddress(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startBot(options: StartOptions = {}): Promise<RunningBot> {
  const config = loadConfig(options.env ?? process.env);
  const program = loadProgram(config.PROGRAM);
  const log = createLogger(config.LOG_LEVEL, options.logDestination);
  const clock = options.clock ?? (config.BOT_NOW ? pinnedClock(new Date(config.BOT_NOW)) : systemClock);
  if (config.BOT_NOW && !options.clock) log.warn({ BOT_NOW: config.BOT_NOW }, 'clock pinned by BOT_NOW (demo/test only)');

  const db = await openDatabase(config.DATABASE_URL, { log: (line) => log.info(line), probe: options.databaseProbe });
  log.info({ database: redact(config.DATABASE_URL), migrationsApplied: db.applied.length, program: program.id }, 'database ready');

  let dispatcher: OutboxDispatcher | undefined;
  const uow = createAppUnitOfWork(db.prisma, {
    program,
    clock,
    log,
    flowTtlHours: config.FLOW_TTL_HOURS,
    staffChannels: config.STAFF_CHANNELS,
    provider: db.provider,
    sqlite: db.sqlite,
    onNotification: () => dispatcher?.kick(),
  });
  const bot = new Bot<FeaturePorts>({ uow, log }, options.features ?? createFeatures());
  let adapters: ChannelAdapter[] = [];
  let http: ReturnType<typeof createHttpServer> | undefined;
  const host = options.host ?? config.HOST;
  let port: number;
  try {
    adapters = await createChannelAdapters({ config, bot, heldFiles: new HeldFiles({ uow, clock }), program, log });
    dispatcher = new OutboxDispatcher({
      uow,
      clock,
      log,
      senders: () => adapters.flatMap((a) => (a.sender ? [a.sender] : [])),
    });
    http = createHttpServer({ routes: adapters.flatMap((a) => a.routes), health: db.health, log, version });
    port = await http.listen(config.PORT, host);
    for (const a of adapters) await a.start?.();
    dispatcher.start();
  } catch (e) {
    // A start that fails half-way (port taken, bad adapter settings) must not leave the database open.
    await http?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw e;
  }
  const server = http;
  const outbox = dispatcher;
  const stopHousekeeping = scheduleHousekeeping({ uow, clock, log });
  log.info({ host, port, adapters: adapters.map((a) => a.name) }, 'desk bot listening');

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${localAddress(host)}:${port}`,
    port,
    config,
    program,
    clock,
    bot,
    uow,
    db,
    dispatcher: outbox,
    adapters,
    stop: () =>
      (stopping ??= (async () => {
        stopHousekeeping();
        await server.close();
        for (const a of adapters) await a.stop?.();
        await outbox.stop();
        await db.close();
        log.info('stopped');
      })()),
  };
}
