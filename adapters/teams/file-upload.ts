/**
 * Uploads a file to the upload session Teams opened in the person's OneDrive (the `uploadUrl` of a file
 * consent answer): the whole file in one PUT with its Content-Range, no credentials (the URL is the
 * session), no redirects followed. The caller checks the URL's host against the allow-list first.
 */

/** Teams waits for the invoke's answer (sent once the upload is done) for about 15 s; a slower upload counts as failed. */
const uploadTimeoutMs = 10_000;

export class UploadError extends Error {}

export async function uploadFile(uploadUrl: string, content: Buffer): Promise<void> {
  const size = content.length;
  if (size === 0) throw new UploadError('an empty file cannot be uploaded in one range');
  let response: Response;
  try {
    response = await fetch(uploadUrl, {
      method: 'PUT',
      body: content,
      // A redirect could lead anywhere: the allow-list was checked for this URL only.
      redirect: 'error',
      headers: { 'Content-Length': String(size), 'Content-Range': `bytes 0-${size - 1}/${size}` },
      signal: AbortSignal.timeout(uploadTimeoutMs),
    });
  } catch (e) {
    throw new UploadError(`upload failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  // Read to the end, so the connection can be reused; the body says nothing the bot needs.
  await response.arrayBuffer().catch(() => undefined);
  // 200 or 201: the session holds the whole file (202 would mean it expects more ranges).
  if (response.status !== 200 && response.status !== 201) throw new UploadError(`upload answered HTTP ${response.status}`);
}
