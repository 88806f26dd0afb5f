/**
 * Posts to a `response_url` (slash commands and clicks): replies there need no channel membership.
 *
 * Retried, so a reply is not lost to a passing failure: on 429 after the Retry-After Slack gives, on 5xx
 * or a network error after short growing pauses. A response_url stays valid for 30 minutes. Other 4xx
 * (an expired url, a refused body) are not retried: trying again cannot help.
 */
export type PostToResponseUrl = (url: string, body: Record<string, unknown>) => Promise<void>;

export interface ResponseUrlRetry {
  attempts: number;
  /** Pause before the second attempt; doubles after each failure. */
  firstPauseMs: number;
  /** The longest Retry-After honoured. */
  maxRetryAfterMs: number;
}

export const responseUrlRetry: ResponseUrlRetry = { attempts: 4, firstPauseMs: 500, maxRetryAfterMs: 30_000 };

type Attempt = { ok: true } | { ok: false; reason: string; retry: boolean; retryAfterMs?: number };

async function postOnce(url: string, body: Record<string, unknown>, retry: ResponseUrlRetry): Promise<Attempt> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (e) {
    return { ok: false, reason: `response_url unreachable: ${e instanceof Error ? e.message : String(e)}`, retry: true };
  }
  await res.arrayBuffer().catch(() => undefined); // read to the end, so the connection can be reused
  if (res.ok) return { ok: true };
  const reason = `response_url answered HTTP ${res.status}`;
  if (res.status === 429) {
    const header = res.headers.get('retry-after');
    const seconds = header === null || header.trim() === '' ? Number.NaN : Number(header);
    return {
      ok: false,
      reason,
      retry: true,
      retryAfterMs: Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, retry.maxRetryAfterMs) : undefined,
    };
  }
  return { ok: false, reason, retry: res.status >= 500 };
}

export function createPostToResponseUrl(retry: ResponseUrlRetry = responseUrlRetry): PostToResponseUrl {
  return async (url, body) => {
    for (let attempt = 1; ; attempt++) {
      const outcome = await postOnce(url, body, retry);
      if (outcome.ok) return;
      if (!outcome.retry || attempt >= retry.attempts)
        throw new Error(attempt > 1 ? `${outcome.reason} (${attempt} attempts)` : outcome.reason);
      const pause = outcome.retryAfterMs ?? retry.firstPauseMs * 2 ** (attempt - 1);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  };
}

export const postToResponseUrl: PostToResponseUrl = createPostToResponseUrl();
