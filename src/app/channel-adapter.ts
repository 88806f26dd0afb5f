/** What a platform adapter (Slack, Teams) gives the composition root. */
import type { Bot } from '../core/bot.ts';
import type { HeldFiles } from '../core/held-files.ts';
import type { ProactiveSender } from '../core/outbox-dispatcher.ts';
import type { Logger } from '../core/ports.ts';
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
