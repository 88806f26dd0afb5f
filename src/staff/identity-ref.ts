/**
 * Who a staff command names: a person the platform mentioned (the adapter passes mentions as neutral data
 * on the Inbound: Slack `<@U…>`, Teams mention entities), or an explicit identity key (`slack:T1:U1`,
 * `teams:<tenant>:<aadObjectId>`, `console:bob`), accepted everywhere. Shorthands of the staff member's own
 * platform: a bare Slack user id (`U123`, their workspace), a bare AAD object id (their tenant), and in the
 * terminal a name (`bob`, `@bob`).
 */
import { platformSchema, type MentionInput, type Platform } from '../core/inbound.ts';
import type { IdentityInput } from '../core/ports.ts';

export type IdentityRefResult = { ok: true; identity: IdentityInput } | { ok: false };

const slackUserId = /^[UW][A-Z0-9]{2,}$/;
const aadObjectId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fromKey(key: string): IdentityRefResult {
  const parts = key.split(':');
  const platform = platformSchema.safeParse(parts[0]);
  if (!platform.success || parts.some((p) => p === '')) return { ok: false };
  const expected = platform.data === 'console' ? 2 : 3;
  if (parts.length !== expected) return { ok: false };
  const userId = parts.at(-1)!;
  // A terminal user is named by their user name (as `npm run chat -- --user <name>` names them).
  const named = platform.data === 'console' ? { displayName: userId, displayNameIsHint: true } : {};
  return { ok: true, identity: { key, platform: platform.data, tenant: expected === 3 ? parts[1]! : '', userId, ...named } };
}

/** The identity named by `word`, in the message `inbound` (whose mentions and sender it reads). */
export function parseIdentityRef(
  word: string,
  inbound: { platform: Platform; identity: { key: string }; mentions?: readonly MentionInput[] },
): IdentityRefResult {
  const w = word.normalize('NFKC').trim();
  const mentioned = (inbound.mentions ?? []).filter((m) => m.text.normalize('NFKC') === w);
  // Two different people behind the same word cannot be told apart: neither is taken.
  if (new Set(mentioned.map((m) => m.identity.key)).size === 1) {
    const { key, tenant, userId, displayName, displayNameVerified } = mentioned[0]!.identity;
    // A mention's label is the platform's, but it names someone else: it may name a new person, not rename one,
    // unless the platform itself vouched for the name (the adapter asked it).
    return {
      ok: true,
      identity: {
        key,
        platform: inbound.platform,
        tenant: tenant ?? '',
        userId,
        ...(displayName ? { displayName, displayNameIsHint: !displayNameVerified } : {}),
      },
    };
  }
  if (mentioned.length > 1) return { ok: false };
  if (w.includes(':')) return fromKey(w);
  const actor = { key: inbound.identity.key, platform: inbound.platform };
  const actorTenant = actor.key.split(':')[1] ?? '';
  if (slackUserId.test(w) && actor.platform === 'slack') return fromKey(`slack:${actorTenant}:${w}`);
  if (aadObjectId.test(w) && actor.platform === 'teams') return fromKey(`teams:${actorTenant}:${w.toLowerCase()}`);
  // In the terminal a bare name (or @name) is the console user of that name.
  if (actor.platform === 'console' && /^@?[\w.-]+$/.test(w)) return fromKey(`console:${w.replace(/^@/, '')}`);
  return { ok: false };
}
