/**
 * After a click, the message the button was in is rewritten: the clicked choice set's buttons are replaced
 * by the label that was chosen, so the same question cannot be answered twice and the history stays readable.
 */
import type { Block } from './render-blocks.ts';
import { choiceSetOf } from './render-blocks.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';

/**
 * The original message's blocks (as Slack sent them back in the click payload) with the choice set of
 * `clickedBlockId` replaced by a line showing `label`. Without the original blocks (ephemeral messages
 * come without them), only that line.
 */
export function markChosen(originalBlocks: readonly unknown[] | undefined, clickedBlockId: string | undefined, label: string): Block[] {
  const chosen: Block = {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `:white_check_mark: *${escapeMrkdwn(label)}*`, verbatim: true }],
  };
  const set = choiceSetOf(clickedBlockId);
  if (!originalBlocks || !set) return [chosen];
  const out: Block[] = [];
  let replaced = false;
  for (const block of originalBlocks as Block[]) {
    if (choiceSetOf(block.block_id) === set) {
      if (!replaced) out.push(chosen);
      replaced = true;
    } else {
      out.push(block);
    }
  }
  return replaced ? out : [...out, chosen];
}
