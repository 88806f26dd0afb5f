/**
 * The person's answer to a FileConsentCard (`fileConsent/invoke`, as botbuilder's TeamsActivityHandler
 * dispatches to handleTeamsFileConsentAccept / …Decline). Allowed: the held file is claimed for its owner
 * (a short lease, one unit of work), uploaded to the URL Teams named if its host is on the allow-list
 * (outside any transaction), marked delivered (a second unit of work), shown with a FileInfoCard, and the
 * consent card is replaced so it cannot be clicked again. Declined: the held file is removed. Anything else
 * (someone else's file, an expired or delivered one, an unreadable answer, an untrusted host) uploads
 * nothing and is told in a short message. Every invoke is answered 200, so Teams shows no error.
 */
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { HeldFileClaim, HeldFiles } from '../../src/core/held-files.ts';
import type { Logger } from '../../src/core/ports.ts';
import { pickLocale, type MessageParams } from '../../src/i18n/translate.ts';
import { teamsTranslator as translator, type TeamsKey, type TeamsTranslate as Translate } from './i18n/translate.ts';
import type { TeamsActivity } from './activity-schema.ts';
import { fileConsentValueSchema, fileInfoAttachment, type UploadInfo } from './file-cards.ts';
import { uploadFile } from './file-upload.ts';
import { identityOf } from './inbound-from-activity.ts';
import { cardMessage, noticeCard, type OutgoingMessage } from './render-card.ts';
import type { ServiceUrlPolicy } from './service-url-policy.ts';

export interface FileConsentDeps {
  heldFiles: HeldFiles;
  /** Where files may be uploaded (TEAMS_FILE_UPLOAD_ALLOWLIST). */
  uploadHosts: ServiceUrlPolicy;
  log: Logger;
  authenticated: boolean;
}

type Send = Parameters<TurnContext['sendActivity']>[0];

export async function handleFileConsent(deps: FileConsentDeps, context: TurnContext, activity: TeamsActivity): Promise<void> {
  await context.sendActivity({ type: 'invokeResponse', value: { status: 200 } } as Send);
  const t = translator(pickLocale(undefined, activity.locale));
  try {
    await answer(deps, context, activity);
  } catch (e) {
    const ref = randomUUID().slice(0, 8);
    deps.log.error({ err: e, ref }, 'Teams: file consent answer failed');
    await say(context, t('core.error.unexpected', { ref }), true).catch(() => undefined);
  }
}

async function answer(deps: FileConsentDeps, context: TurnContext, activity: TeamsActivity): Promise<void> {
  const { log } = deps;
  const parsed = fileConsentValueSchema.safeParse(activity.value);
  if (!parsed.success) {
    log.warn({ issues: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`) }, 'Teams: unreadable file consent');
    return say(context, translator(pickLocale(undefined, activity.locale))('teams.file.unreadable'), true);
  }
  const value = parsed.data;
  const id = value.context.heldFile;
  const identityKey = identityOf(activity, activity.from, deps.authenticated).key;

  if (value.action === 'decline') {
    const declined = await deps.heldFiles.decline(id, identityKey);
    const t = translatorFor(declined, activity);
    if (!declined.ok) return refuse(log, context, activity, declined, t);
    return closeConsentCard(log, context, activity, t('teams.file.declined', { filename: declined.file.filename }));
  }

  // Fail closed: the bot sends a file only to a host it trusts, never to one a request merely named.
  if (!deps.uploadHosts.allows(value.uploadInfo.uploadUrl)) {
    log.warn(
      { uploadHost: hostOf(value.uploadInfo.uploadUrl), allowed: deps.uploadHosts.describe() },
      'Teams: file upload refused, host not on TEAMS_FILE_UPLOAD_ALLOWLIST',
    );
    return say(context, translator(pickLocale(undefined, activity.locale))('teams.file.uploadRefused'), true);
  }

  const claimed = await deps.heldFiles.claim(id, identityKey);
  const t = translatorFor(claimed, activity);
  if (!claimed.ok) return refuse(log, context, activity, claimed, t);
  const { file } = claimed;
  try {
    await uploadFile(value.uploadInfo.uploadUrl, Buffer.from(file.content, 'utf8'));
  } catch (e) {
    log.warn({ err: e, uploadHost: hostOf(value.uploadInfo.uploadUrl) }, 'Teams: file upload failed');
    await deps.heldFiles.failed(id);
    return say(context, t('teams.file.uploadFailed', { filename: file.filename }), true);
  }
  // Uploaded: whatever happens next, it must not be uploaded again (the lease protects it meanwhile).
  if (!(await deps.heldFiles.released(id))) log.warn('Teams: a held file was marked delivered by another delivery');
  await context.sendActivity(fileInfoMessage(value.uploadInfo) as Send);
  await closeConsentCard(log, context, activity, t('teams.file.sent', { filename: file.filename }));
}

const refusals = {
  not_available: 'teams.file.notAvailable',
  expired: 'teams.file.expired',
  already_sent: 'teams.file.alreadySent',
  in_progress: 'teams.file.inProgress',
} as const satisfies Record<Extract<HeldFileClaim, { ok: false }>['reason'], TeamsKey>;

/** Says why nothing was sent; the owner's own card for a file gone for good is closed too. */
async function refuse(
  log: Logger,
  context: TurnContext,
  activity: TeamsActivity,
  refusal: Extract<HeldFileClaim, { ok: false }>,
  t: Translate,
): Promise<void> {
  const params: MessageParams = { filename: refusal.filename ?? '' };
  const text = t(refusals[refusal.reason], params);
  if (refusal.reason === 'expired' || refusal.reason === 'already_sent') await closeConsentCard(log, context, activity, text);
  await say(context, text, refusal.reason !== 'in_progress');
}

function translatorFor(claim: HeldFileClaim, activity: TeamsActivity): Translate {
  return translator(pickLocale(claim.locale, activity.locale));
}

function fileInfoMessage(upload: UploadInfo): OutgoingMessage {
  return { type: 'message', summary: upload.name, attachments: [fileInfoAttachment(upload)] };
}

async function say(context: TurnContext, text: string, attention = false): Promise<void> {
  await context.sendActivity(cardMessage(noticeCard(text, attention)) as Send);
}

/**
 * Replaces the consent card (the activity the invoke answers) with a line saying what became of the file, so it
 * cannot be clicked again. A failure (the card was deleted) is only logged: the file is delivered either way.
 */
async function closeConsentCard(log: Logger, context: TurnContext, activity: TeamsActivity, text: string): Promise<void> {
  if (!activity.replyToId) return;
  try {
    await context.updateActivity({ ...cardMessage(noticeCard(text)), id: activity.replyToId } as Parameters<
      TurnContext['updateActivity']
    >[0]);
  } catch (e) {
    log.warn({ err: e }, 'Teams: could not update the file consent card');
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(not a URL)';
  }
}
