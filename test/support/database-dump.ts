/** Every row of every table, in a stable order: to compare the database before and after something. */
import type { PrismaClient } from '../../src/db/prisma-client.ts';

export async function dumpDatabase(prisma: PrismaClient): Promise<Record<string, unknown[]>> {
  const byId = { orderBy: { id: 'asc' as const } };
  return {
    person: await prisma.person.findMany(byId),
    identity: await prisma.identity.findMany({ orderBy: { key: 'asc' } }),
    roleGrant: await prisma.roleGrant.findMany(byId),
    company: await prisma.company.findMany(byId),
    application: await prisma.application.findMany(byId),
    assignment: await prisma.assignment.findMany(byId),
    hourEntry: await prisma.hourEntry.findMany(byId),
    slot: await prisma.slot.findMany(byId),
    booking: await prisma.booking.findMany(byId),
    conversationState: await prisma.conversationState.findMany(byId),
    processedRequest: await prisma.processedRequest.findMany({ orderBy: { key: 'asc' } }),
    outbox: await prisma.outbox.findMany(byId),
    auditLog: await prisma.auditLog.findMany(byId),
  };
}
