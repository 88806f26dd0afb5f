import type { slackJa } from './ja.ts';

/** English messages of the Slack adapter (App Home, file delivery). */
export const slackEn = {
  'slack.home.welcome': 'Welcome. This is the desk bot of the {program}.',
  'slack.home.more': '…and {count} more (see them all in the chat)',
  'slack.home.howTo': 'Send this app a direct message, or use a slash command such as /desk help.',
  'slack.file.sentToDm': 'The file was sent to your direct messages with this app.',
} satisfies Record<keyof typeof slackJa, string>;
