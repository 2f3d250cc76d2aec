/** Pauses between re-applies, jittered so two writers in step stop colliding (benchmark R3). */
export interface Pacing {
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const REAL_PACING: Pacing = { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), random: Math.random };

/** No pause before the first attempt; then up to 25 ms × 2^attempt, jittered. */
export function pause(pacing: Pacing, attempt: number): Promise<void> {
  return attempt === 0 ? Promise.resolve() : pacing.sleep(Math.round(pacing.random() * 25 * 2 ** attempt));
}

/** The longest a store call waits for throttling, in one wait or all together; beyond it the call reports unavailable. */
export const MAX_WAIT_MS = 30_000;
