/**
 * Files the bot offered a person and keeps on the server until they take them. Teams delivers a file only
 * through its file consent flow: the bot offers it, and uploads it once the person allowed it, possibly
 * much later. So each file reply is held (in the transaction of the turn or the outbox message that made
 * it) under a random id, the only thing the offer carries; the platform adapter then releases it to its
 * owner alone. Network I/O (the upload) happens between two short units of work, never inside one.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from './clock.ts';
import type { PeopleRepository } from './ports.ts';
import type { Reply } from './reply.ts';
import type { UnitOfWork } from './unit-of-work.ts';

/** How long an offered file stays available. */
export const heldFileRetentionDays = 7;
/** How long one delivery may take before a repeated click may try again. */
const uploadLeaseMs = 2 * 60_000;

export interface HeldFile {
  id: string;
  ownerId: number;
  filename: string;
  mimeType: string;
  content: string;
  createdAt: Date;
  expiresAt: Date;
  leaseUntil: Date | null;
  releasedAt: Date | null;
}

export interface HeldFileRepository {
  hold(file: Pick<HeldFile, 'id' | 'ownerId' | 'filename' | 'mimeType' | 'content' | 'createdAt' | 'expiresAt'>): Promise<void>;
  find(id: string): Promise<HeldFile | null>;
  /** Takes the file for one delivery until `leaseUntil`; false when it was delivered or another delivery holds it. */
  lease(id: string, now: Date, leaseUntil: Date): Promise<boolean>;
  /** Gives a lease back after a failed delivery, so the person can try again. */
  unlease(id: string): Promise<void>;
  /** Marks the file delivered and forgets its content; false when it was delivered already. */
  markReleased(id: string, at: Date): Promise<boolean>;
  /** Removes the file (declined); false when there was none. */
  delete(id: string): Promise<boolean>;
  /** Removes files that expired before `before`; returns how many. */
  purgeExpired(before: Date): Promise<number>;
}

/** An unguessable id (192 random bits, URL-safe). */
export function newHeldFileId(): string {
  return randomBytes(24).toString('base64url');
}

/** What a held file id looks like; anything else is not one of ours. */
export const heldFileIdPattern = /^[A-Za-z0-9_-]{32}$/;

/**
 * Holds every file among `replies` for `ownerId` (in the caller's transaction) and returns the replies with
 * each file's held id. `availableFrom` is when the person gets the file (a scheduled notification's due time).
 */
export async function holdFiles(
  files: HeldFileRepository,
  ownerId: number,
  replies: Reply[],
  now: Date,
  availableFrom: Date = now,
): Promise<Reply[]> {
  if (!replies.some((r) => r.kind === 'file' && !r.heldId)) return replies;
  const expiresAt = new Date(Math.max(now.getTime(), availableFrom.getTime()) + heldFileRetentionDays * 86_400_000);
  const held: Reply[] = [];
  for (const reply of replies) {
    if (reply.kind !== 'file' || reply.heldId) {
      held.push(reply);
      continue;
    }
    const id = newHeldFileId();
    await files.hold({
      id,
      ownerId,
      filename: reply.filename,
      mimeType: reply.mimeType,
      content: reply.content,
      createdAt: now,
      expiresAt,
    });
    held.push({ ...reply, heldId: id });
  }
  return held;
}

/** Why a held file cannot be given out: never existed or someone else's (said alike), expired, delivered already. */
export type HeldFileRefusal = 'not_available' | 'expired' | 'already_sent' | 'in_progress';

/** The outcome of asking for a held file, with the asker's chosen language (null: none chosen, or unknown). */
export type HeldFileClaim = { locale: string | null } & (
  | { ok: true; file: HeldFile }
  | { ok: false; reason: HeldFileRefusal; filename?: string }
);

/** The release of held files to their owners, for the platform adapters. */
export class HeldFiles {
  constructor(private readonly deps: { uow: UnitOfWork<{ heldFiles: HeldFileRepository; people: PeopleRepository }>; clock: Clock }) {}

  /** The person behind `identityKey` takes their file for one delivery (a short lease); the content comes with it. */
  async claim(id: string, identityKey: string): Promise<HeldFileClaim> {
    const now = this.deps.clock.now();
    return this.deps.uow.run(async ({ heldFiles, people }) => {
      const checked = await owned(heldFiles, people, id, identityKey, now);
      if (!checked.ok) return checked;
      if (!(await heldFiles.lease(id, now, new Date(now.getTime() + uploadLeaseMs))))
        return { ok: false, reason: 'in_progress', filename: checked.file.filename, locale: checked.locale };
      return checked;
    });
  }

  /** The claimed file was delivered: it is never given out again. False when another delivery marked it first. */
  released(id: string): Promise<boolean> {
    const now = this.deps.clock.now();
    return this.deps.uow.run(({ heldFiles }) => heldFiles.markReleased(id, now));
  }

  /** The delivery failed: the file can be claimed again. */
  failed(id: string): Promise<void> {
    return this.deps.uow.run(({ heldFiles }) => heldFiles.unlease(id));
  }

  /** The owner declined the file: it is removed. Refused like `claim` for anyone else. */
  async decline(id: string, identityKey: string): Promise<HeldFileClaim> {
    const now = this.deps.clock.now();
    return this.deps.uow.run(async ({ heldFiles, people }) => {
      const checked = await owned(heldFiles, people, id, identityKey, now);
      if (checked.ok) await heldFiles.delete(id);
      return checked;
    });
  }
}

/** The file, when it is the asker's and can still be given out. */
async function owned(
  heldFiles: HeldFileRepository,
  people: PeopleRepository,
  id: string,
  identityKey: string,
  now: Date,
): Promise<HeldFileClaim> {
  const person = await people.findByIdentityKey(identityKey);
  const locale = person?.locale ?? null;
  const file = person && heldFileIdPattern.test(id) ? await heldFiles.find(id) : null;
  // Someone else's file is refused exactly like one that never existed: nothing is told about it.
  if (!file || !person || person.id !== file.ownerId) return { ok: false, reason: 'not_available', locale };
  if (file.releasedAt) return { ok: false, reason: 'already_sent', filename: file.filename, locale };
  if (file.expiresAt <= now) return { ok: false, reason: 'expired', filename: file.filename, locale };
  return { ok: true, file, locale };
}
