/**
 * The slash commands the Slack app declares and the adapter handles. One list, checked against
 * manifest/slack/manifest.yaml by a test, so the manifest never offers a command the bot does not answer.
 */
export interface SlashCommandSpec {
  /** As typed in Slack: `/hours`. */
  command: string;
  /** The core command word it runs (`hours`); empty for the general entry, whose text is the whole command. */
  word: string;
}

export const slashCommands: readonly SlashCommandSpec[] = [
  { command: '/hours', word: 'hours' },
  { command: '/budget', word: 'budget' },
  { command: '/book', word: 'book' },
  { command: '/quota', word: 'quota' },
  { command: '/eligibility', word: 'eligibility' },
  // The general entry: `/desk help`, `/desk language en`, `/desk apply`… (any command the bot knows).
  { command: '/desk', word: '' },
];

/** The text the core sees for `/hours 2 review NDA`: `hours 2 review NDA`. */
export function commandText(spec: SlashCommandSpec, text: string): string {
  return [spec.word, text.trim()].filter((part) => part !== '').join(' ');
}
