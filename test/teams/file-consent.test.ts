// Files in Teams through the file consent flow: an export (or a calendar file from the outbox) is offered with
// a FileConsentCard that carries only a random id; Allow uploads exactly the file to the upload session Teams
// named (only on an allowed host, once), shows it with a FileInfoCard and closes the consent card; Decline drops
// it. Anything stale, foreign or unreadable uploads nothing and says why. Every invoke is answered 200.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { text, type Reply } from '../../src/core/reply.ts';
import type { SentActivity } from '../support/fake-bot-connector.ts';
import { directServices } from '../support/direct-services.ts';
import { startTeamsHarness, textOfActivities, type TeamsExchange, type TeamsHarness } from '../support/teams-harness.ts';

const consentType = 'application/vnd.microsoft.teams.card.file.consent';
const fileInfoType = 'application/vnd.microsoft.teams.card.file.info';

let teams: TeamsHarness;

beforeAll(async () => {
  teams = await startTeamsHarness();
  // alice is program staff (she may export); bob is someone else who talks to the bot.
  await teams.message('help', { user: 'alice' });
  await teams.message('help', { user: 'bob' });
  const services = directServices(teams.running);
  const alice = await services.people.findByIdentityKey(teams.identityKey('alice'));
  await services.people.grantRole({ personId: alice!.id, role: 'staff' });
});
afterAll(() => teams?.stop());

let uploadsBefore = 0;
beforeEach(() => {
  uploadsBefore = teams.connector.uploads.length;
});
const newUploads = () => teams.connector.uploads.slice(uploadsBefore);

const attachmentsOf = (exchange: { replies: SentActivity[] }, contentType: string) =>
  exchange.replies.flatMap((r) => (r.attachments ?? []).filter((a) => a.contentType === contentType));

function heldIdOf(exchange: { replies: SentActivity[] }): string {
  const [consent] = attachmentsOf(exchange, consentType);
  return (consent!.content as { acceptContext: { heldFile: string } }).acceptContext.heldFile;
}

const heldFile = (id: string) => teams.running.db.prisma.heldFile.findUnique({ where: { id } });

/** The text of the cards the bot replaced during an exchange. */
const updatedText = (exchange: TeamsExchange) => textOfActivities(exchange.updates.map((u) => u.body));

/** Someone else answers the consent card shown in another person's chat (a forged or replayed invoke). */
function answerAs(user: string, exchange: TeamsExchange, action: 'accept' | 'decline'): Promise<TeamsExchange> {
  const offer = exchange.replies.find((r) => r.attachments?.some((a) => a.contentType === consentType))!;
  const context = { heldFile: heldIdOf(exchange) };
  const uploadInfo = {
    name: 'hours.csv',
    uploadUrl: teams.connector.uploadUrl(),
    contentUrl: 'https://contoso-my.sharepoint.com/personal/x/hours.csv',
    uniqueId: 'x',
    fileType: 'csv',
  };
  const value = action === 'accept' ? { type: 'fileUpload', action, context, uploadInfo } : { type: 'fileUpload', action, context };
  return teams.invoke('fileConsent/invoke', value, { user, replyToId: offer.id });
}

async function exportHours(user = 'alice'): Promise<TeamsExchange> {
  const exported = await teams.message('export hours', { user });
  expect(exported.status).toBe(200);
  return exported;
}

