/**
 * The core's neutral replies as Block Kit. Everything that is not ours (names, notes, labels) is escaped,
 * and mrkdwn is `verbatim` so Slack does not turn a typed `@channel` or `#general` into a mention or link.
 * Replies are grouped into messages: consecutive replies that are ephemeral or private (or not) go together, within
 * Slack's 50 blocks per message; files are sent separately (files.uploadV2).
 */
import type { types } from '@slack/bolt';
import type { Choice, Fact, Meter, Reply } from '../../src/core/reply.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';

export type Block = types.KnownBlock;

export interface SlackMessage {
  /** Notification and accessibility fallback (mrkdwn, escaped). */
  text: string;
  blocks: Block[];
  /** Meant for the person who asked only: errors, hints and private replies (see src/core/privacy.ts). */
  ephemeral: boolean;
}

export interface SlackFile {
  filename: string;
  title: string;
  content: string;
}

export interface RenderedReplies {
  messages: SlackMessage[];
  files: SlackFile[];
}

/** Slack's limits (Block Kit reference). */
export const limits = {
  blocksPerMessage: 50,
  blocksPerHomeView: 100,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  buttonsPerActions: 25,
  buttonText: 75,
  buttonValue: 2000,
  fallbackText: 3000,
} as const;

/** Every button the adapter renders has an action id with this prefix; the click listener matches it. */
export const actionIdPrefix = 'desk-';
/** Block ids of the actions blocks of one choice set: `desk-choices-<set>-<chunk>`. */
const choicesBlockPrefix = 'desk-choices-';

export function renderReplies(replies: Reply[]): RenderedReplies {
  const messages: SlackMessage[] = [];
  const files: SlackFile[] = [];
  const counter = { sets: 0 };
  for (const reply of replies) {
    if (reply.kind === 'file') {
      files.push({ filename: reply.filename, title: reply.title, content: reply.content });
      continue;
    }
    // Private replies (staff answers, company data asked in a channel) are shown to the asker alone, as errors are.
    const ephemeral = reply.kind === 'error' || reply.ephemeral === true || reply.private === true;
    const blocks = blocksOf(reply, counter);
    const last = messages.at(-1);
    if (last && last.ephemeral === ephemeral && last.blocks.length + blocks.length <= limits.blocksPerMessage) {
      last.blocks.push(...blocks);
      last.text = fallbackText(`${last.text}\n${summaryOf(reply)}`);
      continue;
    }
    // A reply of more blocks than a message holds continues in further messages: nothing is dropped.
    for (let from = 0; from < blocks.length; from += limits.blocksPerMessage)
      messages.push({ ephemeral, blocks: blocks.slice(from, from + limits.blocksPerMessage), text: fallbackText(summaryOf(reply)) });
  }
  return { messages, files };
}

/**
 * All replies as one list of blocks (App Home), files left out. Beyond `maxBlocks`, the last block says how
 * many replies are not shown (`more` words it in the reader's language).
 */
export function renderBlocks(replies: Reply[], maxBlocks: number, more: (count: number) => string): Block[] {
  const counter = { sets: 0 };
  const perReply = replies.flatMap((r) => (r.kind === 'file' ? [] : [blocksOf(r, counter)]));
  const all = perReply.flat();
  if (all.length <= maxBlocks) return all;
  const shown: Block[] = [];
  let omitted = 0;
  for (const blocks of perReply) {
    const room = maxBlocks - 1 - shown.length;
    if (blocks.length <= room) shown.push(...blocks);
    else {
      // A reply cut short counts as not shown (its list goes on).
      if (room > 0) shown.push(...blocks.slice(0, room));
      omitted++;
    }
  }
  return [...shown, ...textSections(escapeMrkdwn(more(omitted)))];
}

/** A section of escaped text, split into several when it is over Slack's section limit. */
export function textSections(escaped: string): Block[] {
  return splitText(escaped, limits.sectionText).map((chunk) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: chunk, verbatim: true },
  }));
}

