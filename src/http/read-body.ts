/** Reads a request body with a size limit, so an oversized body is refused instead of filling memory. */
import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {
  readonly status = 413;
}

export function readBody(req: IncomingMessage, limitBytes = 1_000_000): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limitBytes) return Promise.reject(new BodyTooLargeError(`body over ${limitBytes} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) return void chunks.push(chunk);
      // The rest is read and dropped, not cut off: destroying the request would reset a connection the
      // client was told it could keep (its next request on it failed with ECONNRESET).
      req.off('data', onData);
      req.resume();
      reject(new BodyTooLargeError(`body over ${limitBytes} bytes`));
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('request aborted before its body was read'));
    });
  });
}
