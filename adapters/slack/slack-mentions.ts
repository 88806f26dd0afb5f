/**
 * People named in Slack text (`<@U123>`, `<@U123|sato>`) as the core's neutral mentions: each becomes one
 * word in the text (`@sato`, or `@U123` without a label) and an identity of the sender's own workspace
 * (`slack:<team>:U123`), so that commands such as `role grant expert @sato th` or `assign 12 @sato` work
 * without the core ever reading Slack markup. The rest of the markup is left to plainTextFromSlack.
 */
import type { Mention } from '../../src/core/inbound.ts';

const userMention = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g;

/** A label as one word: spaces and commas would split it into several arguments. */
function wordOf(label: string): string {
  return label.replace(/&lt;|&gt;|&amp;/g, '').replace(/[\s,、<>]+/g, '');
}

/** `keyOf` builds the identity key (inbound-from-slack.ts owns the format). */
export function slackMentions(
  text: string,
  team: string,
  keyOf: (team: string, user: string) => string,
): { text: string; mentions: Mention[] } {
  const mentions: Mention[] = [];
  const replaced = text.replace(userMention, (_whole, user: string, label: string | undefined) => {
    const name = label ? wordOf(label) : '';
    const word = `@${name || user}`;
    mentions.push({
      text: word,
      identity: {
        key: keyOf(team, user),
        tenant: team,
        userId: user,
        ...(name ? { displayName: name } : {}),
        displayNameVerified: false,
      },
    });
    return word;
  });
  return { text: replaced, mentions };
}
