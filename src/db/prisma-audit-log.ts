/** The audit log in the database: every state change with who, when and what, written in the turn's transaction. */
import type { AuditLog } from '../core/ports.ts';
import type { Clock } from '../core/clock.ts';
import type { RawSql } from './raw-sql.ts';

export function createPrismaAuditLog(sql: RawSql, clock: Clock): AuditLog {
  return {
    async record(entry) {
      // Raw: an audit row is written by most turns, and the model layer costs as much as the statement.
      await sql.execute`
        INSERT INTO "AuditLog" ("at", "actorId", "action", "subjectType", "subjectId", "details")
        VALUES (${clock.now()}, ${entry.actorId}, ${entry.action}, ${entry.subjectType ?? ''}, ${entry.subjectId === undefined ? '' : String(entry.subjectId)}, ${JSON.stringify(entry.details ?? {})})`;
    },
  };
}