describe('offering a file', () => {
  it('sends a line naming the file and a FileConsentCard with only a random id: no data URI, no content', async () => {
    const exported = await exportHours();
    expect(exported.text).toContain('hours-20210901.csv');
    expect(exported.text).toContain('「許可」を押すと、OneDrive に保存されます');
    const [consent] = attachmentsOf(exported, consentType);
    const id = heldIdOf(exported);
    expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const held = await heldFile(id);
    expect(held).toMatchObject({ filename: 'hours-20210901.csv', mimeType: 'text/csv', releasedAt: null });
    expect(consent).toEqual({
      contentType: consentType,
      name: 'hours-20210901.csv',
      content: {
        description: expect.stringContaining('時間') as unknown,
        sizeInBytes: Buffer.byteLength(held!.content, 'utf8'),
        acceptContext: { heldFile: id },
        declineContext: { heldFile: id },
      },
    });
    const json = JSON.stringify(exported.replies);
    expect(json).not.toContain('data:');
    expect(json).not.toContain('base64');
    // The owner is the person who asked, the file is kept a week.
    const alice = await directServices(teams.running).people.findByIdentityKey(teams.identityKey('alice'));
    expect(held!.ownerId).toBe(alice!.id);
    expect(held!.expiresAt.getTime() - held!.createdAt.getTime()).toBe(7 * 86_400_000);
  });

  it('a repeated delivery of the request offers the same file again, not a second one', async () => {
    const first = await teams.message('export hours', { user: 'alice', id: 'export-twice' });
    const again = await teams.message('export hours', { user: 'alice', id: 'export-twice' });
    expect(heldIdOf(again)).toBe(heldIdOf(first));
  });

  it('asked in a channel, goes to the personal chat with its consent card; the channel only hears where it went', async () => {
    const inChannel = await teams.message('export hours', { user: 'alice', in: 'channel' });
    expect(inChannel.status).toBe(200);
    expect(inChannel.here.flatMap((r) => r.attachments ?? []).filter((a) => a.contentType === consentType)).toHaveLength(0);
    expect(inChannel.hereText).toContain('個人チャットでお送りしました');
    expect(inChannel.hereText).not.toContain('hours-');
    const privately = inChannel.elsewhere.flatMap((c) => (c.body as { attachments?: { contentType: string }[] }).attachments ?? []);
    expect(privately.filter((a) => a.contentType === consentType)).toHaveLength(1);
    expect(inChannel.elsewhereText).toContain('をお送りします');
    expect(JSON.stringify(inChannel.replies)).not.toContain('data:');
  });
});

describe('Allow', () => {
  it('uploads exactly the file in one PUT with its range, sends a FileInfoCard and closes the consent card', async () => {
    const exported = await exportHours();
    const id = heldIdOf(exported);
    const content = Buffer.from((await heldFile(id))!.content, 'utf8');
    const consentActivity = exported.replies.find((r) => r.attachments?.some((a) => a.contentType === consentType))!;

    const accepted = await teams.fileConsent(exported, 'accept');
    expect(accepted.status).toBe(200);

    const uploads = newUploads();
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.method).toBe('PUT');
    expect(uploads[0]!.body.equals(content)).toBe(true);
    expect(uploads[0]!.headers['content-length']).toBe(String(content.length));
    expect(uploads[0]!.headers['content-range']).toBe(`bytes 0-${content.length - 1}/${content.length}`);
    expect(uploads[0]!.headers.authorization).toBeUndefined();

    const [info] = attachmentsOf(accepted, fileInfoType);
    const value = accepted.activity.value as { uploadInfo: { contentUrl: string; uniqueId: string } };
    expect(info).toEqual({
      contentType: fileInfoType,
      contentUrl: value.uploadInfo.contentUrl,
      name: 'hours-20210901.csv',
      content: { uniqueId: value.uploadInfo.uniqueId, fileType: 'csv' },
    });
    expect(accepted.updates).toHaveLength(1);
    expect(accepted.updates[0]!.activityId).toBe(consentActivity.id);
    expect(updatedText(accepted)).toBe('✔ ファイル hours-20210901.csv を OneDrive に保存しました。');
    expect(JSON.stringify(accepted.updates)).not.toContain(consentType);

    const held = await heldFile(id);
    expect(held!.releasedAt).not.toBeNull();
    expect(held!.content).toBe('');
  });

  it('a repeated Allow, or Teams delivering the invoke again, uploads nothing more and says the file was sent', async () => {
    const exported = await exportHours();
    await teams.fileConsent(exported, 'accept', { id: 'allow-once' });
    expect(newUploads()).toHaveLength(1);

    const redelivered = await teams.fileConsent(exported, 'accept', { id: 'allow-once' });
    const clickedAgain = await teams.fileConsent(exported, 'accept');
    for (const again of [redelivered, clickedAgain]) {
      expect(again.status).toBe(200);
      expect(again.text).toContain('ファイル hours-20210901.csv は送信済みです');
      expect(attachmentsOf(again, fileInfoType)).toHaveLength(0);
    }
    expect(newUploads()).toHaveLength(1);
  });

  it('answers in the language the person chose', async () => {
    await teams.message('language en', { user: 'alice' });
    try {
      const exported = await exportHours();
      expect(exported.text).toContain('Press Allow on the card below');
      const accepted = await teams.fileConsent(exported, 'accept');
      expect(updatedText(accepted)).toBe('✔ The file hours-20210901.csv was saved in your OneDrive.');
    } finally {
      await teams.message('language ja', { user: 'alice' });
    }
  });
});

