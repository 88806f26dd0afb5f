/** Rejects when `p` takes longer than `ms`: a benchmark waiting for an answer that never comes stops with why. */
import { performance } from 'node:perf_hooks';

export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: nothing after ${Math.round(performance.now() - started)} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
