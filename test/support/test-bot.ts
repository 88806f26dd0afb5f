/**
 * The real bot (core, features, repositories) on a real temporary database, driven in-process with a
 * manual clock. Used by feature tests; the adapter tests start the real HTTP server instead.
 */
import { Bot, type HandleResult } from '../../src/core/bot.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { Feature } from '../../src/core/feature.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { Role } from '../../src/core/roles.ts';
import type { UnitOfWork } from '../../src/core/unit-of-work.ts';
import { createAppUnitOfWork, createServices, type AppServices } from '../../src/app/create-services.ts';
import { immediately } from './direct-services.ts';
import { createFeatures, type FeaturePorts } from '../../src/app/features.ts';
import { openDatabase, type OpenDatabase } from '../../src/db/open-database.ts';
import type { StatementProbe } from '../../src/db/statement-probe.ts';
import { loadProgram } from '../../src/program/load-program.ts';
import type { Program } from '../../src/program/program-schema.ts';
import { renderText } from '../../adapters/console/render-text.ts';
import { tempDatabaseUrl } from './temp-database.ts';

export interface TestBot {
  bot: Bot;
  /** The bot's repositories outside any transaction (for seeding and inspecting between turns). */
  services: AppServices;
  /** The bot's unit of work. */
  uow: UnitOfWork<AppServices>;
  db: OpenDatabase;
  clock: ManualClock;
  program: Program;
  databaseUrl: string;
  /** Sends typed text as `console:<user>`; returns the replies. */
  say(user: string, text: string, opts?: { locale?: string; conversation?: string; isCommand?: boolean; key?: string }): Promise<Reply[]>;
  /** Clicks the choice whose label contains `label` in `replies`. */
  click(user: string, replies: Reply[], label: string, opts?: { locale?: string; conversation?: string }): Promise<Reply[]>;
  /** Sends a raw inbound (for idempotency and action tests). */
  handle(input: Parameters<Bot['handle']>[0]): Promise<HandleResult>;
  /** Gives `console:<user>` a role; returns the person id. */
  grant(user: string, role: Role, opts?: { country?: string; companyId?: number }): Promise<number>;
  personId(user: string): Promise<number>;
  /** Plain text of replies, as the console shows them. */
  textOf(replies: Reply[]): string;
  close(): Promise<void>;
}

let seq = 0;

export async function createTestBot(
  opts: {
    now?: string;
    features?: Feature[];
    program?: Program;
    /** Reuse this database (a restart); the caller removes it. */
    databaseUrl?: string;
    /** Told of every SQL statement (statement counts, fault injection). */
    probe?: StatementProbe;
  } = {},
): Promise<TestBot> {
  const temp = opts.databaseUrl ? { url: opts.databaseUrl, cleanup() {} } : tempDatabaseUrl();
  const db = await openDatabase(temp.url, { probe: opts.probe });
  const clock = new ManualClock(new Date(opts.now ?? '2021-09-01T01:00:00Z'));
  const program = opts.program ?? loadProgram('fy2021');
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  const deps = { program, clock, log: silent, flowTtlHours: 72, provider: db.provider, sqlite: db.sqlite };
  const uow = createAppUnitOfWork(db.prisma, deps);
  // For seeding and inspecting between turns; the bot's own work goes through its unit of work.
  const services = createServices(db.prisma, immediately, deps, false);
  const bot = new Bot<FeaturePorts>({ uow, log: silent }, opts.features ?? createFeatures());

  const inbound = (user: string, o: { locale?: string; conversation?: string; key?: string } = {}) => ({
    platform: 'console' as const,
    identity: { key: `console:${user}`, userId: user, displayName: user },
    conversation: { key: o.conversation ?? `console:${user}`, isDirect: !o.conversation },
    locale: o.locale,
    idempotencyKey: o.key ?? `test-${++seq}-${Date.now()}`,
  });
  const resolve = (user: string) =>
    services.people.resolve({ key: `console:${user}`, platform: 'console', tenant: '', userId: user, displayName: user });

  return {
    bot,
    services,
    uow,
    db,
    clock,
    program,
    databaseUrl: temp.url,
    async say(user, text, o = {}) {
      return (await bot.handle({ ...inbound(user, o), text, isCommand: o.isCommand ?? false })).replies;
    },
    async click(user, replies, label, o = {}) {
      const choice = replies.flatMap((r) => (r.kind === 'choices' ? r.choices : [])).find((c) => c.label.includes(label));
      if (!choice) throw new Error(`no choice labelled "${label}" in: ${renderText(replies).text}`);
      return (await bot.handle({ ...inbound(user, o), action: choice.value })).replies;
    },
    handle: (input) => bot.handle(input),
    async grant(user, role, o = {}) {
      const person = await resolve(user);
      await services.people.grantRole({ personId: person.id, role, country: o.country ?? '', companyId: o.companyId ?? null });
      return person.id;
    },
    async personId(user) {
      return (await resolve(user)).id;
    },
    textOf: (replies) => renderText(replies).text,
    async close() {
      await db.close();
      temp.cleanup();
    },
  };
}
