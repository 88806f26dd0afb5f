/**
 * Checks what the Teams adapter sends against the platform's rules: every Adaptive Card against the
 * official 1.5 JSON schema (test/teams/adaptive-card-schema, draft-06, validated with ajv), the card version,
 * and the size of each message activity against Teams' limit (about 28 KB per message, addressing included).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import addFormats from 'ajv-formats';
import { adaptiveCardContentType, type OutgoingMessage } from '../../../adapters/teams/render-card.ts';

const schemaFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'adaptive-card-schema', 'adaptive-card.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { id: string; definitions: Record<string, { version?: string }> };

/** Teams rejects a message whose activity is larger than about 28 KB ("Message too large"). */
export const teamsMessageLimitBytes = 28 * 1024;

// strict: false: the schema carries its own annotations (`version`, `features`). Its root names itself with the
// draft-04 keyword `id`, which ajv reads as `$id` only: renamed here, the file itself is kept unchanged.
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addMetaSchema(draft06);
addFormats(ajv);
const { id, ...definitionsAndRoot } = schema;
const validate = ajv.compile({ $id: id, ...definitionsAndRoot });

/** The schema's problems with one card (empty when it is a valid Adaptive Card 1.5). */
export function cardProblems(content: unknown): string[] {
  const problems: string[] = [];
  const card = content as Record<string, unknown>;
  if (card?.version !== '1.5') problems.push(`version ${String(card?.version)}, not 1.5`);
  // `msteams` is Teams' documented host property (full-width cards), outside the Adaptive Card schema.
  const { msteams, ...rest } = card ?? {};
  if (msteams !== undefined && JSON.stringify(msteams) !== JSON.stringify({ width: 'Full' }))
    problems.push(`msteams ${JSON.stringify(msteams)}`);
  if (!validate(rest))
    problems.push(...(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`));
  problems.push(...unknownTypes(rest));
  return problems;
}

/** Element and action types the 1.5 schema does not define or defines for a later version (ignored silently by Teams). */
function unknownTypes(node: unknown, at = ''): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => unknownTypes(n, `${at}/${i}`));
  if (!node || typeof node !== 'object') return [];
  const problems: string[] = [];
  const type = (node as Record<string, unknown>).type;
  if (typeof type === 'string' && at !== '') {
    const definition = schema.definitions[type];
    if (!definition) problems.push(`${at}: ${type} is not an Adaptive Card 1.5 element`);
    else if (definition.version && Number(definition.version) > 1.5) problems.push(`${at}: ${type} needs version ${definition.version}`);
  }
  for (const [key, value] of Object.entries(node)) if (key !== 'data') problems.push(...unknownTypes(value, `${at}/${key}`));
  return problems;
}

/**
 * The activity as the Bot Connector receives it: the message plus the addressing botbuilder adds (ids of
 * the length Teams uses), so that its size is what Teams measures.
 */
export function activityOf(message: OutgoingMessage): Record<string, unknown> {
  const id = (prefix: string) => `${prefix}:${'x'.repeat(88)}`;
  return {
    ...message,
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/apac/00000000-0000-0000-0000-000000000000/',
    from: { id: id('28'), name: 'JETRO desk' },
    recipient: { id: id('29'), name: 'Some Person With A Long Display Name', aadObjectId: '00000000-0000-0000-0000-000000000000' },
    conversation: { id: id('a'), conversationType: 'personal', tenantId: '00000000-0000-0000-0000-000000000000' },
    replyToId: '1:1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    locale: 'ja-JP',
    inputHint: 'acceptingInput',
  };
}

export const activityBytes = (message: OutgoingMessage): number => Buffer.byteLength(JSON.stringify(activityOf(message)), 'utf8');

/** Every problem of one outgoing message: its cards and its size. */
export function messageProblems(message: OutgoingMessage): string[] {
  const problems: string[] = [];
  const bytes = activityBytes(message);
  if (bytes > teamsMessageLimitBytes) problems.push(`activity of ${bytes} bytes, over Teams' ${teamsMessageLimitBytes}`);
  if (message.attachments.length === 0) problems.push('no attachment');
  for (const a of message.attachments) if (a.contentType === adaptiveCardContentType) problems.push(...cardProblems(a.content));
  return problems;
}
