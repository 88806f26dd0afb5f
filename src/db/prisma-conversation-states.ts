/**
 * Flow state per person and conversation, in the database (survives restarts, shared by instances).
 * A state this unit of work has read is written back only if its row is still the version read (see
 * flow-states.ts); a conflict rolls the turn back and it runs again.
 */
import type { ConversationStateRepository, StoredFlowState } from '../core/ports.ts';
import { TurnConflictError } from '../core/unit-of-work.ts';
import type { FlowStates } from './flow-states.ts';
import type { Db } from './prisma-client.ts';
import type { RawSql } from './raw-sql.ts';

export function createPrismaConversationStates(db: Db, sql: RawSql, flowStates: FlowStates): ConversationStateRepository {
  const read = async (identityKey: string, conversationKey: string) => {
    const known = flowStates.get(identityKey, conversationKey);
    if (known) return known;
    const row = await db.conversationState.findUnique({ where: { identityKey_conversationKey: { identityKey, conversationKey } } });
    const state = { value: row ? { flow: row.flow, state: row.state, expiresAt: row.expiresAt } : null, version: row?.version ?? null };
    flowStates.remember(identityKey, conversationKey, state);
    return state;
  };

  return {
    async get(identityKey, conversationKey) {
      return (await read(identityKey, conversationKey)).value;
    },

    async save(identityKey, conversationKey, value: StoredFlowState) {
      const { version } = await read(identityKey, conversationKey);
      const now = new Date();
      if (version === null) {
        const created = await sql.query<{ version: number }>`
          INSERT INTO "ConversationState" ("identityKey", "conversationKey", "flow", "state", "expiresAt", "updatedAt", "version")
          VALUES (${identityKey}, ${conversationKey}, ${value.flow}, ${value.state}, ${value.expiresAt}, ${now}, 0)
          ON CONFLICT ("identityKey", "conversationKey") DO NOTHING RETURNING "version"`;
        if (created.length === 0) throw new TurnConflictError('flow state created by another turn');
        flowStates.remember(identityKey, conversationKey, { value, version: 0 });
        return;
      }
      const changed = await sql.execute`
        UPDATE "ConversationState" SET "flow" = ${value.flow}, "state" = ${value.state}, "expiresAt" = ${value.expiresAt}, "updatedAt" = ${now}, "version" = "version" + 1
        WHERE "identityKey" = ${identityKey} AND "conversationKey" = ${conversationKey} AND "version" = ${version}`;
      if (changed !== 1) throw new TurnConflictError('flow state changed by another turn');
      flowStates.remember(identityKey, conversationKey, { value, version: version + 1 });
    },

    async delete(identityKey, conversationKey) {
      const { version } = await read(identityKey, conversationKey);
      if (version === null) return;
      const removed = await sql.execute`
        DELETE FROM "ConversationState" WHERE "identityKey" = ${identityKey} AND "conversationKey" = ${conversationKey} AND "version" = ${version}`;
      if (removed !== 1) throw new TurnConflictError('flow state changed by another turn');
      flowStates.remember(identityKey, conversationKey, { value: null, version: null });
    },

    async purgeExpired(before) {
      return (await db.conversationState.deleteMany({ where: { expiresAt: { lt: before } } })).count;
    },
  };
}
