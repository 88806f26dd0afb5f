/** The pipeline state machine (pure): which steps are valid from which status, and what they stamp. */
import { describe, expect, it } from 'vitest';
import { applicationStatusSchema, type ApplicationStatus } from '../../src/applications/application.ts';
import { checkTransition, nextEvents, pipelineEvents, stampsOf, type PipelineEvent } from '../../src/applications/pipeline.ts';

const valid: [ApplicationStatus, PipelineEvent, ApplicationStatus][] = [
  ['applied', 'receive', 'received'],
  ['received', 'screen', 'screening'],
  ['screening', 'adopt', 'adopted'],
  ['received', 'reject', 'rejected'],
  ['screening', 'reject', 'rejected'],
  ['applied', 'withdraw', 'withdrawn'],
  ['received', 'withdraw', 'withdrawn'],
  ['screening', 'withdraw', 'withdrawn'],
  ['adopted', 'close', 'closed'],
];

describe('pipeline state machine', () => {
  it.each(valid)('%s --%s--> %s', (from, event, to) => {
    expect(checkTransition(from, event)).toEqual({ ok: true, to });
  });

  // Every other (status, event) pair is refused, with a code and what was tried.
  const invalid = applicationStatusSchema.options.flatMap((from) =>
    pipelineEvents.filter((event) => !valid.some(([f, e]) => f === from && e === event)).map((event) => [from, event] as const),
  );
  it.each(invalid)('%s refuses %s', (from, event) => {
    expect(checkTransition(from, event)).toEqual({ ok: false, code: 'invalid_transition', from, event });
  });

  it('has no way out of rejected, withdrawn and closed, and cannot skip screening', () => {
    for (const s of ['rejected', 'withdrawn', 'closed'] as const) {
      expect(nextEvents(s, 'staff')).toEqual([]);
      expect(nextEvents(s, 'applicant')).toEqual([]);
    }
    expect(checkTransition('applied', 'adopt').ok).toBe(false);
    expect(checkTransition('received', 'adopt').ok).toBe(false);
    expect(checkTransition('adopted', 'reject').ok).toBe(false);
  });

  it('offers staff and applicants only their own next steps, in pipeline order', () => {
    expect(nextEvents('applied', 'staff')).toEqual(['receive']);
    expect(nextEvents('received', 'staff')).toEqual(['screen', 'reject']);
    expect(nextEvents('screening', 'staff')).toEqual(['adopt', 'reject']);
    expect(nextEvents('adopted', 'staff')).toEqual(['close']);
    expect(nextEvents('screening', 'applicant')).toEqual(['withdraw']);
    expect(nextEvents('adopted', 'applicant')).toEqual([]);
  });

  it('stamps the time of each step; adoption starts the support period', () => {
    const at = new Date('2021-09-01T01:00:00Z');
    expect(stampsOf('receive', at)).toEqual({ receivedAt: at });
    expect(stampsOf('screen', at)).toEqual({ screeningAt: at });
    expect(stampsOf('adopt', at)).toEqual({ decidedAt: at, adoptedAt: at });
    expect(stampsOf('reject', at)).toEqual({ decidedAt: at });
    expect(stampsOf('close', at)).toEqual({ closedAt: at });
  });
});
