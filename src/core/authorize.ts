/** Role checks for commands: a refusal names the role needed and is recorded in the audit log. */
import { error, type Reply } from './reply.ts';
import type { Role } from './roles.ts';
import type { Turn } from './turn.ts';

/**
 * Returns undefined when the person holds one of `roles` (optionally for `country`), else the refusal to
 * send back. Usage: `const denied = await requireRole(turn, ['staff'], 'quota'); if (denied) return denied;`
 */
export async function requireRole(
  turn: Turn,
  roles: readonly Role[],
  action: string,
  scope: { country?: string } = {},
): Promise<Reply[] | undefined> {
  const ok = turn.person.roles.some(
    (g) => roles.includes(g.role) && (scope.country === undefined || g.role !== 'expert' || g.country === scope.country),
  );
  if (ok) return undefined;
  return deny(turn, roles, action, scope);
}

/** Records and words a refusal (also for scope checks done by the feature itself). */
export async function deny(turn: Turn, roles: readonly Role[], action: string, details: Record<string, unknown> = {}): Promise<Reply[]> {
  await turn.services.audit.record({
    actorId: turn.person.id,
    action: 'access.denied',
    subjectType: 'command',
    subjectId: action,
    details: { needed: roles, ...details },
  });
  const names = roles.map((r) => turn.t(`core.role.${r}`)).join(' / ');
  return [error('forbidden', turn.t('core.forbidden', { role: names }))];
}
