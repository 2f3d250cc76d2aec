import { percentile } from './measure.js';

/** Runs `call` `runs` times one after another and returns each result with its wall time. */
export async function timedRuns<T>(runs: number, call: () => Promise<T>): Promise<{ result: T; ms: number }[]> {
  const out: { result: T; ms: number }[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    const result = await call();
    out.push({ result, ms: performance.now() - start });
  }
  return out;
}

export function medianMs(samples: readonly { ms: number }[]): number {
  return percentile(
    samples.map((sample) => sample.ms).sort((a, b) => a - b),
    50,
  );
}

/** Runs `work` on every item with at most `concurrency` calls in flight, as that many callers would. */
export async function forEachConcurrently<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
