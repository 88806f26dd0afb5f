/**
 * A TCP proxy on loopback in front of a real server (PostgreSQL), that a test can cut: `cut()` closes every
 * connection through it and stops listening (new connections are refused), as when the database went away;
 * `restore()` listens again on the same port.
 */
import { createServer, Socket, type Server } from 'node:net';

export interface TcpProxy {
  port: number;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = new Socket();
    upstream.connect(target.port, target.host);
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      open.add(a);
      a.on('data', (chunk) => b.write(chunk));
      a.on('close', () => {
        open.delete(a);
        b.destroy();
      });
      a.on('error', () => b.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    cut() {
      server.close();
      for (const s of open) s.destroy();
    },
    restore() {
      if (!server.listening) server.listen(port, '127.0.0.1');
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of open) s.destroy();
        if (server.listening) server.close(() => resolve());
        else resolve();
      }),
  };
}
