/**
 * Slack request signing (v0): `v0=` + HMAC-SHA256(signing secret, `v0:<timestamp>:<raw body>`), and a
 * timestamp within five minutes of now either way, so a captured request cannot be replayed later.
 *
 * `nowMs` is the transport clock: real time, not the bot's business clock. A demo pinned with BOT_NOW
 * still receives Slack's requests stamped with the real time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const maxSkewSeconds = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing_headers' | 'stale_timestamp' | 'bad_signature' };

export function verifySlackSignature(input: {
  signingSecret: string;
  rawBody: string;
  timestamp: string | undefined;
  signature: string | undefined;
  nowMs: number;
}): SignatureCheck {
  const { signingSecret, rawBody, timestamp, signature, nowMs } = input;
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return { ok: false, reason: 'missing_headers' };
  if (Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > maxSkewSeconds) return { ok: false, reason: 'stale_timestamp' };
  const expected = Buffer.from(signSlackRequest(signingSecret, timestamp, rawBody));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}

/** The `x-slack-signature` value Slack sends for this body (also used by the tests to sign requests). */
export function signSlackRequest(signingSecret: string, timestamp: string, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}