/** A text bar for a meter: `█████░░░░░`. */
export function meterBar(used: number, total: number, width = 20): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, used / total)) : 0;
  const filled = Math.round(ratio * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

/** The block id prefix shared by all actions blocks of the choice set a block belongs to, or undefined. */
export function choiceSetOf(blockId: string | undefined): string | undefined {
  if (!blockId?.startsWith(choicesBlockPrefix)) return undefined;
  return blockId.replace(/-\d+$/, '');
}

function blocksOf(reply: Exclude<Reply, { kind: 'file' }>, counter: { sets: number }): Block[] {
  switch (reply.kind) {
    case 'text':
      return textSections(escapeMrkdwn(reply.text));
    case 'error':
      return textSections(`:warning: ${escapeMrkdwn(reply.text)}`);
    case 'choices':
      return [...(reply.text.trim() ? textSections(escapeMrkdwn(reply.text)) : []), ...actionsBlocks(reply.choices, ++counter.sets)];
    case 'facts':
      return factsBlocks(reply.title, reply.facts, reply.meters ?? []);
  }
}

function actionsBlocks(choices: Choice[], set: number): Block[] {
  const usable = choices.filter((c) => c.value.length <= limits.buttonValue);
  const blocks: Block[] = [];
  for (let from = 0, chunk = 0; from < usable.length; from += limits.buttonsPerActions, chunk++) {
    blocks.push({
      type: 'actions',
      block_id: `${choicesBlockPrefix}${set}-${chunk}`,
      elements: usable.slice(from, from + limits.buttonsPerActions).map((c, i) => ({
        type: 'button',
        action_id: `${actionIdPrefix}${set}-${from + i}`,
        text: { type: 'plain_text', text: truncate(c.label, limits.buttonText), emoji: true },
        value: c.value,
        ...(c.style ? { style: c.style } : {}),
      })),
    });
  }
  return blocks;
}

function factsBlocks(title: string, facts: Fact[], meters: Meter[]): Block[] {
  const blocks: Block[] = [...textSections(`*${escapeMrkdwn(title)}*`)];
  for (let from = 0; from < facts.length; from += limits.fieldsPerSection) {
    blocks.push({
      type: 'section',
      fields: facts.slice(from, from + limits.fieldsPerSection).map((f) => ({
        type: 'mrkdwn',
        text: truncate(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, limits.fieldText),
        verbatim: true,
      })),
    });
  }
  if (meters.length > 0) {
    const lines = meters.map((m) => `*${escapeMrkdwn(m.label)}*\n\`${meterBar(m.used, m.total)}\` ${escapeMrkdwn(m.caption)}`);
    blocks.push(...textSections(lines.join('\n')));
  }
  return blocks;
}

function summaryOf(reply: Exclude<Reply, { kind: 'file' }>): string {
  switch (reply.kind) {
    case 'text':
    case 'choices':
      return escapeMrkdwn(reply.text);
    case 'error':
      return `:warning: ${escapeMrkdwn(reply.text)}`;
    case 'facts':
      return escapeMrkdwn(reply.title);
  }
}

function fallbackText(text: string): string {
  return truncate(text, limits.fallbackText);
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${withoutBrokenEntity(text.slice(0, max - 1))}…`;
}

/** Splits at line ends where possible, never inside an `&amp;`-style entity. */
function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const newline = rest.lastIndexOf('\n', max);
    const cut = newline > 0 ? newline : withoutBrokenEntity(rest.slice(0, max)).length;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(newline > 0 ? cut + 1 : cut);
  }
  chunks.push(rest === '' && chunks.length === 0 ? ' ' : rest);
  return chunks.filter((c) => c !== '');
}

function withoutBrokenEntity(slice: string): string {
  const amp = slice.lastIndexOf('&');
  return amp >= 0 && amp > slice.length - 5 && !slice.slice(amp).includes(';') ? slice.slice(0, amp) : slice;
}
