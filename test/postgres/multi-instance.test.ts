// Several bot processes on one PostgreSQL behave as one: two real server processes (src/main.ts) share
// a database, Teams activities reach either of them, and the hour cap, idempotency, slot bookings and
// step-by-step flows hold across both. Runs on TEST_DATABASE_URL (npm run test:postgres, CI).
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotConnector, type ConnectorCall, type SentActivity } from '../support/fake-bot-connector.ts';
import { startTs, waitFor } from '../support/run-process.ts';
import { textOfActivities } from '../support/teams-harness.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { testPostgresUrl } from '../support/temp-database.ts';

const server = testPostgresUrl();
const tenant = 'tenant-1';
const bot = { id: '28:desk-bot', name: 'Desk' };
const CAP_HOURS = 10;

interface Instance {
  name: string;
  url: string;
  stop(): Promise<void>;
  output(): string;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** `npm start` on the shared database, as an operator would run a second replica. */
async function startInstance(name: string, databaseUrl: string): Promise<Instance> {
  const port = await freePort();
  const proc = startTs('src/main.ts', {
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'test',
    // Pinned to a day of the FY2021 program, as the engagements below are set up.
    BOT_NOW: '2021-09-01T10:00:00+09:00',
    LOG_LEVEL: 'warn',
    SLACK_SIGNING_SECRET: '',
    SLACK_BOT_TOKEN: '',
    SLACK_APP_TOKEN: '',
    MICROSOFT_APP_ID: '',
    MICROSOFT_APP_PASSWORD: '',
    // Unauthenticated activities from the fake Bot Framework on loopback (the explicit local opt-in).
    TEAMS_ALLOW_UNAUTHENTICATED: '1',
  });
  const url = `http://127.0.0.1:${port}`;
  const up = await waitFor(async () => (await fetch(`${url}/healthz`)).status === 200);
  if (!up) {
    proc.child.kill('SIGKILL');
    throw new Error(`instance ${name} did not start:\n${proc.output()}`);
  }
  return {
    name,
    url,
    output: proc.output,
    async stop() {
      if (proc.child.exitCode === null) proc.child.kill('SIGTERM');
      await proc.exited;
    },
  };
}

let activitySeq = 0;

/** A personal-chat message activity from Teams user `user`, in English. */
function activity(connector: FakeBotConnector, user: string, fields: { text?: string; value?: unknown; replyToId?: string; id?: string }) {
  return {
    type: 'message',
    id: fields.id ?? `mi-${++activitySeq}-${Date.now()}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    from: { id: `29:${user}`, name: user, aadObjectId: `aad-${user}` },
    recipient: bot,
    conversation: { id: `a:personal-${user}`, conversationType: 'personal', tenantId: tenant },
    channelData: { tenant: { id: tenant } },
    locale: 'en-US',
    text: fields.text ?? '',
    ...(fields.value !== undefined ? { value: fields.value } : {}),
    ...(fields.replyToId ? { replyToId: fields.replyToId } : {}),
  };
}

async function post(instance: Instance, body: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${instance.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

/** The messages the bot sent in answer to activity `id` (from whichever instance). */
function repliesTo(connector: FakeBotConnector, id: string): SentActivity[] {
  return connector.calls.filter((c: ConnectorCall) => c.kind === 'reply' && c.activityId === id).map((c) => c.body);
}

function findSubmit(replies: SentActivity[], label: string): unknown {
  let found: unknown;
  const walk = (node: unknown): void => {
    if (found !== undefined || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    const element = node as Record<string, unknown>;
    if (element.type === 'Action.Submit' && typeof element.title === 'string' && element.title.includes(label)) {
      found = element.data;
      return;
    }
    for (const value of Object.values(element)) walk(value);
  };
  for (const reply of replies) walk(reply.attachments);
  return found;
}

describe.skipIf(!server)('two bot processes on one PostgreSQL (skipped without TEST_DATABASE_URL; npm run test:postgres)', () => {
  let tb: TestBot;
  let connector: FakeBotConnector;
  let instances: Instance[] = [];
  let capped = 0;
  let kimApps: number[] = [];

  /** The person behind a Teams user of these tests, as on their first message. */
  const teamsPerson = (user: string) =>
    tb.services.people.resolve({ key: `teams:${tenant}:aad-${user}`, platform: 'teams', tenant, userId: `aad-${user}`, displayName: user });

  /**
   * An adopted engagement of `company` in Thailand (both forms received, so it can book), with `expertId`
   * assigned and, if given, the Teams user `applicant` as its applicant.
   */
  async function engagement(company: string, expertId: number, capHours: number, applicant?: string): Promise<number> {
    const prisma = tb.db.prisma;
    const { id: companyId } = await tb.services.applications.findOrCreateCompany(company);
    let applicantId: number | null = null;
    if (applicant) {
      applicantId = (await teamsPerson(applicant)).id;
      await tb.services.people.grantRole({ personId: applicantId, role: 'applicant', companyId });
    }
    const received = new Date('2021-08-25T03:00:00Z');
    const app = await prisma.application.create({
      data: {
        companyId,
        country: 'th',
        status: 'adopted',
        applicantId,
        appliedAt: new Date('2021-07-20T00:00:00Z'),
        adoptedAt: new Date('2021-08-20T03:00:00Z'),
        capMinutes: capHours * 60,
        form1ReceivedAt: received,
        form2ReceivedAt: received,
      },
    });
    await prisma.assignment.create({ data: { applicationId: app.id, expertId } });
    return app.id;
  }

  async function teamsExpert(user: string): Promise<number> {
    const person = await teamsPerson(user);
    await tb.services.people.grantRole({ personId: person.id, role: 'expert', country: 'th' });
    return person.id;
  }

  beforeAll(async () => {
    tb = await createTestBot({ now: '2021-09-01T01:00:00Z' });
    connector = await FakeBotConnector.start();
    const [bob, kim, somchai] = [await teamsExpert('bob'), await teamsExpert('kim'), await teamsExpert('somchai')];
    capped = await engagement('Acme', bob, CAP_HOURS);
    kimApps = [await engagement('Beta Trading', kim, 50), await engagement('Gamma Foods', kim, 50)];
    // Two companies whose applicants will want the same slot of their expert.
    await engagement('Delta Motors', somchai, 30, 'aiko');
    await engagement('Epsilon Chemical', somchai, 30, 'ben');
    await tb.db.prisma.slot.create({
      data: { expertId: somchai, country: 'th', kind: 'consultation', startsAt: new Date('2021-09-15T07:00:00Z'), minutes: 60 },
    });
    // Both start at once on the migrated database: the advisory lock lets one apply (nothing left here).
    instances = await Promise.all([startInstance('A', tb.databaseUrl), startInstance('B', tb.databaseUrl)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await connector?.close();
    await tb?.close();
  });

  it('keeps the hour cap across instances, and stores every accepted request exactly once', async () => {
    // 24 one-hour entries against a 10-hour cap, alternating between the instances; 8 of them are
    // also delivered again, at the same time, to the other instance (a platform retry after a timeout).
    const sent = Array.from({ length: 24 }, (_, i) => activity(connector, 'bob', { text: `hours 1 meeting ${i}` }));
    const deliveries = sent.flatMap((a, i) => {
      const first = instances[i % 2]!;
      const other = instances[(i + 1) % 2]!;
      return i % 3 === 0 ? [post(first, a), post(other, a)] : [post(first, a)];
    });
    const statuses = await Promise.all(deliveries);
    expect(
      statuses.every((s) => s === 200),
      `statuses ${statuses.join(',')}\n${instances.map((i) => i.output()).join('\n')}`,
    ).toBe(true);

    const app = await tb.db.prisma.application.findUniqueOrThrow({ where: { id: capped } });
    const entries = await tb.db.prisma.hourEntry.findMany({ where: { applicationId: capped }, orderBy: { id: 'asc' } });
    // The cap holds: exactly the cap is logged, never more.
    expect(entries).toHaveLength(CAP_HOURS);
    expect(app.usedMinutes).toBe(CAP_HOURS * 60);
    expect(entries.reduce((sum, e) => sum + e.minutes, 0)).toBe(app.usedMinutes);

    // Each entry is one of the requests sent (its note is the request's number), each request at most one
    // entry (retries included).
    const noteOf = (a: { text?: string }) => a.text!.replace('hours 1 ', '');
    const notes = sent.map(noteOf);
    expect(entries.every((e) => notes.includes(e.note))).toBe(true);
    expect(new Set(entries.map((e) => e.note)).size).toBe(entries.length);

    // What bob was told matches the ledger: an activity answered "Logged … (#id)" is the entry with its
    // key; every other one was refused as over the cap.
    let accepted = 0;
    for (const a of sent) {
      const text = textOfActivities(repliesTo(connector, a.id));
      expect(text, `no answer to ${a.text}`).not.toBe('');
      const logged = [...text.matchAll(/Logged .*?\(#(\d+)\)/g)].map((m) => Number(m[1]));
      if (logged.length > 0) {
        accepted++;
        // A retry answered after the first finished repeats the same confirmation, never a second entry.
        expect(new Set(logged).size).toBe(1);
        expect(entries.find((e) => e.id === logged[0])?.note).toBe(noteOf(a));
      } else {
        expect(text).toMatch(/Not logged/);
        expect(entries.some((e) => e.note === noteOf(a))).toBe(false);
      }
    }
    expect(accepted).toBe(CAP_HOURS);
  }, 120_000);

  it('continues a conversation on the other instance: the question on A, the answer on B', async () => {
    // kim works on two engagements, so an entry without a company asks which one.
    const typed = activity(connector, 'kim', { text: 'hours 2 review NDA' });
    expect(await post(instances[0]!, typed)).toBe(200);
    const question = repliesTo(connector, typed.id);
    expect(textOfActivities(question)).toContain('Gamma Foods');
    const choice = findSubmit(question, 'Gamma Foods');
    expect(choice, textOfActivities(question)).toBeDefined();

    const click = activity(connector, 'kim', { value: choice, replyToId: question[0]?.id as string | undefined });
    expect(await post(instances[1]!, click)).toBe(200);
    const answer = textOfActivities(repliesTo(connector, click.id));
    expect(answer).toMatch(/Logged 2 h/);

    const entries = await tb.db.prisma.hourEntry.findMany({ where: { applicationId: { in: kimApps } } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ applicationId: kimApps[1], minutes: 120 });

    // The same click delivered again, now to A, does not log a second time.
    expect(await post(instances[0]!, click)).toBe(200);
    expect(await tb.db.prisma.hourEntry.count({ where: { applicationId: { in: kimApps } } })).toBe(1);
  }, 60_000);

  it('books a slot once when two applicants confirm it at the same moment on different instances', async () => {
    // Each step of each booking goes to the other instance than the one before (state in the database).
    const step = async (user: string, instance: Instance, fields: { text?: string; value?: unknown }) => {
      const sent = activity(connector, user, fields);
      expect(await post(instance, { ...sent, locale: 'ja-JP' })).toBe(200);
      return repliesTo(connector, sent.id);
    };
    const click = async (user: string, instance: Instance, replies: SentActivity[], label: string) => {
      const value = findSubmit(replies, label);
      if (value === undefined) throw new Error(`no button "${label}" for ${user} in:\n${textOfActivities(replies)}`);
      return step(user, instance, { value });
    };
    const [a, b] = instances as [Instance, Instance];
    const toConfirmation = async (user: string, first: Instance, second: Instance) => {
      let replies = await step(user, first, { text: 'book' });
      replies = await click(user, second, replies, 'コンサルテーション');
      replies = await click(user, first, replies, 'A1');
      return click(user, second, replies, '9月15日');
    };
    const aikoAsk = await toConfirmation('aiko', a, b);
    const benAsk = await toConfirmation('ben', b, a);

    const [aiko, ben] = await Promise.all([click('aiko', a, aikoAsk, '予約する'), click('ben', b, benAsk, '予約する')]);
    const texts = [aiko, ben].map(textOfActivities);
    expect(
      texts.filter((t) => /予約 #\d+ が確定しました/.test(t)),
      texts.join('\n---\n'),
    ).toHaveLength(1);
    expect(
      texts.filter((t) => t.includes('その枠はちょうど他の方が予約されました')),
      texts.join('\n---\n'),
    ).toHaveLength(1);
    expect(await tb.db.prisma.booking.count()).toBe(1);
    expect(await tb.db.prisma.slot.count({ where: { status: 'booked' } })).toBe(1);
  }, 60_000);

  it('answers /healthz on both, each reporting the shared database up', async () => {
    for (const instance of instances) {
      const body = (await (await fetch(`${instance.url}/healthz`)).json()) as { database: string };
      expect(body.database).toBe('up');
    }
  });
});
