/** Commands every user has: help and language. */
import type { MessageKey } from '../i18n/catalog.ts';
import { translator } from '../i18n/translate.ts';
import type { Command } from './feature.ts';
import { text, type Reply } from './reply.ts';
import type { Turn } from './turn.ts';

/** `help`: the commands the user's roles may use, in their language. */
export function helpCommand(all: () => Command[]): Command {
  return {
    name: 'help',
    aliases: ['ヘルプ', '?', 'へるぷ', '使い方'],
    audience: 'everyone',
    usage: 'help',
    summary: 'core.cmd.help',
    async run(turn) {
      const visible = all().filter((c) => c.audience === 'everyone' || c.audience.some((r) => turn.person.roles.some((g) => g.role === r)));
      const lines = visible.map((c) => `• ${turn.t('core.help.entry', { usage: c.usage, summary: turn.t(c.summary) })}`);
      return [text([turn.t('core.help.title'), ...lines, '', turn.t('core.help.footer')].join('\n'), true)];
    },
  };
}

export const languageCommand: Command = {
  name: 'language',
  aliases: ['lang', '言語'],
  audience: 'everyone',
  usage: 'language ja|en',
  summary: 'core.cmd.language',
  async run(turn: Turn, args: string): Promise<Reply[]> {
    const choice = args.normalize('NFKC').trim().toLowerCase();
    const locale = choice === 'ja' || choice === '日本語' ? 'ja' : choice === 'en' || choice === 'english' || choice === '英語' ? 'en' : undefined;
    if (!locale) return [text(turn.t('core.language.usage'), true)];
    await turn.services.people.setLocale(turn.person.id, locale);
    const key: MessageKey = 'core.language.set';
    return [text(translator(locale)(key), true)];
  },
};
