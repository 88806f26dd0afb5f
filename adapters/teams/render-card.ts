/**
 * Renders the core's neutral replies as Teams messages with Adaptive Cards (schema 1.5). Consecutive
 * texts, facts and errors share one card; each question with buttons gets its own card, so that once it
 * is answered exactly that card is replaced by the answer (see `answeredCard`). A file becomes a line naming it
 * and a FileConsentCard (see file-cards.ts). Pure: no SDK types.
 */
import { heldFileRetentionDays } from '../../src/core/held-files.ts';
import type { Choice, Meter, Reply } from '../../src/core/reply.ts';
import type { TeamsTranslate as Translate } from './i18n/translate.ts';
import type { SubmitValue } from './activity-schema.ts';
import type { Attachment } from './attachment.ts';
import { fileConsentAttachment } from './file-cards.ts';
import { neutralizeMarkdown } from './neutralize-markdown.ts';

export const adaptiveCardContentType = 'application/vnd.microsoft.card.adaptive';

type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  msteams: { width: 'Full' };
}

/** A message activity as the Bot Connector expects it (the SDK fills in the addressing). */
export interface OutgoingMessage {
  type: 'message';
  /** What Teams shows in notifications and the activity feed for a card. */
  summary?: string;
  attachments: Attachment[];
}

/**
 * Teams rejects a message larger than about 28 KB (the whole activity, with the addressing the connector
 * adds). A card's JSON stays within this budget; longer replies are split into several cards (messages).
 */
export const maxCardBytes = 24_000;
/** Teams shows up to about five buttons in a card's action bar; longer lists go in rows in the body. */
const maxActionBarButtons = 5;
const buttonsPerRow = 3;

export function card(body: CardElement[], actions?: CardElement[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

/**
 * Plain text as TextBlocks, one per line: a TextBlock is markdown, where single line breaks would be
 * joined. A blank line becomes extra space before the next block.
 */
function textBlocks(text: string, style: CardElement = {}): CardElement[] {
  const blocks: CardElement[] = [];
  let gap = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      gap = true;
      continue;
    }
    blocks.push({
      type: 'TextBlock',
      text: neutralizeMarkdown(line),
      wrap: true,
      spacing: blocks.length === 0 ? 'Default' : gap ? 'Medium' : 'None',
      ...style,
    });
    gap = false;
  }
  return blocks;
}

/** A progress bar: two columns whose widths are the used and the remaining share. */
function meterElement(m: Meter): CardElement {
  const over = m.used > m.total;
  const ratio = m.total > 0 ? Math.min(1, Math.max(0, m.used / m.total)) : 0;
  const filled = Math.round(ratio * 100);
  const columns = [
    ...(filled > 0 ? [{ type: 'Column', width: filled, minHeight: '8px', style: over ? 'attention' : 'accent', items: [] }] : []),
    ...(filled < 100 ? [{ type: 'Column', width: 100 - filled, minHeight: '8px', style: 'emphasis', items: [] }] : []),
  ];
  return {
    type: 'Container',
    spacing: 'Small',
    items: [
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: neutralizeMarkdown(m.label), wrap: true }] },
          {
            type: 'Column',
            width: 'auto',
            items: [{ type: 'TextBlock', text: m.caption, wrap: true, ...(over ? { color: 'attention' } : {}) }],
          },
        ],
      },
      { type: 'ColumnSet', spacing: 'Small', columns },
    ],
  };
}

/** Who a card's buttons are for, and (on a card in the personal chat answering a channel) the channel they act in. */
export interface CardAudience {
  recipient?: string;
  actsIn?: string;
}

function submitAction(choice: Choice, question: string, audience: CardAudience): CardElement {
  const data: SubmitValue = {
    deskAction: choice.value,
    label: choice.label.slice(0, 200),
    question: question.slice(0, 300),
    ...(audience.recipient ? { for: audience.recipient } : {}),
    ...(audience.actsIn ? { in: audience.actsIn } : {}),
  };
  return {
    type: 'Action.Submit',
    title: choice.label,
    data,
    ...(choice.style === 'primary' ? { style: 'positive' } : choice.style === 'danger' ? { style: 'destructive' } : {}),
  };
}

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');
/** The bytes of an empty card, and room for a continuation note. */
const cardOverheadBytes = jsonBytes(card([])) + 200;

/** A FactSet too large for one card becomes several, each within the budget. */
function withinBudget(element: CardElement): CardElement[] {
  if (element.type !== 'FactSet' || jsonBytes(element) + cardOverheadBytes <= maxCardBytes) return [element];
  const facts = element.facts as unknown[];
  const sets: CardElement[] = [];
  let current: unknown[] = [];
  let size = jsonBytes({ ...element, facts: [] });
  for (const fact of facts) {
    const bytes = jsonBytes(fact) + 1;
    if (current.length > 0 && size + bytes + cardOverheadBytes > maxCardBytes) {
      sets.push({ ...element, facts: current });
      current = [];
      size = jsonBytes({ ...element, facts: [] });
    }
    current.push(fact);
    size += bytes;
  }
  sets.push({ ...element, facts: current });
  return sets.map((set, i) => (i === 0 ? set : { ...set, spacing: 'None' }));
}

/** Elements packed in order into as few bodies as fit the card budget (at least one element each). */
function packBodies(elements: CardElement[]): CardElement[][] {
  const bodies: CardElement[][] = [];
  let body: CardElement[] = [];
  let size = cardOverheadBytes;
  for (const element of elements.flatMap(withinBudget)) {
    const bytes = jsonBytes(element) + 1;
    if (body.length > 0 && size + bytes > maxCardBytes) {
      bodies.push(body);
      body = [];
      size = cardOverheadBytes;
    }
    body.push(element);
    size += bytes;
  }
  if (body.length > 0) bodies.push(body);
  return bodies;
}

