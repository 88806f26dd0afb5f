/**
 * Adaptive Card TextBlocks and FactSets render a markdown subset, where `[text](url)` becomes a link
 * whose target the reader cannot see. Text the bot echoes (notes, company names) is the user's, so the
 * link syntax is broken with a zero-width space; emphasis and lists only change the look and stay.
 */
export function neutralizeMarkdown(text: string): string {
  return text.replace(/\]\s*\(/g, ']\u200b(');
}
