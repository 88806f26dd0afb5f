/**
 * The channel interface: what a platform adapter (Slack, Teams) implements and what it receives. It lives in
 * the core so that adapters depend only on the core; the composition root (src/app/channel-adapters.ts)
 * imports the adapters and mounts them.
 */
import type { Bot } from './bot.ts';
import type { HeldFiles } from './held-files.ts';
import type { ProactiveSender } from './outbox-dispatcher.ts';
import type { Logger } from './ports.ts';
import type { Program } from '../program/program-schema.ts';
import type { Config } from '../config.ts';
import type { HttpRoute } from '../http/route.ts';

export interface ChannelAdapter {
  name: string;
  routes: HttpRoute[];
  /** How the adapter messages people proactively (notifications, reminders). */
  sender?: ProactiveSender;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export interface AdapterContext {
  config: Config;
  bot: Bot;
  /** Files offered to people, released to their owner when the platform asks for them (Teams' file consent). */
  heldFiles: HeldFiles;
  program: Program;
  log: Logger;
}
