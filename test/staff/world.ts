/**
 * A small program for staff tests on the real bot: staff alice, expert bob (Thailand), applicant carol of
 * Acme Co., Ltd., and zed who holds no role. Applications are created directly (the eligibility flow is
 * tested elsewhere) and moved along the pipeline with the real use case.
 */
import type { StatementProbe } from '../../src/db/statement-probe.ts';
import type { ApplicationView } from '../../src/applications/application.ts';
import { applyPipelineEvent } from '../../src/applications/transitions.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { Program } from '../../src/program/program-schema.ts';
import { renderText } from '../../adapters/console/render-text.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';

export type Stage = 'applied' | 'received' | 'screening' | 'adopted' | 'closed';
const path: Record<Stage, ('receive' | 'screen' | 'adopt' | 'close')[]> = {
  applied: [],
  received: ['receive'],
  screening: ['receive', 'screen'],
  adopted: ['receive', 'screen', 'adopt'],
  closed: ['receive', 'screen', 'adopt', 'close'],
};

export interface World {
  tb: TestBot;
  ids: { alice: number; bob: number; carol: number; zed: number };
  acmeId: number;
  /** A new application of `company` for `country` by `applicant` (a console user), moved to `stage`. */
  apply(opts?: { company?: string; country?: string; applicant?: string; stage?: Stage; pastTarget?: boolean }): Promise<ApplicationView>;
  advance(id: number, stage: Stage): Promise<ApplicationView>;
  /** The notifications queued for a console user, as the console shows them. */
  outboxTexts(user: string): Promise<string[]>;
  audit(action?: string): Promise<{ actorId: number | null; action: string; subjectId: string; details: Record<string, unknown> }[]>;
  get(id: number): Promise<ApplicationView>;
  close(): Promise<void>;
}

export async function createWorld(opts: { program?: Program; now?: string; probe?: StatementProbe } = {}): Promise<World> {
  const tb = await createTestBot({ program: opts.program, now: opts.now, probe: opts.probe });
  const { services } = tb;
  const ids = {
    alice: await tb.grant('alice', 'staff'),
    bob: await tb.grant('bob', 'expert', { country: 'th' }),
    carol: await tb.personId('carol'),
    zed: await tb.personId('zed'),
  };
  const acme = await services.applications.findOrCreateCompany('Acme Co., Ltd.');
  await services.people.grantRole({ personId: ids.carol, role: 'applicant', companyId: acme.id });

  const advanceFrom = async (a: ApplicationView, stage: Stage, pastTarget = false): Promise<ApplicationView> => {
    let current = a;
    const done = path[current.status as Stage]?.length ?? 0;
    for (const event of path[stage].slice(done)) {
      const outcome = await applyPipelineEvent(services, { id: current.id, event, actorId: ids.alice, at: tb.clock.now(), pastTarget });
      if (!outcome.ok) throw new Error(`cannot ${event} #${current.id}: ${outcome.code}`);
      current = outcome.application;
    }
    return current;
  };

  return {
    tb,
    ids,
    acmeId: acme.id,
    async apply(o = {}) {
      const company = await services.applications.findOrCreateCompany(o.company ?? 'Acme Co., Ltd.');
      const applicantId = await tb.personId(o.applicant ?? 'carol');
      if (o.applicant && o.applicant !== 'carol')
        await services.people.grantRole({ personId: applicantId, role: 'applicant', companyId: company.id });
      const created = await services.applications.create({
        companyId: company.id,
        country: o.country ?? 'th',
        applicantId,
        answers: {},
        priorUseMinutes: 0,
        appliedAt: tb.clock.now(),
      });
      if (!created.created) throw new Error('application exists');
      return advanceFrom(created.application, o.stage ?? 'applied', o.pastTarget);
    },
    async advance(id, stage) {
      return advanceFrom((await services.applications.get(id))!, stage);
    },
    async outboxTexts(user) {
      const personId = await tb.personId(user);
      const rows = await tb.db.prisma.outbox.findMany({ where: { personId }, orderBy: { id: 'asc' } });
      return rows.map((r) => renderText(JSON.parse(r.replies) as Reply[]).text);
    },
    async audit(action) {
      const rows = await tb.db.prisma.auditLog.findMany({ where: action ? { action } : {}, orderBy: { id: 'asc' } });
      return rows.map((r) => ({
        actorId: r.actorId,
        action: r.action,
        subjectId: r.subjectId,
        details: JSON.parse(r.details) as Record<string, unknown>,
      }));
    },
    async get(id) {
      return (await services.applications.get(id))!;
    },
    close: () => tb.close(),
  };
}

/** The first reply of a kind, for assertions. */
export function replyOf<K extends Reply['kind']>(replies: Reply[], kind: K): Extract<Reply, { kind: K }> | undefined {
  return replies.find((r): r is Extract<Reply, { kind: K }> => r.kind === kind);
}