/**
 * A question with buttons: up to five in the action bar, more in rows in the body. A list too long for one
 * card (45 engagements to choose from) continues in further cards, each marked 「（続き 2/3）」.
 */
function choicesCards(question: string, choices: Choice[], audience: CardAudience, t: Translate): AdaptiveCard[] {
  const actions = choices.map((c) => submitAction(c, question, audience));
  if (actions.length <= maxActionBarButtons) return [card(textBlocks(question), actions)];
  const rows: CardElement[] = [];
  for (let i = 0; i < actions.length; i += buttonsPerRow) rows.push({ type: 'ActionSet', actions: actions.slice(i, i + buttonsPerRow) });
  const bodies = packBodies([...textBlocks(question), ...rows]);
  return bodies.map((body, i) =>
    card(
      i === 0
        ? body
        : [
            { type: 'TextBlock', text: t('teams.choices.continued', { page: i + 1, pages: bodies.length }), wrap: true, isSubtle: true },
            ...body,
          ],
    ),
  );
}

/** What replaces a question's card once a button was clicked: the question and the answer, no buttons. */
export function answeredCard(submitted: SubmitValue): AdaptiveCard {
  return card([
    ...(submitted.question ? textBlocks(submitted.question, { isSubtle: true }) : []),
    { type: 'TextBlock', text: `✔ ${submitted.label}`, wrap: true, weight: 'Bolder' },
  ]);
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * A file: its title and a line naming it, then (in a personal chat) the FileConsentCard that offers it. Teams
 * supports the consent flow in personal chats only; elsewhere the person is told where files come.
 */
function fileReplies(
  file: Extract<Reply, { kind: 'file' }>,
  t: Translate,
  personal: boolean,
): { body: CardElement[]; consent?: OutgoingMessage } {
  const sizeInBytes = Buffer.byteLength(file.content, 'utf8');
  const names = { filename: file.filename, size: formatBytes(sizeInBytes), days: heldFileRetentionDays };
  const title = textBlocks(file.title, { weight: 'Bolder' });
  if (!personal) return { body: [...title, ...textBlocks(t('teams.file.personalOnly', names))] };
  // Held when the reply was recorded; a reply recorded before files were held cannot be offered any more.
  if (!file.heldId) return { body: [...title, ...textBlocks(t('teams.file.unavailable', names), { color: 'attention' })] };
  return {
    body: [...title, ...textBlocks(t('teams.file.offered', names))],
    consent: {
      type: 'message',
      summary: file.filename,
      attachments: [fileConsentAttachment({ filename: file.filename, title: file.title, sizeInBytes, heldId: file.heldId })],
    },
  };
}

function summaryOf(body: CardElement[]): string | undefined {
  const first = body.find((e) => e.type === 'TextBlock' && typeof e.text === 'string');
  const text = first?.text as string | undefined;
  return text ? text.slice(0, 100) : undefined;
}

export function cardMessage(content: AdaptiveCard): OutgoingMessage {
  return { type: 'message', summary: summaryOf(content.body), attachments: [{ contentType: adaptiveCardContentType, content }] };
}

/** A card of plain text (the adapter's own notes); a problem is marked like the core's errors. */
export function noticeCard(text: string, attention = false): AdaptiveCard {
  return card(attention ? textBlocks(`⚠ ${text}`, { color: 'attention' }) : textBlocks(text));
}

/**
 * The messages for one turn's replies. `t` words the adapter's own notes (file sizes) in the reader's
 * language; `recipient` is the user id of the person the replies answer, carried by the buttons; `actsIn` is
 * the channel a card sent to the personal chat answers for (see SubmitValue.in), and `personal` says whether
 * the replies go to a personal chat, the only place Teams offers files in.
 */
export function renderReplies(
  replies: Reply[],
  t: Translate,
  recipient?: string,
  { actsIn, personal = true }: { actsIn?: string; personal?: boolean } = {},
): OutgoingMessage[] {
  const messages: OutgoingMessage[] = [];
  let body: CardElement[] = [];
  const flush = () => {
    for (const part of packBodies(body)) messages.push(cardMessage(card(part)));
    body = [];
  };
  const add = (elements: CardElement[]) => {
    // Each reply after the first in a card starts with a little space, so they read as separate paragraphs.
    if (body.length > 0 && elements[0]) elements[0] = { ...elements[0], spacing: 'Medium' };
    body.push(...elements);
  };

  for (const reply of replies) {
    switch (reply.kind) {
      case 'text':
        add(textBlocks(reply.text));
        break;
      case 'error':
        add(textBlocks(`⚠ ${reply.text}`, { color: 'attention' }));
        break;
      case 'facts':
        add([
          { type: 'TextBlock', text: neutralizeMarkdown(reply.title), wrap: true, weight: 'Bolder' },
          ...(reply.facts.length > 0
            ? [
                {
                  type: 'FactSet',
                  facts: reply.facts.map((f) => ({ title: neutralizeMarkdown(f.label), value: neutralizeMarkdown(f.value) })),
                },
              ]
            : []),
          ...(reply.meters ?? []).map(meterElement),
        ]);
        break;
      case 'choices':
        flush();
        for (const c of choicesCards(reply.text, reply.choices, { recipient, actsIn }, t)) messages.push(cardMessage(c));
        break;
      case 'file': {
        const { body: named, consent } = fileReplies(reply, t, personal);
        add(named);
        if (consent) {
          flush();
          messages.push(consent);
        }
        break;
      }
    }
  }
  flush();
  return messages;
}
