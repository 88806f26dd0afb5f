/**
 * Sends signed Slack slash commands over HTTP the way Slack does (form body, v0 signature, timestamp),
 * `concurrency` at a time over keep-alive connections, and times each until its HTTP answer (Slack's ack,
 * whose body carries the reply Slack shows).
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { signSlackRequest } from '../../adapters/slack/verify-signature.ts';

export interface SlashCommand {
  /** Request id: also the trigger id and the response_url's last segment. */
  id: string;
  user: string;
  command: string;
  text: string;
  channel?: string;
}

export interface SentCommand {
  id: string;
  /** performance.now() when the request was sent. */
  sentAt: number;
  /** performance.now() when the HTTP answer was complete. */
  ackedAt: number;
  status: number;
  /** The text of the reply in the answer's body (the fallback text of its message), '' when it had none. */
  text: string;
}

/** The fallback text of a message in an acknowledgement's body. */
export function ackText(body: string): string {
  if (!body.startsWith('{')) return '';
  try {
    return String((JSON.parse(body) as { text?: unknown }).text ?? '');
  } catch {
    return '';
  }
}

export interface LoadResult {
  sent: SentCommand[];
  /** performance.now() of the first send and of the last answer. */
  startedAt: number;
  finishedAt: number;
  /** Requests that failed at the transport level (connection refused, reset). */
  errors: { id: string; error: string }[];
}

export interface SlackTarget {
  /** `http://127.0.0.1:<port>/slack/events`. */
  eventsUrl: string;
  signingSecret: string;
  team: string;
  /** The response_url Slack would give for request `id`. */
  responseUrl(id: string): string;
}

/** The form body Slack posts for a slash command. */
export function slashCommandBody(target: SlackTarget, c: SlashCommand): string {
  const channel = c.channel ?? `D${c.user}`;
  return new URLSearchParams({
    token: 'legacy',
    team_id: target.team,
    team_domain: 'bench',
    channel_id: channel,
    channel_name: channel.startsWith('D') ? 'directmessage' : 'general',
    user_id: c.user,
    user_name: c.user.toLowerCase(),
    command: c.command,
    text: c.text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: target.responseUrl(c.id),
    trigger_id: c.id,
  }).toString();
}

/** Posts one signed body; resolves with the status when the answer is complete. */
export function postSigned(
  target: SlackTarget,
  body: string,
  opts: { agent?: Agent; retryNum?: number; contentType?: string; signature?: string; timestampSec?: number } = {},
): Promise<{ status: number; body: string }> {
  const url = new URL(target.eventsUrl);
  const timestamp = String(opts.timestampSec ?? Math.floor(Date.now() / 1000));
  const headers: Record<string, string | number> = {
    'content-type': opts.contentType ?? 'application/x-www-form-urlencoded',
    'content-length': Buffer.byteLength(body),
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': opts.signature ?? signSlackRequest(target.signingSecret, timestamp, body),
  };
  if (opts.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(opts.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent: opts.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Sends every command, `concurrency` at a time; never rejects (transport failures are listed). */
export async function sendSlashCommands(
  target: SlackTarget,
  commands: readonly SlashCommand[],
  concurrency: number,
  opts: { onAnswer?: (sent: SentCommand) => void } = {},
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const sent: SentCommand[] = [];
  const errors: LoadResult['errors'] = [];
  let next = 0;
  const startedAt = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= commands.length) return;
      const c = commands[i]!;
      const body = slashCommandBody(target, c);
      const sentAt = performance.now();
      try {
        const { status, body: answerBody } = await postSigned(target, body, { agent });
        const answer = { id: c.id, sentAt, ackedAt: performance.now(), status, text: ackText(answerBody) };
        sent.push(answer);
        opts.onAnswer?.(answer);
      } catch (e) {
        errors.push({ id: c.id, error: e instanceof Error ? e.message : String(e) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, commands.length) }, worker));
  const finishedAt = performance.now();
  agent.destroy();
  return { sent, startedAt, finishedAt, errors };
}

/**
 * Sends every command on a fixed schedule, `ratePerSecond` of them per second, whether or not the earlier
 * ones were answered (an open loop, as people send commands): each is timed from its scheduled moment, so a
 * server falling behind shows in the latencies instead of slowing the load down. Never rejects.
 */
export async function sendAtRate(target: SlackTarget, commands: readonly SlashCommand[], ratePerSecond: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1_000 });
  const sent: SentCommand[] = [];
  const errors: LoadResult['errors'] = [];
  const startedAt = performance.now();
  const intervalMs = 1000 / ratePerSecond;
  await Promise.all(
    commands.map(async (c, i) => {
      const sentAt = startedAt + i * intervalMs;
      const wait = sentAt - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        const { status, body } = await postSigned(target, slashCommandBody(target, c), { agent });
        sent.push({ id: c.id, sentAt, ackedAt: performance.now(), status, text: ackText(body) });
      } catch (e) {
        errors.push({ id: c.id, error: e instanceof Error ? e.message : String(e) });
      }
    }),
  );
  const finishedAt = performance.now();
  agent.destroy();
  return { sent, startedAt, finishedAt, errors };
}
