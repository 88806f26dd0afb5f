/**
 * The App Home tab: each feature's section for the person's roles (Bot.home), or, when no feature has
 * anything to show, a short welcome with the commands they may use.
 */
import type { types } from '@slack/bolt';
import type { Command } from '../../src/core/feature.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { PersonView } from '../../src/core/roles.ts';
import type { SlackTranslate as Translate } from './i18n/translate.ts';
import { text } from '../../src/core/reply.ts';
import { limits, renderBlocks } from './render-blocks.ts';

/** The Home tab of `replies`; what does not fit Slack's 100 blocks is counted in a last line worded by `t`. */
export function homeView(replies: Reply[], t: Translate): types.HomeView {
  return { type: 'home', blocks: renderBlocks(replies, limits.blocksPerHomeView, (count) => t('slack.home.more', { count })) };
}

/** The welcome shown when the dashboard is empty: who the bot is, how to talk to it, what the person may do. */
export function welcomeReplies(t: Translate, programTitle: string, person: PersonView | null, commands: readonly Command[]): Reply[] {
  const roles = person?.roles ?? [];
  const visible = commands.filter((c) => c.audience === 'everyone' || c.audience.some((r) => roles.some((g) => g.role === r)));
  const lines = visible.map((c) => `• ${t('core.help.entry', { usage: c.usage, summary: t(c.summary) })}`);
  return [
    text(`${t('slack.home.welcome', { program: programTitle })}\n${t('slack.home.howTo')}`),
    text([t('core.help.title'), ...lines].join('\n')),
  ];
}