describe('Decline', () => {
  it('uploads nothing, removes the held file and turns the card into a note', async () => {
    const exported = await exportHours();
    const id = heldIdOf(exported);
    const declined = await teams.fileConsent(exported, 'decline');
    expect(declined.status).toBe(200);
    expect(newUploads()).toHaveLength(0);
    expect(await heldFile(id)).toBeNull();
    expect(updatedText(declined)).toContain('ファイル hours-20210901.csv は送りませんでした（拒否されました）');

    // Allowing it afterwards (a stale card) finds nothing to send.
    const late = await teams.fileConsent(exported, 'accept');
    expect(late.status).toBe(200);
    expect(late.text).toContain('このファイルはお送りできません');
    expect(newUploads()).toHaveLength(0);
  });
});

describe('what uploads nothing', () => {
  it("someone else's file: refused like one that never existed, and it stays for its owner", async () => {
    const exported = await exportHours('alice');
    const id = heldIdOf(exported);
    const foreign = await answerAs('bob', exported, 'accept');
    expect(foreign.status).toBe(200);
    expect(foreign.text).toBe('⚠ このファイルはお送りできません。ファイルをもう一度お申し付けください。');
    const declinedByOther = await answerAs('bob', exported, 'decline');
    expect(declinedByOther.text).toContain('このファイルはお送りできません');
    expect(foreign.updates).toHaveLength(0);
    expect(newUploads()).toHaveLength(0);
    expect((await heldFile(id))!.releasedAt).toBeNull();

    // Someone who never talked to the bot (no person at all) is refused the same way.
    const stranger = await answerAs('mallory', exported, 'accept');
    expect(stranger.text).toContain('このファイルはお送りできません');

    const owner = await teams.fileConsent(exported, 'accept', { user: 'alice' });
    expect(attachmentsOf(owner, fileInfoType)).toHaveLength(1);
    expect(newUploads()).toHaveLength(1);
  });

  it('a file that never existed, and consent answers that are not ours or not readable', async () => {
    const upload = {
      name: 'x.csv',
      uploadUrl: teams.connector.uploadUrl(),
      contentUrl: 'https://contoso-my.sharepoint.com/x',
      uniqueId: 'u',
      fileType: 'csv',
    };
    const cases: [unknown, string][] = [
      [
        { type: 'fileUpload', action: 'accept', context: { heldFile: 'A'.repeat(32) }, uploadInfo: upload },
        'このファイルはお送りできません',
      ],
      [
        { type: 'fileUpload', action: 'accept', context: { heldFile: '../../etc/passwd' }, uploadInfo: upload },
        'このファイルはお送りできません',
      ],
      [{ type: 'fileUpload', action: 'decline', context: { heldFile: 'B'.repeat(32) } }, 'このファイルはお送りできません'],
      [{ type: 'fileUpload', action: 'accept', context: { filename: 'hours.csv' }, uploadInfo: upload }, '送信依頼を読み取れませんでした'],
      [{ type: 'fileUpload', action: 'accept', context: { heldFile: 'A'.repeat(32) } }, '送信依頼を読み取れませんでした'],
      [{ type: 'fileUpload', action: 'open', context: { heldFile: 'A'.repeat(32) } }, '送信依頼を読み取れませんでした'],
      ['not an object', '送信依頼を読み取れませんでした'],
      [undefined, '送信依頼を読み取れませんでした'],
    ];
    for (const [value, said] of cases) {
      const answered = await teams.invoke('fileConsent/invoke', value, { replyToId: 'some-card' });
      expect(answered.status, JSON.stringify(value)).toBe(200);
      expect(answered.text, JSON.stringify(value)).toContain(said);
      expect(answered.updates).toHaveLength(0);
    }
    expect(newUploads()).toHaveLength(0);
  });

  it('an expired file: nothing is uploaded, the person is told, and housekeeping removes it', async () => {
    const exported = await exportHours();
    const id = heldIdOf(exported);
    const start = teams.clock.now();
    teams.clock.advanceMinutes(7 * 24 * 60 + 1);
    try {
      const stale = await teams.fileConsent(exported, 'accept');
      expect(stale.status).toBe(200);
      expect(stale.text).toContain('ファイル hours-20210901.csv の有効期限が切れました');
      expect(updatedText(stale)).toContain('有効期限が切れました');
      expect(newUploads()).toHaveLength(0);
      const { purgeOldRecords } = await import('../../src/core/housekeeping.ts');
      expect((await purgeOldRecords({ uow: teams.running.uow, clock: teams.clock })).files).toBeGreaterThanOrEqual(1);
      expect(await heldFile(id)).toBeNull();
    } finally {
      teams.clock.set(start);
    }
  });

  it('an upload URL off the allow-list: nothing is uploaded, and the file can still be taken', async () => {
    const exported = await exportHours();
    const id = heldIdOf(exported);
    // The same fake server under another name: had the bot uploaded there, the fake would have recorded it.
    const elsewhere = teams.connector.uploadUrl().replace('127.0.0.1', 'localhost');
    for (const uploadUrl of [
      elsewhere,
      'https://evil.example.com/upload',
      'https://contoso.sharepoint.com.evil.example/upload',
      'not a url',
    ]) {
      const refused = await teams.fileConsent(exported, 'accept', { uploadUrl });
      expect(refused.status).toBe(200);
      expect(refused.text, uploadUrl).toContain('Teams が示した保存先が、このボットの許可する保存先ではありません');
      expect(refused.updates).toHaveLength(0);
    }
    expect(newUploads()).toHaveLength(0);
    expect((await heldFile(id))!.releasedAt).toBeNull();
    expect(teams.logs()).toContain('host not on TEAMS_FILE_UPLOAD_ALLOWLIST');

    await teams.fileConsent(exported, 'accept');
    expect(newUploads()).toHaveLength(1);
  });

  it('a redirect from the upload URL is not followed', async () => {
    const exported = await exportHours();
    const redirected = await teams.fileConsent(exported, 'accept', { uploadUrl: teams.connector.redirectingUploadUrl() });
    expect(redirected.status).toBe(200);
    expect(redirected.text).toContain('OneDrive に保存できませんでした');
    expect(newUploads()).toHaveLength(0);
    expect((await heldFile(heldIdOf(exported)))!.releasedAt).toBeNull();
  });

  it('a failed upload says so and the file can be allowed again, then it is uploaded once', async () => {
    const exported = await exportHours();
    teams.connector.failNextUploads(503);
    const failed = await teams.fileConsent(exported, 'accept');
    expect(failed.status).toBe(200);
    expect(failed.text).toContain('ファイル hours-20210901.csv を OneDrive に保存できませんでした');
    expect(attachmentsOf(failed, fileInfoType)).toHaveLength(0);
    expect(failed.updates).toHaveLength(0);

    const retried = await teams.fileConsent(exported, 'accept');
    expect(attachmentsOf(retried, fileInfoType)).toHaveLength(1);
    expect(newUploads()).toHaveLength(2);
    expect(newUploads()[1]!.body.equals(newUploads()[0]!.body)).toBe(true);
  });
});

