/**
 * Who a staff command names: a mention as the platform passes it, or an explicit identity key.
 * Slack sends mentions as `<@U123>` (the team is the staff member's own); the Teams adapter may pass the
 * mentioned user's AAD object id; an identity key (`slack:T1:U1`, `teams:<tenant>:<id>`, `console:bob`)
 * is accepted everywhere.
 */
import { platformSchema, type Platform } from '../core/inbound.ts';
import type { IdentityInput } from '../core/ports.ts';

export type IdentityRefResult = { ok: true; identity: IdentityInput } | { ok: false };

const slackMention = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
const slackUserId = /^[UW][A-Z0-9]{2,}$/;
const aadObjectId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fromKey(key: string): IdentityRefResult {
  const parts = key.split(':');
  const platform = platformSchema.safeParse(parts[0]);
  if (!platform.success || parts.some((p) => p === '')) return { ok: false };
  const expected = platform.data === 'console' ? 2 : 3;
  if (parts.length !== expected) return { ok: false };
  return { ok: true, identity: { key, platform: platform.data, tenant: expected === 3 ? parts[1]! : '', userId: parts.at(-1)! } };
}

/** The identity named by `word`, as seen by a staff member whose own identity is `actorKey`. */
export function parseIdentityRef(word: string, actor: { key: string; platform: Platform }): IdentityRefResult {
  const w = word.normalize('NFKC').trim();
  if (w.includes(':') && !w.startsWith('<')) return fromKey(w);
  const actorTenant = actor.key.split(':')[1] ?? '';
  const mention = slackMention.exec(w);
  if (mention && actor.platform === 'slack') return fromKey(`slack:${actorTenant}:${mention[1]}`);
  if (slackUserId.test(w) && actor.platform === 'slack') return fromKey(`slack:${actorTenant}:${w}`);
  if (aadObjectId.test(w) && actor.platform === 'teams') return fromKey(`teams:${actorTenant}:${w.toLowerCase()}`);
  // In the terminal a bare name (or @name) is the console user of that name.
  if (actor.platform === 'console' && /^@?[\w.-]+$/.test(w)) return fromKey(`console:${w.replace(/^@/, '')}`);
  return { ok: false };
}
