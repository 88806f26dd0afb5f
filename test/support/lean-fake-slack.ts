/**
 * A lean fake Slack on loopback for the benchmark: answers the Web API methods the bot calls with `ok`,
 * and records when each `response_url` post (`/response/<id>`) arrives, so the bench can time a command
 * until its reply reached "Slack". Leaner than test/support/fake-slack-api.ts (which keeps every call
 * with its parsed arguments), so that the load generator sharing this process measures the server, not
 * the fake.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface ResponsePost {
  /** performance.now() when the post arrived. */
  at: number;
  /** The reply's fallback text (the first line the user sees). */
  text: string;
  /** Size and digest of the whole body (blocks included), to compare replies. */
  bytes: number;
  sha1: string;
}

export interface BenchSlack {
  /** Base URL for SLACK_API_URL (ends with `/api/`). */
  apiUrl: string;
  /** The response_url for request `id`. */
  responseUrl(id: string): string;
  /** Resolves with the first `count` posts to `id`'s response_url (at once when they came already). */
  responsesTo(id: string, count?: number): Promise<ResponsePost[]>;
  /** All response_url posts so far, by id, in arrival order. */
  responses: ReadonlyMap<string, ResponsePost[]>;
  /** Web API calls so far, by method. */
  apiCalls: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

export async function startBenchSlack(): Promise<BenchSlack> {
  const responses = new Map<string, ResponsePost[]>();
  const waiters = new Map<string, { count: number; resolve: (posts: ResponsePost[]) => void }>();
  const apiCalls = new Map<string, number>();
  let seq = 0;

  const server = createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 30_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/response/')) {
      const at = performance.now();
      const id = path.slice('/response/'.length);
      const raw = Buffer.concat(chunks);
      let text = '';
      try {
        text = String((JSON.parse(raw.toString('utf8')) as { text?: unknown }).text ?? '');
      } catch {
        text = '(unreadable)';
      }
      const posts = responses.get(id) ?? [];
      posts.push({ at, text, bytes: raw.length, sha1: createHash('sha1').update(raw).digest('hex') });
      responses.set(id, posts);
      const waiter = waiters.get(id);
      if (waiter && posts.length >= waiter.count) {
        waiters.delete(id);
        waiter.resolve(posts.slice(0, waiter.count));
      }
      return send(res, { ok: true });
    }
    const method = path.startsWith('/api/') ? path.slice('/api/'.length) : path;
    apiCalls.set(method, (apiCalls.get(method) ?? 0) + 1);
    const ts = `${1_600_000_000 + ++seq}.000100`;
    switch (method) {
      case 'conversations.open': {
        const users = new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('users') ?? 'X';
        return send(res, { ok: true, channel: { id: `D${users.split(',')[0]}` } });
      }
      case 'chat.postMessage':
        return send(res, { ok: true, ts, message: { ts } });
      default:
        return send(res, { ok: true });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    responsesTo(id, count = 1) {
      const posts = responses.get(id) ?? [];
      if (posts.length >= count) return Promise.resolve(posts.slice(0, count));
      return new Promise((resolve) => waiters.set(id, { count, resolve }));
    },
    responses,
    apiCalls,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}
