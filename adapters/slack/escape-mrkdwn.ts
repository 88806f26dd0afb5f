/**
 * Slack mrkdwn treats `<!channel>`, `<@U…>` and `<url|text>` as markup, so text we did not write ourselves
 * is escaped before it goes into a message: echoing it raw would let anyone ping a channel through the bot.
 * Only `&`, `<` and `>` are escaped; Slack decodes exactly those three.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Turns the text Slack sends us (mentions and links as `<…>` markup, `&`, `<`, `>` encoded) into the plain
 * text a person sees, so the core, the database and the other platforms never carry Slack markup:
 * `<@U123|ann>` → `@ann`, `<!channel>` → `@channel`, `<#C1|general>` → `#general`, `<https://x|x>` → `x (https://x)`.
 */
export function plainTextFromSlack(text: string): string {
  const withoutMarkup = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!')) {
      // <!channel>, <!here>, <!everyone>, <!subteam^S1|@team>, <!date^…|fallback>
      if (label) return label;
      return `@${target.slice(1).split('^')[0]}`;
    }
    const url = target.replace(/^mailto:/, '');
    return label && label !== url ? `${label} (${url})` : url;
  });
  return withoutMarkup.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
