/** One person chatting in the terminal: turns lines into inbound messages and replies into text. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Bot } from '../../src/core/bot.ts';
import type { Choice, Reply } from '../../src/core/reply.ts';
import { renderText } from './render-text.ts';

/** The numbered choices last shown to the user, kept beyond the session (in the database) so a number typed later picks one. */
export interface ChoiceMemory {
  remember(choices: readonly Choice[]): Promise<void>;
  /** The choices last shown to this user, in this session or an earlier one; none once they expired. */
  recall(): Promise<Choice[]>;
}

export interface ConsoleSessionOptions {
  bot: Bot;
  user: string;
  locale?: string;
  /** Where exported files (CSV, .ics) are written. */
  filesDir: string;
  memory: ChoiceMemory;
}

export class ConsoleSession {
  private seq = 0;
  private readonly runId = `${process.pid}-${Date.now()}`;

  constructor(private readonly opts: ConsoleSessionOptions) {}

  get identityKey(): string {
    return `console:${this.opts.user}`;
  }

  /** Handles one typed line; a number picks one of the choices shown last to this user, in any session. */
  async send(line: string): Promise<string> {
    const trimmed = line.trim();
    if (trimmed === '') return '';
    const picked = /^\d+$/.test(trimmed) ? (await this.opts.memory.recall())[Number(trimmed) - 1] : undefined;
    const { replies } = await this.opts.bot.handle({
      platform: 'console',
      identity: { key: this.identityKey, userId: this.opts.user, displayName: this.opts.user },
      conversation: { key: this.identityKey, isDirect: true },
      ...(picked ? { action: picked.value } : { text: trimmed }),
      locale: this.opts.locale,
      idempotencyKey: `console:${this.opts.user}:${this.runId}:${++this.seq}`,
    });
    return this.show(replies);
  }

  /** Renders replies (also notifications) as text, saves their files, and remembers their choices for typed numbers. */
  async show(replies: Reply[]): Promise<string> {
    const { text, choices } = renderText(replies);
    if (choices.length > 0) await this.opts.memory.remember(choices);
    const files = replies.flatMap((r) => (r.kind === 'file' ? [r] : []));
    const saved = files.map((f) => {
      mkdirSync(this.opts.filesDir, { recursive: true });
      const target = path.join(this.opts.filesDir, path.basename(f.filename));
      writeFileSync(target, f.content);
      return `  → ${target}`;
    });
    return [text, ...saved].join('\n');
  }
}
