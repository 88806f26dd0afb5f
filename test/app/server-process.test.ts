/** `npm start` as an operator runs it: the compiled server in a real process, a fresh database, /healthz, SIGTERM. */
import { afterAll, describe, expect, it } from 'vitest';
import { listTables, tempDatabaseUrl } from '../support/temp-database.ts';
import { freePort, runCommand, startCommand, waitFor } from '../support/run-process.ts';
import { schemaModels } from '../support/schema-models.ts';

const temp = tempDatabaseUrl();
afterAll(() => temp.cleanup());

describe('the server process', () => {
  it('creates the database with every table, answers /healthz and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const server = startCommand('main', {
      PORT: String(port),
      DATABASE_URL: temp.url,
      LOG_LEVEL: 'info',
      SLACK_SIGNING_SECRET: '',
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
    });
    const healthy = await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200);
    expect(healthy, server.output()).toBe(true);
    const body = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { database: string };
    expect(body.database).toBe('up');

    // Every table of the schema (read from it: a table added tomorrow is checked too) and the migrations' bookkeeping.
    const tables = await listTables(temp.url);
    const expected = [...schemaModels().map((m) => m.table), '_prisma_migrations'];
    expect(expected).toContain('MembershipRequest');
    expect(expected.filter((t) => !tables.includes(t))).toEqual([]);

    expect((await fetch(`http://127.0.0.1:${port}/nowhere`)).status).toBe(404);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('stopped');
  });

  it('refuses to start with a bad variable and says which one', async () => {
    const r = await runCommand('main', [], { env: { PORT: 'eighty', DATABASE_URL: temp.url } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Cannot start: Invalid configuration');
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses to start with an invalid program file and says what is wrong', async () => {
    const r = await runCommand('main', [], { env: { PROGRAM: 'fy1999', DATABASE_URL: temp.url } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Cannot start: PROGRAM: no program definition');
  });
});
