/** Flow state per person and conversation, in the database (survives restarts, shared by instances). */
import type { ConversationStateRepository } from '../core/ports.ts';
import type { PrismaClient } from './prisma-client.ts';

export function createConversationStateRepository(db: PrismaClient): ConversationStateRepository {
  const where = (identityKey: string, conversationKey: string) => ({ identityKey_conversationKey: { identityKey, conversationKey } });
  return {
    async get(identityKey, conversationKey) {
      const row = await db.conversationState.findUnique({ where: where(identityKey, conversationKey) });
      return row ? { flow: row.flow, state: row.state, expiresAt: row.expiresAt } : null;
    },
    async save(identityKey, conversationKey, value) {
      await db.conversationState.upsert({
        where: where(identityKey, conversationKey),
        create: { identityKey, conversationKey, ...value },
        update: value,
      });
    },
    async delete(identityKey, conversationKey) {
      await db.conversationState.deleteMany({ where: { identityKey, conversationKey } });
    },
    async purgeExpired(before) {
      return (await db.conversationState.deleteMany({ where: { expiresAt: { lt: before } } })).count;
    },
  };
}
