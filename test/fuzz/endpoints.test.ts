/**
 * Fuzzing every endpoint of the running server (real startBot, real features, a temporary database, a
 * fake Slack on loopback): malformed, oversized and mistyped bodies, invalid JSON, random bytes, random
 * command text, unknown paths and methods. Each request gets a clear 4xx or a clear reply; the server keeps
 * running; a refused request stores nothing. Bounded: a fixed number of runs per property.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest } from '../../adapters/slack/verify-signature.ts';
import { engagement, type SetupTarget } from '../hours/engagements.ts';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';
import { directServices } from '../support/direct-services.ts';
import { countRows } from '../support/schema-models.ts';

let slack: SlackHarness;
let users: SetupTarget;
const runs = { numRuns: 40 };

beforeAll(async () => {
  // Teams in its most exposed mode: unauthenticated local use (loopback service URLs only).
  slack = await startSlackHarness({ env: { TEAMS_ALLOW_UNAUTHENTICATED: '1' } });
  users = {
    services: directServices(slack.running),
    db: slack.running.db,
    identity: (user) => ({ key: `slack:${slack.team}:${user}`, platform: 'slack', tenant: slack.team, userId: user }),
  };
  await engagement(users, { company: 'Acme', country: 'th', experts: ['UEXPERT'] });
}, 60_000);
afterAll(async () => {
  await slack?.close();
});

interface Answer {
  status: number;
  body: string;
}

async function send(
  path: string,
  o: { method?: string; body?: Uint8Array | string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const res = await fetch(`${slack.running.url}${path}`, { method: o.method ?? 'POST', headers: o.headers, body: o.body });
  return { status: res.status, body: await res.text() };
}

/** Slack's signature headers for `body` (as the server reads it: UTF-8 text). */
function signed(body: Uint8Array | string, o: { secret?: string; timestampSec?: number } = {}): Record<string, string> {
  const timestamp = String(o.timestampSec ?? Math.floor(Date.now() / 1000));
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  return {
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': signSlackRequest(o.secret ?? slack.signingSecret, timestamp, text),
  };
}

/** Rows in every table of the schema (read from it, so a new table is counted too). */
const counts = () => countRows(slack.running.db.prisma);

/** Runs `check`, then asserts nothing was stored meanwhile. */
async function storesNothing(check: () => Promise<void>): Promise<void> {
  await slack.settle();
  const before = await counts();
  await check();
  await slack.settle();
  expect(await counts()).toEqual(before);
}

const bytes = fc.uint8Array({ maxLength: 2048 });
const anyContentType = fc.constantFrom(
  'application/x-www-form-urlencoded',
  'application/json',
  'text/plain',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/x-www-form-urlencoded; charset=utf-8',
  '',
);
const notSlackBodyType = fc.constantFrom(
  'text/plain',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'text/html',
  '',
);
const notJson = fc.string({ maxLength: 500 }).filter((s) => {
  try {
    JSON.parse(s);
    return false;
  } catch {
    return true;
  }
});
const oversized = 'x'.repeat(1_100_000);

