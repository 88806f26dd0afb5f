/**
 * `GET /healthz` tells the truth: 200 only while the bot can read and write its real database. The real server
 * (startBot) on a real database file: the file deleted or replaced under it, writes refused, PostgreSQL gone.
 */
import { copyFileSync, renameSync, rmSync } from 'node:fs';
import { createServer, Socket, type Server } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/app/start.ts';
import { sqlitePathFromUrl } from '../../src/db/sqlite-url.ts';
import { tempDatabaseUrl, testDatabaseProvider, type TempDatabase } from '../support/temp-database.ts';

interface Health {
  status: number;
  body: { status: string; database: string; reason?: string };
}

let running: RunningBot | undefined;
let temp: TempDatabase | undefined;
const logLines: string[] = [];

afterEach(async () => {
  await running?.stop().catch(() => undefined);
  running = undefined;
  temp?.cleanup();
  temp = undefined;
  logLines.length = 0;
});

async function startOn(databaseUrl: string): Promise<RunningBot> {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  running = await startBot({
    env: { NODE_ENV: 'test', PORT: '0', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    logDestination: sink,
    host: '127.0.0.1',
    features: [],
  });
  return running;
}

async function health(bot: RunningBot): Promise<Health> {
  const response = await fetch(`${bot.url}/healthz`);
  return { status: response.status, body: (await response.json()) as Health['body'] };
}

describe.skipIf(testDatabaseProvider !== 'sqlite')('/healthz on SQLite', () => {
  it('answers 200 while the file is in place and can be written', async () => {
    temp = tempDatabaseUrl();
    const bot = await startOn(temp.url);
    expect(await health(bot)).toMatchObject({ status: 200, body: { status: 'ok', database: 'up' } });
  });

  it('answers 503 once the database file is deleted under the running server, and logs where and what to do', async () => {
    temp = tempDatabaseUrl();
    const bot = await startOn(temp.url);
    expect((await health(bot)).status).toBe(200);
    const file = sqlitePathFromUrl(temp.url);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });

    // The open connection still answers, and even writes (to a file nobody will read again): only the probe tells.
    await bot.db.prisma.person.create({ data: { displayName: 'lost at the next restart' } });
    expect(await health(bot)).toMatchObject({ status: 503, body: { status: 'degraded', database: 'down', reason: 'file-replaced' } });
    const logged = logLines.find((line) => line.includes('health check'));
    expect(logged).toContain(`the database file ${file} was deleted`);
    expect(logged).toContain('restart the server');
  });

  it('answers 503 once another file is put at the configured path (a restore over the running server)', async () => {
    temp = tempDatabaseUrl();
    const bot = await startOn(temp.url);
    const file = sqlitePathFromUrl(temp.url);
    await bot.db.prisma.$executeRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
    copyFileSync(file, `${file}.restored`);
    renameSync(`${file}.restored`, file);
    expect(await health(bot)).toMatchObject({ status: 503, body: { database: 'down', reason: 'file-replaced' } });
  });

  it('answers 503 while the database refuses writes, and 200 again once it accepts them', async () => {
    temp = tempDatabaseUrl();
    const bot = await startOn(temp.url);
    // The server's own connection made read-only: reads still work (SELECT 1 would say "up"), writes fail.
    await bot.db.prisma.$executeRawUnsafe('PRAGMA query_only = ON');
    try {
      expect(await bot.db.prisma.person.count()).toBe(0);
      expect(await health(bot)).toMatchObject({ status: 503, body: { database: 'down', reason: 'read-only' } });
      expect(logLines.find((line) => line.includes('health check'))).toContain('the database refuses writes');
    } finally {
      await bot.db.prisma.$executeRawUnsafe('PRAGMA query_only = OFF');
    }
    expect((await health(bot)).status).toBe(200);
  });
});

/** A TCP relay in front of the PostgreSQL server, so the test can cut the bot off from its database. */
async function relayTo(host: string, port: number): Promise<{ port: number; cut(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = new Socket();
    sockets.add(client).add(upstream);
    upstream.connect(port, host);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    cut: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe.skipIf(testDatabaseProvider !== 'postgresql')('/healthz on PostgreSQL', () => {
  it('answers 200 while the server answers, 503 once it cannot be reached', async () => {
    temp = tempDatabaseUrl();
    const direct = new URL(temp.url);
    const relay = await relayTo(direct.hostname, Number(direct.port || 5432));
    try {
      const viaRelay = new URL(temp.url);
      viaRelay.hostname = '127.0.0.1';
      viaRelay.port = String(relay.port);
      const bot = await startOn(viaRelay.toString());
      expect(await health(bot)).toMatchObject({ status: 200, body: { database: 'up' } });
      await relay.cut();
      expect(await health(bot)).toMatchObject({ status: 503, body: { database: 'down', reason: 'unreachable' } });
    } finally {
      await relay.cut().catch(() => undefined);
    }
  });
});
