/** Posts to a `response_url` (slash commands and clicks): replies there need no channel membership. */
export type PostToResponseUrl = (url: string, body: Record<string, unknown>) => Promise<void>;

export const postToResponseUrl: PostToResponseUrl = async (url, body) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`response_url answered HTTP ${res.status}`);
};
