/**
 * A request whose handler died half-way (SIGKILL after Bot.handle claimed its idempotency key, before it
 * stored the replies) must not be swallowed forever: once the claim is older than the stale threshold,
 * exactly one taker handles it again. Handling it again is safe because the features guard their effects
 * with the request key: the hours entry and the booking made before the crash are found, not made twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundInput } from '../../src/core/inbound.ts';
import type { Reply } from '../../src/core/reply.ts';
import { createProcessedRequestRepository } from '../../src/db/processed-request-repository.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { engagement, usedMinutes } from '../hours/engagements.ts';
import { addSlot, bookableEngagement, outboxFor } from '../booking/fixtures.ts';

let tb: TestBot;
afterEach(() => tb.close());

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

/** The state a crash leaves after the claim: the key claimed `minutes` ago, no replies stored. */
async function leaveClaimHalfDone(key: string, minutes: number): Promise<void> {
  await tb.db.prisma.processedRequest.upsert({
    where: { key },
    create: { key, createdAt: minutesAgo(minutes) },
    update: { replies: null, createdAt: minutesAgo(minutes) },
  });
}

function typed(user: string, text: string, key: string): InboundInput {
  return { platform: 'console', identity: { key: `console:${user}`, userId: user, displayName: user }, conversation: { key: `console:${user}`, isDirect: true }, text, idempotencyKey: key };
}

function clicked(user: string, replies: Reply[], label: string, key: string): InboundInput {
  const choice = replies.flatMap((r) => (r.kind === 'choices' ? r.choices : [])).find((c) => c.label.includes(label));
  if (!choice) throw new Error(`no choice "${label}" in ${tb.textOf(replies)}`);
  return { platform: 'console', identity: { key: `console:${user}`, userId: user, displayName: user }, conversation: { key: `console:${user}`, isDirect: true }, action: choice.value, idempotencyKey: key };
}

describe('ProcessedRequestRepository.claim', () => {
  it('leaves a recent unfinished claim alone, and lets exactly one of several takers have a stale one', async () => {
    tb = await createTestBot();
    let now = new Date('2030-01-01T00:00:00Z');
    const requests = createProcessedRequestRepository(tb.db.prisma, { staleAfterMs: 120_000, now: () => now });
    expect(await requests.claim('k')).toEqual({ claimed: true });

    // Still being handled (or not stale yet): a duplicate without replies.
    now = new Date(now.getTime() + 119_000);
    expect(await requests.claim('k')).toEqual({ claimed: false, replies: null });

    // Stale: five takers at once (several instances recovering), one wins.
    now = new Date(now.getTime() + 2_000);
    const takers = await Promise.all(Array.from({ length: 5 }, () => requests.claim('k')));
    expect(takers.filter((t) => t.claimed)).toHaveLength(1);
    expect(takers.filter((t) => !t.claimed)).toEqual(Array.from({ length: 4 }, () => ({ claimed: false, replies: null })));

    // The taker's claim is fresh again: nobody else takes it before it too is stale.
    now = new Date(now.getTime() + 60_000);
    expect(await requests.claim('k')).toEqual({ claimed: false, replies: null });

    // A finished request is never taken over, however old: its replies are the answer.
    await requests.complete('k', [{ kind: 'text', text: 'done' }]);
    now = new Date(now.getTime() + 3_600_000);
    expect(await requests.claim('k')).toEqual({ claimed: false, replies: [{ kind: 'text', text: 'done' }] });
  });
});

describe('a request handled again after a crash', () => {
  it('hours: logs an entry cut off before its transaction, and does not log twice one that was stored', async () => {
    tb = await createTestBot();
    const acme = await engagement(tb, { company: 'Acme', country: 'th', experts: ['bob'] });

    // Crashed after the claim, before the entry's transaction committed: nothing stored, the claim stays.
    await leaveClaimHalfDone('log-1', 1);
    const tooEarly = await tb.handle(typed('bob', 'hours 1 review NDA', 'log-1'));
    expect(tooEarly).toEqual({ replies: [], duplicate: true, inProgress: true });
    await leaveClaimHalfDone('log-1', 3);
    const retried = await tb.handle(typed('bob', 'hours 1 review NDA', 'log-1'));
    expect(retried.duplicate).toBe(false);
    expect(tb.textOf(retried.replies)).toMatch(/1時間を記録しました（#\d+）/);
    expect(await usedMinutes(tb, acme)).toBe(60);

    // Crashed after the entry committed, before the replies were stored: found by its request key.
    await leaveClaimHalfDone('log-1', 3);
    const again = await tb.handle(typed('bob', 'hours 1 review NDA', 'log-1'));
    expect(again.duplicate).toBe(false);
    expect(tb.textOf(again.replies)).toContain('この依頼は記録済みです');
    expect(await tb.db.prisma.hourEntry.count()).toBe(1);
    expect(await usedMinutes(tb, acme)).toBe(60);
  });

  it('booking: a confirmation cut off after the booking was made answers with that booking, not "slot taken", and books once', async () => {
    tb = await createTestBot();
    await bookableEngagement(tb, { company: 'Acme', country: 'th', applicant: 'aiko', experts: ['somchai'] });
    await addSlot(tb, 'somchai', '2021-09-15 14:00 1h consultation');
    let r = await tb.say('aiko', 'book');
    r = await tb.click('aiko', r, 'コンサルテーション');
    r = await tb.click('aiko', r, 'A1');
    const ask = await tb.click('aiko', r, '9月15日');
    const flowBefore = await tb.db.prisma.conversationState.findMany();

    const confirm = clicked('aiko', ask, '予約する', 'confirm-1');
    const first = await tb.handle(confirm);
    expect(tb.textOf(first.replies)).toMatch(/予約 #\d+ が確定しました/);

    // The crash: the booking committed, but neither the flow's progress nor the replies were saved.
    await tb.db.prisma.conversationState.deleteMany();
    for (const { id: _id, ...row } of flowBefore) await tb.db.prisma.conversationState.create({ data: row });
    await leaveClaimHalfDone('confirm-1', 3);

    const again = await tb.handle(confirm);
    expect(again.duplicate).toBe(false);
    expect(tb.textOf(again.replies)).toMatch(/予約 #\d+ が確定しました/);
    expect(tb.textOf(again.replies)).not.toContain('他の方が予約されました');
    expect(await tb.db.prisma.booking.count()).toBe(1);
    expect((await tb.db.prisma.application.findFirstOrThrow()).reservedMinutes).toBe(60);
    expect((await outboxFor(tb, 'somchai')).filter((m) => m.text.includes('新しい予約'))).toHaveLength(1);
  });
});
