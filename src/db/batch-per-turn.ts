/**
 * Turns single calls into batches: calls made during one turn of the event loop are run together on the
 * next "check" phase (setImmediate), as one statement instead of one each (under load, many requests finish
 * in one turn, and a statement through Prisma costs about as much as the rest of a Slack acknowledgement).
 * A failed batch fails each of its calls.
 */
export function batchPerTurn<T, R>(run: (items: T[]) => Promise<R[]>, maxBatch = 200): (item: T) => Promise<R> {
  let pending: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    for (let i = 0; i < batch.length; i += maxBatch) {
      const chunk = batch.slice(i, i + maxBatch);
      try {
        const results = await run(chunk.map((c) => c.item));
        for (const [j, c] of chunk.entries()) c.resolve(results[j]!);
      } catch (e) {
        for (const c of chunk) c.reject(e);
      }
    }
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      if (pending.push({ item, resolve, reject }) === 1) setImmediate(() => void flush());
    });
}
