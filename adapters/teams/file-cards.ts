/**
 * Teams' file consent flow, the only way a bot's file reaches a person as a real download: the bot sends a
 * FileConsentCard (personal chats only); when the person allows it Teams answers with an invoke
 * `fileConsent/invoke` naming an upload URL in their OneDrive, the bot uploads the file there and sends a
 * FileInfoCard pointing at it. The card's contexts carry only the held file's random id (src/core/held-files.ts).
 * Pure: the cards and the invoke's value, validated with zod.
 */
import { z } from 'zod';
import type { Attachment } from './attachment.ts';

export const fileConsentContentType = 'application/vnd.microsoft.teams.card.file.consent';
export const fileInfoContentType = 'application/vnd.microsoft.teams.card.file.info';
export const fileConsentInvokeName = 'fileConsent/invoke';

/** What our consent cards carry back in the invoke: the held file's id, nothing else. */
const consentContextSchema = z.object({ heldFile: z.string().min(1).max(100) });

/** The FileConsentCard offering a held file. */
export function fileConsentAttachment(file: { filename: string; title: string; sizeInBytes: number; heldId: string }): Attachment {
  const context: z.infer<typeof consentContextSchema> = { heldFile: file.heldId };
  return {
    contentType: fileConsentContentType,
    name: file.filename,
    content: { description: file.title, sizeInBytes: file.sizeInBytes, acceptContext: context, declineContext: context },
  };
}

const uploadInfoSchema = z.looseObject({
  name: z.string().min(1).max(500),
  uploadUrl: z.string().min(1).max(4000),
  contentUrl: z.string().min(1).max(4000),
  uniqueId: z.string().min(1).max(500),
  fileType: z.string().max(100),
});

/** The value of a `fileConsent/invoke` activity (botbuilder's FileConsentCardResponse). */
export const fileConsentValueSchema = z.discriminatedUnion('action', [
  z.looseObject({
    type: z.literal('fileUpload'),
    action: z.literal('accept'),
    context: consentContextSchema,
    uploadInfo: uploadInfoSchema,
  }),
  z.looseObject({ type: z.literal('fileUpload'), action: z.literal('decline'), context: consentContextSchema }),
]);

export type UploadInfo = z.infer<typeof uploadInfoSchema>;

/** The FileInfoCard that shows the uploaded file, which the person opens or downloads from their OneDrive. */
export function fileInfoAttachment(upload: UploadInfo): Attachment {
  return {
    contentType: fileInfoContentType,
    contentUrl: upload.contentUrl,
    name: upload.name,
    content: { uniqueId: upload.uniqueId, fileType: upload.fileType },
  };
}
