/**
 * Handled requests in the database (see the RequestLog port): recorded with their replies in the turn's own
 * transaction, so a request is either handled and recorded, or neither.
 */
import { DuplicateRequestError, type RequestLog, type TurnStart } from '../core/ports.ts';
import type { Reply } from '../core/reply.ts';
import { roleSchema, type PersonView } from '../core/roles.ts';
import type { FlowStates } from './flow-states.ts';
import type { Db } from './prisma-client.ts';
import type { RawSql } from './raw-sql.ts';

/** One row per active role grant (at least one row): the request, the person, their flow here. */
interface StartRow {
  replayed: string | null;
  address: string | null;
  personId: number | null;
  displayName: string | null;
  locale: string | null;
  platformLocale: string | null;
  grantId: number | null;
  role: string | null;
  country: string | null;
  companyId: number | null;
  flow: string | null;
  state: string | null;
  expiresAt: Date | null;
  version: number | null;
}

export function createPrismaRequestLog(db: Db, sql: RawSql, flowStates: FlowStates): RequestLog {
  return {
    async begin({ requestKey, identityKey, conversationKey }) {
      // Everything a turn starts from in one statement (it runs before every turn).
      const rows = await sql.query<StartRow>`
        SELECT pr."replies" AS "replayed", i."address" AS "address",
               p."id" AS "personId", p."displayName" AS "displayName", p."locale" AS "locale",
               p."platformLocale" AS "platformLocale",
               g."id" AS "grantId", g."role" AS "role", g."country" AS "country", g."companyId" AS "companyId",
               cs."flow" AS "flow", cs."state" AS "state", cs."expiresAt" AS "expiresAt", cs."version" AS "version"
        FROM (SELECT 1 AS "one") AS "start"
        LEFT JOIN "ProcessedRequest" pr ON pr."key" = ${requestKey}
        LEFT JOIN "Identity" i ON i."key" = ${identityKey}
        LEFT JOIN "Person" p ON p."id" = i."personId"
        LEFT JOIN "ConversationState" cs ON cs."identityKey" = ${identityKey} AND cs."conversationKey" = ${conversationKey}
        LEFT JOIN "RoleGrant" g ON g."personId" = p."id" AND g."revokedAt" IS NULL
        ORDER BY g."id"`;
      const first = rows[0]!;
      flowStates.remember(identityKey, conversationKey, {
        value:
          first.flow !== null && first.state !== null && first.expiresAt !== null
            ? { flow: first.flow, state: first.state, expiresAt: first.expiresAt }
            : null,
        version: first.version,
      });
      return {
        replayed: first.replayed === null ? null : (JSON.parse(first.replayed) as Reply[]),
        person: personOf(rows),
        address: first.address,
      } satisfies TurnStart;
    },

    async record(requestKey, replies, at) {
      const inserted = await sql.query<{ key: string }>`
        INSERT INTO "ProcessedRequest" ("key", "replies", "createdAt") VALUES (${requestKey}, ${JSON.stringify(replies)}, ${at})
        ON CONFLICT ("key") DO NOTHING RETURNING "key"`;
      if (inserted.length === 0) throw new DuplicateRequestError(requestKey);
    },

    async repliesOf(requestKey) {
      const row = await db.processedRequest.findUnique({ where: { key: requestKey }, select: { replies: true } });
      return row?.replies ? (JSON.parse(row.replies) as Reply[]) : null;
    },

    async purgeBefore(before) {
      return (await db.processedRequest.deleteMany({ where: { createdAt: { lt: before } } })).count;
    },
  };
}

function personOf(rows: StartRow[]): PersonView | null {
  const first = rows[0]!;
  if (first.personId === null) return null;
  return {
    id: first.personId,
    displayName: first.displayName ?? '',
    locale: first.locale,
    platformLocale: first.platformLocale,
    roles: rows.flatMap((r) =>
      r.grantId === null ? [] : [{ id: r.grantId, role: roleSchema.parse(r.role), country: r.country ?? '', companyId: r.companyId }],
    ),
  };
}
