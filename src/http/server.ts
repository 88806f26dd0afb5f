/** One HTTP server for every adapter, plus /healthz. Shutdown lets in-flight requests finish. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { DatabaseHealth, Logger } from '../core/ports.ts';
import type { HttpRoute } from './route.ts';

export interface HttpServer {
  server: Server;
  /** Resolves with the port actually bound (useful with PORT=0). */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting connections and waits for in-flight requests. */
  close(): Promise<void>;
}

export function createHttpServer(opts: { routes: HttpRoute[]; health: DatabaseHealth; log: Logger; version: string }): HttpServer {
  const routes = new Map(opts.routes.map((r) => [`${r.method} ${r.path}`, r]));

  const healthz = async (res: ServerResponse) => {
    const started = Date.now();
    try {
      await opts.health.ping();
      json(res, 200, { status: 'ok', database: 'up', latencyMs: Date.now() - started, version: opts.version });
    } catch (e) {
      // The reason is a fixed word (file-replaced, read-only, unreachable): no paths or driver text in the answer.
      const reason = (e as { reason?: unknown }).reason;
      opts.log.error({ err: e }, `health check: the database cannot do its job: ${e instanceof Error ? e.message : String(e)}`);
      json(res, 503, {
        status: 'degraded',
        database: 'down',
        reason: typeof reason === 'string' ? reason : 'unreachable',
        version: opts.version,
      });
    }
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method === 'GET' && path === '/healthz') return void healthz(res);
    const route = routes.get(`${req.method} ${path}`);
    if (!route) {
      const known = [...routes.values()].some((r) => r.path === path);
      return json(res, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
    }
    Promise.resolve(route.handle(req, res)).catch((e: unknown) => {
      opts.log.error({ err: e, path }, 'unhandled error in route');
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  // Slack and Teams keep connections alive; bound how long an idle one holds shutdown.
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 30_000;

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}
