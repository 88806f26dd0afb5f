/** The audit log in the database: every state change with who, when and what. */
import type { AuditLog } from '../core/ports.ts';
import type { Clock } from '../core/clock.ts';
import type { PrismaClient } from './prisma-client.ts';

export function createAuditLog(db: PrismaClient, clock: Clock): AuditLog {
  return {
    async record(entry) {
      await db.auditLog.create({
        data: {
          at: clock.now(),
          actorId: entry.actorId,
          action: entry.action,
          subjectType: entry.subjectType ?? '',
          subjectId: entry.subjectId === undefined ? '' : String(entry.subjectId),
          details: JSON.stringify(entry.details ?? {}),
        },
      });
    },
  };
}
