/**
 * Timing side by side. The machine is small and noisy, so ours, its baseline (and any parts of
 * ours timed alone) run in turns within one process: whatever slows the machine down slows all of
 * them, and the order rotates so none always runs on a warmer cache. Medians, not means.
 */

/**
 * One thing to time. `before` and `after` run untimed around every run (a fresh database, say).
 * `run` returns what it made, so the work is used and cannot be skipped.
 */
export interface Variant {
  before?: () => void | Promise<void>;
  run: () => unknown;
  after?: () => void | Promise<void>;
}

export interface RunPlan {
  /** Untimed rounds first, so the JIT and caches settle. */
  warmup: number;
  /** Rounds to run at least, whatever the budget says. */
  minRuns: number;
  /** Rounds to run at most. */
  maxRuns: number;
  /** Stop (after minRuns rounds) once the timed rounds have taken this long, setup and all. */
  budgetMs: number;
  /**
   * Collect garbage (with --expose-gc) before every run, so one run's garbage is not collected
   * in the next one's time. Worth it for long runs; for runs of a few ms it costs more than the run.
   */
  gcEachRun: boolean;
}

export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  samplesMs: number[];
}

/** Collects garbage when node was started with --expose-gc; otherwise does nothing. */
export function collectGarbage(): void {
  const { gc } = globalThis as { gc?: () => void };
  gc?.();
}

/** Runs a variant once and returns its duration in ms; `before`, `after` and the garbage collection are not counted. */
export async function timeOnce(variant: Variant, gcFirst = true): Promise<number> {
  await variant.before?.();
  if (gcFirst) collectGarbage();
  const start = performance.now();
  const result = await variant.run();
  const elapsed = performance.now() - start;
  if (result === undefined || result === null) throw new Error('a benchmark run must return what it made');
  await variant.after?.();
  return elapsed;
}

/**
 * Times the variants in turns: one run of each per round, the starting variant rotating from
 * round to round (A B C, B C A, C A B, …), so every variant gets the same number of runs.
 */
export async function timeInTurns(variants: readonly Variant[], plan: RunPlan): Promise<Timing[]> {
  for (let round = 0; round < plan.warmup; round += 1) {
    for (const variant of variants) await timeOnce(variant, plan.gcEachRun);
  }
  const samples = variants.map((): number[] => []);
  const started = performance.now();
  for (let round = 0; round < plan.maxRuns && (round < plan.minRuns || performance.now() - started < plan.budgetMs); round += 1) {
    for (let turn = 0; turn < variants.length; turn += 1) {
      const index = (round + turn) % variants.length;
      const variant = variants[index];
      if (variant !== undefined) samples[index]?.push(await timeOnce(variant, plan.gcEachRun));
    }
  }
  return samples.map(summarise);
}

export function summarise(samplesMs: readonly number[]): Timing {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    minMs: sorted[0] ?? Number.NaN,
    samplesMs: [...samplesMs],
  };
}

/** The p-th percentile of sorted values, interpolating between neighbours (p 50 of an even count is the mean of the middle two). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = ((sorted.length - 1) * p) / 100;
  const below = Math.floor(position);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? low;
  return low + (high - low) * (position - below);
}
