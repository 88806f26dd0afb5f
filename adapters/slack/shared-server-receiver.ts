/**
 * A Bolt Receiver on the bot's shared HTTP server (POST /slack/events for commands, interactivity and
 * events). Transport only: it verifies the signature, parses the body, answers Slack's URL check, hands
 * the payload to Bolt with an `ack` that sends the HTTP response at once, and tracks the work after it.
 *
 * Unlike Bolt's own HTTP receiver it reads the media type of `content-type` (Slack may add a charset),
 * and checks the timestamp in both directions.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../src/core/ports.ts';
import { BodyTooLargeError, readBody } from '../../src/http/read-body.ts';
import type { HttpRoute } from '../../src/http/route.ts';
import type { InFlight } from './in-flight.ts';
import { verifySlackSignature } from './verify-signature.ts';

export const slackEventsPath = '/slack/events';

export interface SharedServerReceiverOptions {
  signingSecret: string;
  log: Logger;
  work: InFlight;
  /** Transport clock for the timestamp check; real time by default (see verify-signature.ts). */
  nowMs?: () => number;
}

export class SharedServerReceiver implements Receiver {
  private app: App | undefined;
  readonly route: HttpRoute = { method: 'POST', path: slackEventsPath, handle: (req, res) => this.handle(req, res) };

  constructor(private readonly opts: SharedServerReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  // The shared server is started and stopped by the composition root.
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return this.opts.work.idle();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { log } = this.opts;
    let rawBody: string;
    try {
      rawBody = (await readBody(req)).toString('utf8');
    } catch (e) {
      if (e instanceof BodyTooLargeError) return reply(res, 413);
      throw e;
    }
    const mediaType = (header(req, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const isForm = mediaType === 'application/x-www-form-urlencoded';

    // Slack's SSL check carries no signature and asks for nothing but a 200.
    if (isForm && parseQuery(rawBody).ssl_check === '1') return reply(res, 200);

    const check = verifySlackSignature({
      signingSecret: this.opts.signingSecret,
      rawBody,
      timestamp: header(req, 'x-slack-request-timestamp'),
      signature: header(req, 'x-slack-signature'),
      nowMs: (this.opts.nowMs ?? Date.now)(),
    });
    if (!check.ok) {
      log.warn({ reason: check.reason }, 'slack: request refused (signature)');
      return reply(res, 401);
    }

    const body = parseBody(rawBody, isForm, mediaType);
    if (!body) {
      log.warn({ contentType: mediaType }, 'slack: unreadable request body');
      return reply(res, 400);
    }
    if (body.type === 'url_verification') return reply(res, 200, { challenge: body.challenge });
    if (!this.app) return reply(res, 503);

    let acked = false;
    const ack = async (response?: unknown): Promise<void> => {
      if (acked) return;
      acked = true;
      if (response === undefined || response === '') reply(res, 200);
      else if (typeof response === 'string') reply(res, 200, undefined, response);
      else reply(res, 200, response);
    };
    const retryNum = Number(header(req, 'x-slack-retry-num'));
    const event: ReceiverEvent = {
      body,
      ack,
      retryNum: Number.isInteger(retryNum) ? retryNum : undefined,
      retryReason: header(req, 'x-slack-retry-reason'),
    };
    const app = this.app;
    await this.opts.work.run('slack request', async () => {
      try {
        await app.processEvent(event);
      } finally {
        // Nothing listened (an event or command we do not handle): answer anyway, so Slack does not retry.
        if (!acked) await ack();
      }
    });
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseBody(rawBody: string, isForm: boolean, mediaType: string): Record<string, unknown> | undefined {
  try {
    if (isForm) {
      const fields = parseQuery(rawBody);
      // Interactivity sends one `payload` field of JSON; slash commands send plain fields.
      if (typeof fields.payload === 'string') return asObject(JSON.parse(fields.payload));
      return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
    }
    if (mediaType === 'application/json') return asObject(JSON.parse(rawBody));
    return undefined;
  } catch {
    return undefined;
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function reply(res: ServerResponse, status: number, json?: unknown, textBody?: string): void {
  if (res.headersSent) return;
  if (json !== undefined) {
    const payload = JSON.stringify(json);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
    res.end(payload);
  } else if (textBody !== undefined) {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(textBody) });
    res.end(textBody);
  } else {
    res.writeHead(status, { 'content-length': 0 });
    res.end();
  }
}
