// Held files: a file reply is held for the person in the turn's transaction (and only then), and given out to
// its owner once: one delivery at a time, never again once delivered, never to anyone else.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HeldFiles } from '../../src/core/held-files.ts';
import type { Feature } from '../../src/core/feature.ts';
import { text, type Reply } from '../../src/core/reply.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';

const csv = '\uFEFFa,b\r\n1,2\r\n';
const fileFeature: Feature = {
  name: 'files',
  commands: [
    {
      name: 'file',
      audience: 'everyone',
      usage: 'file',
      summary: 'core.help.title',
      run: async () => [text('here'), { kind: 'file', filename: 'f.csv', mimeType: 'text/csv', content: csv, title: 'F' }],
    },
    {
      name: 'brokenfile',
      audience: 'everyone',
      usage: 'brokenfile',
      summary: 'core.help.title',
      run: async (turn) => {
        await turn.services.heldFiles.hold({
          id: 'x'.repeat(32),
          ownerId: turn.person.id,
          filename: 'g.csv',
          mimeType: 'text/csv',
          content: 'g',
          createdAt: turn.now,
          expiresAt: turn.now,
        });
        throw new Error('boom');
      },
    },
  ],
};

let tb: TestBot;
let files: HeldFiles;
beforeEach(async () => {
  tb = await createTestBot({ features: [fileFeature] });
  files = new HeldFiles({ uow: tb.uow, clock: tb.clock });
});
afterEach(() => tb?.close());

const heldIdOf = (replies: Reply[]) => replies.flatMap((r) => (r.kind === 'file' ? [r.heldId] : []))[0]!;

describe('held files', () => {
  it('holds a file reply for the person who asked, and records the reply with its id', async () => {
    const replies = await tb.say('ann', 'file', { key: 'file-1' });
    const id = heldIdOf(replies);
    expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await tb.db.prisma.heldFile.findUnique({ where: { id } })).toMatchObject({ ownerId: await tb.personId('ann'), content: csv });
    // The same request again gets the same file, not a new one.
    expect(heldIdOf(await tb.say('ann', 'file', { key: 'file-1' }))).toBe(id);
    expect(await tb.db.prisma.heldFile.count()).toBe(1);
  });

  it('holds nothing when the turn fails', async () => {
    await tb.say('ann', 'brokenfile');
    expect(await tb.db.prisma.heldFile.count()).toBe(0);
  });

  it('gives the file to its owner once: one delivery at a time, again after a failure, never after delivery', async () => {
    const id = heldIdOf(await tb.say('ann', 'file'));
    await tb.say('ben', 'help');
    expect(await files.claim(id, 'console:ben')).toMatchObject({ ok: false, reason: 'not_available' });
    expect(await files.claim(id, 'console:nobody')).toMatchObject({ ok: false, reason: 'not_available' });

    const first = await files.claim(id, 'console:ann');
    expect(first).toMatchObject({ ok: true, file: { content: csv, filename: 'f.csv' } });
    expect(await files.claim(id, 'console:ann')).toMatchObject({ ok: false, reason: 'in_progress' });
    await files.failed(id);
    expect(await files.claim(id, 'console:ann')).toMatchObject({ ok: true });
    expect(await files.released(id)).toBe(true);
    expect(await files.released(id)).toBe(false);
    expect(await files.claim(id, 'console:ann')).toMatchObject({ ok: false, reason: 'already_sent', filename: 'f.csv' });
    expect((await tb.db.prisma.heldFile.findUniqueOrThrow({ where: { id } })).content).toBe('');
  });

  it('a lease left by a delivery that died runs out, so the file can be taken again', async () => {
    const id = heldIdOf(await tb.say('ann', 'file'));
    expect(await files.claim(id, 'console:ann')).toMatchObject({ ok: true });
    tb.clock.advanceMinutes(3);
    expect(await files.claim(id, 'console:ann')).toMatchObject({ ok: true });
  });

  it('is declined only by its owner, and is gone then', async () => {
    const id = heldIdOf(await tb.say('ann', 'file'));
    await tb.say('ben', 'help');
    expect(await files.decline(id, 'console:ben')).toMatchObject({ ok: false, reason: 'not_available' });
    expect(await files.decline(id, 'console:ann')).toMatchObject({ ok: true });
    expect(await tb.db.prisma.heldFile.count()).toBe(0);
    expect(await files.claim(id, 'console:ann')).toMatchObject({ ok: false, reason: 'not_available' });
  });

  it('expires after a week', async () => {
    const id = heldIdOf(await tb.say('ann', 'file'));
    tb.clock.advanceMinutes(7 * 24 * 60);
    expect(await files.claim(id, 'console:ann')).toMatchObject({ ok: false, reason: 'expired' });
  });
});
