/** Commands every user has: help and language. */
import type { MessageKey } from '../i18n/catalog.ts';
import { translator } from '../i18n/translate.ts';
import type { Command } from './feature.ts';
import type { Role } from './roles.ts';
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
      const roles = [...new Set(turn.person.roles.map((g) => g.role))];
      const visible = all().filter((c) => c.audience === 'everyone' || c.audience.some((r) => roles.includes(r)));
      const lines = visible.flatMap((c) =>
        helpEntries(c, roles).map((e) => `• ${turn.t('core.help.entry', { usage: e.usage, summary: turn.t(e.summary) })}`),
      );
      // Someone without a role sees only a few commands: say what they are for and how to get access.
      const access = roles.length === 0 ? ['', accessHelp(turn, all())] : [];
      return [text([turn.t('core.help.title'), ...lines, ...access, '', turn.t('core.help.footer')].join('\n'), true)];
    },
  };
}

/** The help lines of one command for these roles: its own, or each role's where it differs (without repeats). */
function helpEntries(command: Command, roles: Role[]): { usage: string; summary: MessageKey }[] {
  const entries =
    command.audience === 'everyone' || !command.roleHelp
      ? [command]
      : command.audience.filter((r) => roles.includes(r)).map((r) => command.roleHelp?.[r] ?? command);
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.usage) && seen.add(e.usage)).map((e) => ({ usage: e.usage, summary: e.summary }));
}

/** For a person without a role: what they can do, and how applicants, experts and staff get access. */
function accessHelp(turn: Turn, all: Command[]): string {
  const whoami = all.some((c) => c.name === 'whoami');
  return turn.t(whoami ? 'core.help.noRole.whoami' : 'core.help.noRole', {
    email: turn.services.program.contact.email,
    identity: turn.inbound.identity.key,
  });
}

export const languageCommand: Command = {
  name: 'language',
  aliases: ['lang', '言語'],
  audience: 'everyone',
  usage: 'language ja|en',
  summary: 'core.cmd.language',
  async run(turn: Turn, args: string): Promise<Reply[]> {
    const choice = args.normalize('NFKC').trim().toLowerCase();
    const locale =
      choice === 'ja' || choice === '日本語' ? 'ja' : choice === 'en' || choice === 'english' || choice === '英語' ? 'en' : undefined;
    if (!locale) return [text(turn.t('core.language.usage'), true)];
    await turn.services.people.setLocale(turn.person.id, locale);
    const key: MessageKey = 'core.language.set';
    return [text(translator(locale)(key), true)];
  },
};
