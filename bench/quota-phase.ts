/**
 * `/quota` latency against the ledger size: one server over `engagements` adopted engagements whose
 * ledger is rewritten between measurements (same counters, hence the same reply, at each size; see
 * ledger.ts). Each `/quota` goes through the signed Slack path and is timed until the whole reply arrived:
 * its first message in the body of the acknowledgement, any others at the fake Slack's response_url, one
 * command at a time.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/open-database.ts';
import type { Program } from '../src/program/program-schema.ts';
import { benchSigningSecret, benchTeam, startDeskServer } from '../test/support/desk-server.ts';
import type { BenchSlack } from '../test/support/lean-fake-slack.ts';
import { withTimeout } from './with-timeout.ts';
import { writeLedger } from './ledger.ts';
import { seedManyEngagements, seedSlackPerson, seededAdoptedAt } from '../test/support/seed-engagements.ts';
import { createHash } from 'node:crypto';
import { postSigned, slashCommandBody, type SlackTarget } from '../test/support/slack-load.ts';
import { summarize, type LatencySummary } from './stats.ts';

export interface QuotaAtSize {
  entries: number;
  engagements: number;
  /** Time to the HTTP ack (with the reply's first message). */
  ack: LatencySummary;
  /** Time to the whole reply. */
  reply: LatencySummary;
  /** Messages per reply: the acknowledgement's, then response_url posts. */
  messagesPerReply: number;
  /** Size of the reply (all its posts, blocks included). */
  replyBytes: number;
  /** Digest of the reply: the same at every ledger size, since the counters are (see ledger.ts). */
  replySha1: string;
}

export interface QuotaFigures {
  via: 'signed Slack slash command over HTTP, timed to the whole reply (acknowledgement, then response_url posts)';
  sizes: QuotaAtSize[];
  /** p99 at the largest ledger / p99 at the smallest. */
  p99Growth: number;
  /** True when every ledger size got exactly the same reply (same state compared, only the ledger grew). */
  sameReplyAtEverySize: boolean;
  peakMemoryMiB: number | undefined;
}

export async function benchQuota(o: {
  program: Program;
  slack: BenchSlack;
  dir: string;
  engagements: number;
  ledgerSizes: number[];
  requests: number;
  warmup: number;
  logLevel: string;
  onProgress?: (line: string) => void;
}): Promise<QuotaFigures> {
  const file = path.join(o.dir, 'quota.db');
  const databaseUrl = `file:${file}`;
  const db = await openDatabase(databaseUrl);
  await seedSlackPerson(db.prisma, { team: benchTeam, user: 'USTAFF', displayName: 'Staff', roles: [{ role: 'staff' }] });
  const engagements = await seedManyEngagements(db.prisma, { program: o.program, team: benchTeam, count: o.engagements, expertCount: 50 });
  await db.close();

  const ledgerOpts = {
    from: seededAdoptedAt,
    to: new Date('2021-09-30T09:00:00Z'),
    categories: o.program.hourCategories.map((c) => c.code),
  };
  const sizes = [...o.ledgerSizes];
  let started = performance.now();
  writeLedger(file, engagements, sizes[0]!, ledgerOpts);
  o.onProgress?.(`ledger of ${sizes[0]} entries written in ${Math.round(performance.now() - started)} ms`);

  const server = await startDeskServer({ databaseUrl, slackApiUrl: o.slack.apiUrl, logLevel: o.logLevel });
  try {
    const target: SlackTarget = {
      eventsUrl: `${server.url}/slack/events`,
      signingSecret: benchSigningSecret,
      team: benchTeam,
      responseUrl: o.slack.responseUrl,
    };
    let seq = 0;
    const quotaOnce = async (posts: number) => {
      const id = `q${++seq}`;
      const body = slashCommandBody(target, { id, user: 'USTAFF', command: '/quota', text: '' });
      const sentAt = performance.now();
      const answer = await postSigned(target, body);
      const ackedAt = performance.now();
      if (answer.status !== 200) throw new Error(`/quota answered HTTP ${answer.status}`);
      const replies = posts > 0 ? await withTimeout(o.slack.responsesTo(id, posts), 30_000, `/quota reply ${id}`) : [];
      return {
        ack: ackedAt - sentAt,
        reply: (replies.at(-1)?.at ?? ackedAt) - sentAt,
        id,
        bytes: Buffer.byteLength(answer.body) + replies.reduce((n, r) => n + r.bytes, 0),
        sha1: [createHash('sha1').update(answer.body).digest('hex'), ...replies.map((r) => r.sha1)].join(','),
      };
    };
    // How many more messages one reply makes: the first reply, then a pause long enough for any others.
    const first = await quotaOnce(0);
    await new Promise((r) => setTimeout(r, 1_000));
    const posts = o.slack.responses.get(first.id)?.length ?? 0;
    const messagesPerReply = 1 + posts;

    const results: QuotaAtSize[] = [];
    for (const [i, size] of sizes.entries()) {
      if (i > 0) {
        started = performance.now();
        writeLedger(file, engagements, size, ledgerOpts);
        o.onProgress?.(`ledger rewritten with ${size} entries in ${Math.round(performance.now() - started)} ms`);
      }
      for (let w = 0; w < o.warmup; w++) await quotaOnce(posts);
      const samples = [];
      for (let n = 0; n < o.requests; n++) samples.push(await quotaOnce(posts));
      results.push({
        entries: size,
        engagements: engagements.length,
        ack: summarize(samples.map((s) => s.ack)),
        reply: summarize(samples.map((s) => s.reply)),
        messagesPerReply,
        replyBytes: samples[0]!.bytes,
        replySha1: samples[0]!.sha1,
      });
      o.onProgress?.(`/quota at ${size} entries: p99 ${results.at(-1)!.reply.p99} ms`);
    }
    const peakMemoryMiB = server.memory()?.peakMiB;
    return {
      via: 'signed Slack slash command over HTTP, timed to the whole reply (acknowledgement, then response_url posts)',
      sizes: results,
      p99Growth: Math.round((results.at(-1)!.reply.p99 / results[0]!.reply.p99) * 100) / 100,
      sameReplyAtEverySize: results.every((r) => r.replySha1 === results[0]!.replySha1),
      peakMemoryMiB,
    };
  } finally {
    await server.stop();
  }
}
