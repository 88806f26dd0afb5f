/** One person chatting in the terminal: turns lines into inbound messages and replies into text. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Bot } from '../../src/core/bot.ts';
import type { Choice, Reply } from '../../src/core/reply.ts';
import { renderText } from './render-text.ts';

export interface ConsoleSessionOptions {
  bot: Bot;
  user: string;
  locale?: string;
  /** Where exported files (CSV, .ics) are written. */
  filesDir: string;
}

export class ConsoleSession {
  private lastChoices: Choice[] = [];
  private seq = 0;
  private readonly runId = `${process.pid}-${Date.now()}`;

  constructor(private readonly opts: ConsoleSessionOptions) {}

  get identityKey(): string {
    return `console:${this.opts.user}`;
  }

  /** Handles one typed line; a number picks one of the choices shown last. */
  async send(line: string): Promise<string> {
    const trimmed = line.trim();
    if (trimmed === '') return '';
    const picked = /^\d+$/.test(trimmed) ? this.lastChoices[Number(trimmed) - 1] : undefined;
    const { replies } = await this.opts.bot.handle({
      platform: 'console',
      identity: { key: this.identityKey, userId: this.opts.user, displayName: this.opts.user },
      conversation: { key: this.identityKey, isDirect: true },
      ...(picked ? { action: picked.value } : { text: trimmed }),
      locale: this.opts.locale,
      idempotencyKey: `console:${this.opts.user}:${this.runId}:${++this.seq}`,
    });
    return this.render(replies);
  }

  /** Renders replies (also used for notifications that arrive while chatting). */
  render(replies: Reply[]): string {
    const { text, choices } = renderText(replies);
    if (choices.length > 0) this.lastChoices = choices;
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