describe('POST /slack/events refuses what Slack did not send, and stores nothing', () => {
  it('answers 401 to unsigned bodies of any type', async () => {
    await storesNothing(async () => {
      await fc.assert(
        fc.asyncProperty(bytes, anyContentType, async (body, type) => {
          fc.pre(!Buffer.from(body).toString('utf8').includes('ssl_check')); // Slack's SSL check is unsigned by design
          const r = await send('/slack/events', { body, headers: type ? { 'content-type': type } : {} });
          expect(r.status).toBe(401);
        }),
        runs,
      );
    });
  });

  it('answers 401 to a slash command signed with another secret or an old timestamp', async () => {
    await storesNothing(async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 200 }), fc.boolean(), async (text, stale) => {
          const body = new URLSearchParams({
            team_id: slack.team,
            user_id: 'UFUZZ',
            channel_id: 'DUFUZZ',
            command: '/hours',
            text,
            response_url: slack.api.responseUrl(),
            trigger_id: `t${Math.random()}`,
          }).toString();
          const headers = stale
            ? signed(body, { timestampSec: Math.floor(Date.now() / 1000) - 3600 })
            : signed(body, { secret: 'not-the-secret' });
          const r = await send('/slack/events', { body, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' } });
          expect(r.status).toBe(401);
        }),
        runs,
      );
    });
  });

  it('answers 400 to signed bodies of other content types, invalid JSON and non-object JSON', async () => {
    await storesNothing(async () => {
      await fc.assert(
        fc.asyncProperty(bytes, notSlackBodyType, async (body, type) => {
          const r = await send('/slack/events', { body, headers: { ...signed(body), ...(type ? { 'content-type': type } : {}) } });
          expect(r.status).toBe(400);
        }),
        runs,
      );
      await fc.assert(
        fc.asyncProperty(notJson, async (body) => {
          const r = await send('/slack/events', { body, headers: { ...signed(body), 'content-type': 'application/json' } });
          expect(r.status).toBe(400);
        }),
        runs,
      );
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.array(fc.jsonValue(), { maxLength: 5 }), fc.string(), fc.integer(), fc.constant(null)),
          async (value) => {
            const body = JSON.stringify(value);
            const r = await send('/slack/events', { body, headers: { ...signed(body), 'content-type': 'application/json' } });
            expect(r.status).toBe(400);
          },
        ),
        runs,
      );
      await fc.assert(
        fc.asyncProperty(notJson, async (payload) => {
          const body = new URLSearchParams({ payload }).toString();
          const r = await send('/slack/events', {
            body,
            headers: { ...signed(body), 'content-type': 'application/x-www-form-urlencoded' },
          });
          expect(r.status).toBe(400);
        }),
        runs,
      );
    });
  });

  it('acknowledges signed payloads it does not understand, and does nothing with them', async () => {
    await storesNothing(async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 100 }), { maxKeys: 8 }),
          fc.boolean(),
          async (fields, asJson) => {
            fc.pre(!('ssl_check' in fields) && !('type' in fields) && !('command' in fields) && !('payload' in fields));
            const body = asJson ? JSON.stringify(fields) : new URLSearchParams(fields).toString();
            const type = asJson ? 'application/json' : 'application/x-www-form-urlencoded';
            const r = await send('/slack/events', { body, headers: { ...signed(body), 'content-type': type } });
            expect(r.status).toBe(200);
          },
        ),
        runs,
      );
    });
  });

  it('answers 413 to a body over 1 MB, signed or not, declared or streamed', async () => {
    await storesNothing(async () => {
      for (const headers of [{}, signed(oversized)]) {
        const r = await send('/slack/events', {
          body: oversized,
          headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        });
        expect(r.status).toBe(413);
      }
      // Without a content-length (chunked): counted while reading.
      const chunks = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 12; i++) controller.enqueue(new Uint8Array(100_000).fill(120));
          controller.close();
        },
      });
      const res = await fetch(`${slack.running.url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: chunks,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      // The connection stays usable: the next requests (which may reuse it) are answered.
      for (let i = 0; i < 3; i++) expect((await send('/healthz', { method: 'GET' })).status).toBe(200);
    });
  });
});

describe('random command text gets a clear reply', () => {
  const command = (user: string, name: string, text: string, trigger: string) =>
    new URLSearchParams({
      token: 'legacy',
      team_id: slack.team,
      channel_id: `D${user}`,
      channel_name: 'directmessage',
      user_id: user,
      user_name: user.toLowerCase(),
      command: name,
      text,
      response_url: slack.api.responseUrl(),
      trigger_id: trigger,
    }).toString();
  let seq = 0;

  it('answers every slash command, whatever its text, with a message; a stranger logs no hours', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/hours', '/budget', '/book', '/quota', '/eligibility', '/desk'),
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.string({ minLength: 3990, maxLength: 4100 }),
        ),
        fc.constantFrom('UFUZZ', 'UEXPERT'),
        async (name, text, user) => {
          const sent = slack.api.calls('response_url').length;
          const body = command(user, name, text, `fuzz${++seq}`);
          const r = await send('/slack/events', {
            body,
            headers: { ...signed(body), 'content-type': 'application/x-www-form-urlencoded' },
          });
          expect(r.status).toBe(200);
          await slack.settle();
          // The first reply is the body of the acknowledgement, any further ones go to the response_url.
          const acked = r.body === '' ? [] : [JSON.parse(r.body) as Record<string, unknown>];
          const replies = [
            ...acked,
            ...slack.api
              .calls('response_url')
              .slice(sent)
              .map((c) => c.args),
          ];
          expect(replies.length).toBeGreaterThan(0);
          for (const reply of replies) expect(String(reply.text ?? '').trim()).not.toBe('');
        },
      ),
      { numRuns: 60 },
    );
    // Whatever the stranger typed, no hours were logged in their name (they are no expert). The same entry,
    // well formed, from both people: the expert's is logged (so the count below can see an entry), the
    // stranger's is not.
    for (const user of ['UEXPERT', 'UFUZZ']) {
      const body = command(user, '/hours', '2 review NDA', `fuzz${++seq}`);
      const r = await send('/slack/events', { body, headers: { ...signed(body), 'content-type': 'application/x-www-form-urlencoded' } });
      expect(r.status).toBe(200);
    }
    await slack.settle();
    const entriesOf = async (user: string) => {
      const person = await directServices(slack.running).people.findByIdentityKey(`slack:${slack.team}:${user}`);
      expect(person, user).not.toBeNull();
      return slack.running.db.prisma.hourEntry.count({ where: { expertId: person!.id } });
    };
    expect(await entriesOf('UEXPERT')).toBeGreaterThan(0);
    expect(await entriesOf('UFUZZ')).toBe(0);
  }, 120_000);
});

describe('POST /api/messages (Teams) refuses what is not an activity, and stores nothing', () => {
  it('answers 400 to random bytes, invalid JSON and JSON that is not an activity', async () => {
    await storesNothing(async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            bytes.map((b) => Buffer.from(b)),
            notJson,
            fc.jsonValue().map((v) => JSON.stringify(v)),
          ),
          anyContentType,
          async (body, type) => {
            const r = await send('/api/messages', { body, headers: type ? { 'content-type': type } : {} });
            expect(r.status).toBe(400);
          },
        ),
        runs,
      );
    });
  });

  it('answers 413 to an activity over 1 MB', async () => {
    await storesNothing(async () => {
      const r = await send('/api/messages', {
        body: JSON.stringify({ type: 'message', text: oversized }),
        headers: { 'content-type': 'application/json' },
      });
      expect(r.status).toBe(413);
    });
  });

  it('answers a well-formed message with random text with replies', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), async (text) => {
        const activity = {
          type: 'message',
          id: `fuzz-${++n}`,
          channelId: 'msteams',
          serviceUrl: 'http://127.0.0.1:9/',
          from: { id: '29:fuzz', name: 'Fuzz', aadObjectId: 'aad-fuzz' },
          recipient: { id: '28:desk-bot', name: 'Desk' },
          conversation: { id: 'a:fuzz', conversationType: 'personal', tenantId: 'tenant-1' },
          channelData: { tenant: { id: 'tenant-1' } },
          text,
          deliveryMode: 'expectReplies',
        };
        const r = await send('/api/messages', { body: JSON.stringify(activity), headers: { 'content-type': 'application/json' } });
        expect(r.status).toBe(200);
        const replies = (JSON.parse(r.body) as { activities?: { text?: string; attachments?: unknown[] }[] }).activities ?? [];
        expect(replies.length).toBeGreaterThan(0);
        for (const a of replies) expect(Boolean(a.text?.trim()) || (a.attachments?.length ?? 0) > 0).toBe(true);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});

describe('other paths and methods', () => {
  it('answers 404 to unknown paths and 405 to the wrong method, and stores nothing', async () => {
    await storesNothing(async () => {
      await fc.assert(
        fc.asyncProperty(fc.webPath(), fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'), bytes, async (path, method, body) => {
          const known = ['/slack/events', '/api/messages', '/healthz'];
          const p = path.startsWith('/') ? path : `/${path}`;
          fc.pre(!known.includes(p.split('?')[0]!));
          const r = await send(p, { method, body: method === 'GET' ? undefined : body });
          expect(r.status).toBe(404);
        }),
        runs,
      );
      for (const [method, path] of [
        ['GET', '/slack/events'],
        ['PUT', '/slack/events'],
        ['GET', '/api/messages'],
        ['DELETE', '/api/messages'],
      ] as const) {
        expect((await send(path, { method })).status).toBe(405);
      }
      expect((await send('/healthz', { method: 'POST', body: 'x' })).status).toBe(404);
    });
  });

  it('is still healthy after all of it', async () => {
    const r = await send('/healthz', { method: 'GET' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ status: 'ok', database: 'up' });
  });
});