describe('files from the outbox', () => {
  it('a calendar file in a notification is offered in the personal chat the same way and uploaded on Allow', async () => {
    const services = directServices(teams.running);
    const alice = await services.people.findByIdentityKey(teams.identityKey('alice'));
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:相談\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const calendar: Reply = { kind: 'file', filename: 'booking-7.ics', mimeType: 'text/calendar', content: ics, title: '予約 #7 の予定' };
    const before = teams.connector.calls.length;
    await services.notifier.notify(alice!.id, () => [text('予約が入りました。'), calendar]);
    await teams.running.dispatcher.idle();

    const sent = teams.connector.since(before).filter((c) => c.kind === 'send' || c.kind === 'reply');
    expect(sent.map((c) => c.conversationId)).toEqual(['a:personal-alice', 'a:personal-alice']);
    const notified = { replies: sent.map((c) => c.body) } as TeamsExchange;
    expect(textOfActivities(notified.replies)).toContain('booking-7.ics');
    expect(JSON.stringify(notified.replies)).not.toContain('data:');
    const outbox = await teams.running.db.prisma.outbox.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(outbox.replies).toContain(heldIdOf(notified));

    const accepted = await teams.fileConsent(notified, 'accept');
    expect(accepted.status).toBe(200);
    expect(newUploads()).toHaveLength(1);
    expect(newUploads()[0]!.body.toString('utf8')).toBe(ics);
    expect(attachmentsOf(accepted, fileInfoType)).toMatchObject([{ name: 'booking-7.ics', content: { fileType: 'ics' } }]);
  });
});
