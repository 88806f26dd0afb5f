/**
 * A fake Slack on loopback for tests: it answers the Web API (`/api/<method>`), `response_url` posts
 * (`/response/<id>`) and file uploads (`/upload/<id>`), records every call, and can be told to fail a
 * method with HTTP 500 or 429 a number of times. `users.info` answers from a table of fake users
 * (`setUser`); anyone else is `user_not_found`, as in Slack.
 *
 *   const api = await startFakeSlackApi();
 *   // SLACK_API_URL = api.apiUrl; response urls from api.responseUrl()
 *   api.failNext('chat.postMessage', { status: 500 });
 *   api.calls('chat.postMessage')  // [{ method, args, ok, token }] in order
 *   api.useSocketMode(socket.url)   // apps.connections.open hands out a fake Socket Mode URL (fake-socket-mode.ts)
 *   await api.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';

export interface RecordedCall {
  /** `chat.postMessage`, `views.publish`…, `response_url`, `upload`, or `ack` (see recordAck). */
  method: string;
  /** Parsed arguments: form fields (JSON-valued ones such as `blocks` parsed), or the JSON body. */
  args: Record<string, unknown>;
  /** For response_url posts: which url (`/response/<id>`). */
  path: string;
  /** False when the fake was told to fail this call. */
  ok: boolean;
  /** What the fake answered (e.g. the `ts` of a posted message). */
  response: Record<string, unknown>;
  /** The bearer token the call came with (`xoxb-…` for the bot, `xapp-…` for `apps.connections.open`). */
  token?: string;
}

/** A user `users.info` knows: the fields of Slack's answer the bot may read. */
export interface FakeSlackUser {
  id: string;
  /** The handle (`yamada.t`). */
  name?: string;
  real_name?: string;
  /** profile.display_name ('' when the person set none). */
  display_name?: string;
  /** Sent only when the call asks with include_locale, as Slack does. */
  locale?: string;
  tz?: string;
}

export interface FakeSlackApi {
  /** Base URL for SLACK_API_URL (ends with `/api/`). */
  apiUrl: string;
  /** A fresh response_url on this fake. */
  responseUrl(): string;
  /** Every recorded call, or those of one method, in order (failed ones included, with ok=false). */
  calls(method?: string): RecordedCall[];
  /** Successful calls of `method` only. */
  delivered(method: string): RecordedCall[];
  /** Makes the next `times` calls of `method` fail with `status` (429 answers with Retry-After: 0). */
  failNext(method: string, opts: { status: 500 | 429 | 503; times?: number }): void;
  /**
   * Records a message the bot gave outside the Web API, in order with the calls: the body of the HTTP
   * answer to a slash command (Slack shows it as the command's reply).
   */
  recordAck(args: Record<string, unknown>, channel: string): void;
  /** Adds (or changes) a user `users.info` answers about. */
  setUser(user: FakeSlackUser): void;
  /** Makes `apps.connections.open` answer with this WebSocket URL (a fake Socket Mode endpoint). */
  useSocketMode(url: string): void;
  /** Holds calls of `method` unanswered (and unrecorded) until the returned function is called. */
  hold(method: string): () => void;
  reset(): void;
  close(): Promise<void>;
}

let channelSeq = 0;

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const recorded: RecordedCall[] = [];
  const failures = new Map<string, { status: number; times: number }>();
  const holds = new Map<string, Promise<void>>();
  const users = new Map<string, FakeSlackUser>();
  let seq = 0;
  let base = '';
  let socketModeUrl: string | undefined;

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readAll(req);
    const path = (req.url ?? '/').split('?')[0]!;
    const method = path.startsWith('/api/')
      ? path.slice('/api/'.length)
      : path.startsWith('/response/')
        ? 'response_url'
        : path.startsWith('/upload/')
          ? 'upload'
          : path;
    const args = method === 'upload' ? { content: raw } : parseArgs(raw, req.headers['content-type']);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    await holds.get(method);
    const failure = failures.get(method);
    if (failure && failure.times > 0) {
      failure.times--;
      const response = { ok: false, error: failure.status === 429 ? 'ratelimited' : 'internal_error' };
      recorded.push({ method, args, path, ok: false, response, token });
      res.writeHead(
        failure.status,
        failure.status === 429 ? { 'retry-after': '0', 'content-type': 'application/json' } : { 'content-type': 'application/json' },
      );
      res.end(JSON.stringify(response));
      return;
    }
    const response = method === 'upload' ? { ok: true } : answer(method, args);
    recorded.push({ method, args, path, ok: true, response, token });
    if (method === 'upload') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('OK');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(response));
  }

  function answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const ts = `${1_600_000_000 + ++seq}.000100`;
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' };
      case 'conversations.open':
        // One DM per user, stable: `D` + the user id.
        return { ok: true, channel: { id: `D${String(args.users ?? `X${++channelSeq}`).split(',')[0]}` } };
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts, message: { ts, text: args.text } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'views.publish':
        return { ok: true, view: { id: `V${seq}` } };
      case 'files.getUploadURLExternal':
        return { ok: true, upload_url: `${base}/upload/F${seq}`, file_id: `F${seq}` };
      case 'apps.connections.open':
        return socketModeUrl ? { ok: true, url: socketModeUrl } : { ok: false, error: 'not_allowed_token_type' };
      case 'files.completeUploadExternal':
        return { ok: true, files: [{ id: 'F1' }] };
      case 'users.info': {
        const u = users.get(String(args.user));
        if (!u) return { ok: false, error: 'user_not_found' };
        const withLocale = args.include_locale === true || args.include_locale === 'true';
        return {
          ok: true,
          user: {
            id: u.id,
            team_id: 'T1',
            name: u.name ?? u.id.toLowerCase(),
            real_name: u.real_name,
            tz: u.tz,
            ...(withLocale && u.locale ? { locale: u.locale } : {}),
            profile: { display_name: u.display_name ?? '', real_name: u.real_name ?? '' },
          },
        };
      }
      default:
        return { ok: true };
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: () => `${base}/response/${++seq}`,
    calls: (method) => recorded.filter((c) => method === undefined || c.method === method),
    delivered: (method) => recorded.filter((c) => c.method === method && c.ok),
    failNext(method, opts) {
      failures.set(method, { status: opts.status, times: opts.times ?? 1 });
    },
    recordAck(args, channel) {
      recorded.push({ method: 'ack', args: { ...args, channel }, path: '', ok: true, response: {} });
    },
    setUser(user) {
      users.set(user.id, user);
    },
    useSocketMode(url) {
      socketModeUrl = url;
    },
    hold(method) {
      let release = () => {};
      holds.set(method, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        holds.delete(method);
        release();
      };
    },
    reset() {
      recorded.length = 0;
      failures.clear();
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if ((contentType ?? '').includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { raw };
    }
  }
  const fields = parseQuery(raw);
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => {
      const value = Array.isArray(v) ? v[0] : v;
      // The Web API client sends objects and arrays (blocks, view) as JSON strings.
      if (typeof value === 'string' && /^[[{]/.test(value)) {
        try {
          return [k, JSON.parse(value) as unknown];
        } catch {
          return [k, value];
        }
      }
      return [k, value];
    }),
  );
}
