/**
 * Slack's documented Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks and
 * …/block-elements/button-element, …/composition-objects/text-object), checked on what the adapter renders.
 * Written independently of adapters/slack/render-blocks.ts (whose `limits` it must not trust): each limit
 * here is the number Slack documents.
 */
export const blockKitLimits = {
  blocksPerMessage: 50,
  blocksPerHomeView: 100,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  id: 255,
  headerText: 150,
  contextElements: 10,
  /** chat.postMessage truncates `text` beyond 40,000 characters; the bot keeps its fallback far shorter. */
  messageText: 40_000,
} as const;

type Json = Record<string, unknown>;

const textOf = (o: unknown): string | undefined =>
  o && typeof o === 'object' && typeof (o as Json).text === 'string' ? ((o as Json).text as string) : undefined;

/** The limit violations of one list of blocks (empty when it is within every limit). */
function checkBlocks(blocks: unknown, maxBlocks: number): string[] {
  const problems: string[] = [];
  if (!Array.isArray(blocks)) return ['blocks is not an array'];
  if (blocks.length === 0) problems.push('no blocks');
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks, more than ${maxBlocks}`);
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  blocks.forEach((raw, i) => {
    const b = raw as Json;
    const at = `block ${i} (${String(b.type)})`;
    if (typeof b.block_id === 'string') {
      if (b.block_id.length > blockKitLimits.id) problems.push(`${at}: block_id longer than ${blockKitLimits.id}`);
      if (blockIds.has(b.block_id)) problems.push(`${at}: block_id ${b.block_id} not unique`);
      blockIds.add(b.block_id);
    }
    switch (b.type) {
      case 'section': {
        const text = textOf(b.text);
        const fields = b.fields as unknown[] | undefined;
        if (text === undefined && !fields?.length) problems.push(`${at}: neither text nor fields`);
        if (text !== undefined && text.length > blockKitLimits.sectionText)
          problems.push(`${at}: text of ${text.length} characters, more than ${blockKitLimits.sectionText}`);
        if (text !== undefined && text.trim() === '') problems.push(`${at}: empty text`);
        if (fields) {
          if (fields.length > blockKitLimits.fieldsPerSection)
            problems.push(`${at}: ${fields.length} fields, more than ${blockKitLimits.fieldsPerSection}`);
          fields.forEach((f, j) => {
            const t = textOf(f) ?? '';
            if (t.length > blockKitLimits.fieldText)
              problems.push(`${at}: field ${j} of ${t.length} characters, more than ${blockKitLimits.fieldText}`);
            if (t.trim() === '') problems.push(`${at}: field ${j} empty`);
          });
        }
        break;
      }
      case 'actions': {
        const elements = (b.elements as Json[] | undefined) ?? [];
        if (elements.length === 0) problems.push(`${at}: no elements`);
        if (elements.length > blockKitLimits.actionsElements)
          problems.push(`${at}: ${elements.length} elements, more than ${blockKitLimits.actionsElements}`);
        elements.forEach((e, j) => {
          const where = `${at} element ${j}`;
          if (e.type === 'button') {
            const t = textOf(e.text) ?? '';
            if (t.length === 0 || t.length > blockKitLimits.buttonText)
              problems.push(`${where}: button text of ${t.length} characters (1–${blockKitLimits.buttonText})`);
            if (typeof e.value === 'string' && e.value.length > blockKitLimits.buttonValue)
              problems.push(`${where}: value longer than ${blockKitLimits.buttonValue}`);
          }
          if (typeof e.action_id === 'string') {
            if (e.action_id.length > blockKitLimits.id) problems.push(`${where}: action_id longer than ${blockKitLimits.id}`);
            if (actionIds.has(e.action_id)) problems.push(`${where}: action_id ${e.action_id} not unique`);
            actionIds.add(e.action_id);
          }
        });
        break;
      }
      case 'header': {
        const t = textOf(b.text) ?? '';
        if (t.length > blockKitLimits.headerText)
          problems.push(`${at}: header of ${t.length} characters, more than ${blockKitLimits.headerText}`);
        break;
      }
      case 'context': {
        const elements = (b.elements as unknown[] | undefined) ?? [];
        if (elements.length === 0 || elements.length > blockKitLimits.contextElements)
          problems.push(`${at}: ${elements.length} elements (1–${blockKitLimits.contextElements})`);
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`${at}: a block type the adapter does not use`);
    }
  });
  return problems;
}

/** A message (chat.postMessage / chat.postEphemeral / response_url body): blocks and the text fallback. */
export function checkSlackMessage(message: { text?: unknown; blocks?: unknown }): string[] {
  const problems = checkBlocks(message.blocks, blockKitLimits.blocksPerMessage);
  if (typeof message.text !== 'string' || message.text.trim() === '') problems.push('no text fallback');
  else if (message.text.length > blockKitLimits.messageText) problems.push(`text fallback of ${message.text.length} characters`);
  return problems;
}

/** A Home tab view (views.publish). */
export function checkHomeView(view: { type?: unknown; blocks?: unknown }): string[] {
  const problems = checkBlocks(view.blocks, blockKitLimits.blocksPerHomeView);
  if (view.type !== 'home') problems.push('view type is not home');
  return problems;
}
