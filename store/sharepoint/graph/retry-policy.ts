/**
 * When to try a Graph request again, and how long to wait first. Pure decisions: the clock, the
 * randomness and the sleeping are injected so tests run instantly.
 *
 * - 429 is retried for every method: a throttled request was not executed.
 * - 503/504, network errors and timeouts are retried only for requests that are safe to repeat:
 *   GET, DELETE, and PATCH carrying If-Match (a repeat after success fails with 412, it cannot
 *   apply twice). A POST is never repeated blindly — the list client's idempotent create decides.
 * - The wait honours Retry-After (seconds or an HTTP-date). Without it: exponential backoff with
 *   full jitter. A Retry-After longer than `maxDelayMs` is not shortened: we give up instead,
 *   because retrying before Graph allows only earns more throttling.
 * - Attempts, each wait and the total wait are bounded.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Backoff base: attempt n waits up to `baseDelayMs × 2^n`. */
  baseDelayMs: number;
  /** No single wait is longer. */
  maxDelayMs: number;
  /** The waits of one request add up to no more than this. */
  maxTotalDelayMs: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** What one attempt came to. */
export type AttemptResult =
  | { kind: 'response'; status: number; retryAfter: string | null }
  | { kind: 'network' }
  | { kind: 'timeout' };

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; retryAfterMs: number | null };

export const THROTTLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return {
    maxAttempts: 5,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
    maxTotalDelayMs: 60_000,
    random: Math.random,
    sleep,
    now: Date.now,
    ...overrides,
  };
}

/** Requests that do no harm when repeated after an unknown outcome. */
export function isSafeToRepeat(method: Method, hasIfMatch: boolean): boolean {
  return method === 'GET' || method === 'DELETE' || (method === 'PATCH' && hasIfMatch);
}

/** Whether this result is worth another attempt at all, ignoring budgets. */
export function isRetryable(method: Method, hasIfMatch: boolean, result: AttemptResult): boolean {
  if (result.kind === 'response') {
    if (result.status === 429) return true;
    return (result.status === 503 || result.status === 504) && isSafeToRepeat(method, hasIfMatch);
  }
  return isSafeToRepeat(method, hasIfMatch);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP-date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP-date names its weekday and month (RFC 9110); anything else is not one.
  const at = /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** Full jitter: anywhere between 0 and `base × 2^attempt`, capped. */
export function backoffDelay(policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>, attempt: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(policy.random() * ceiling);
}

/**
 * Decides what to do after attempt number `attempt` (0-based) came to `result`, having already
 * waited `waitedMs` for this request.
 */
export function decideRetry(
  policy: RetryPolicy,
  input: { method: Method; hasIfMatch: boolean; result: AttemptResult; attempt: number; waitedMs: number },
): RetryDecision {
  const retryAfterMs = input.result.kind === 'response' ? parseRetryAfter(input.result.retryAfter, policy.now()) : null;
  const stop: RetryDecision = { retry: false, retryAfterMs };
  if (!isRetryable(input.method, input.hasIfMatch, input.result)) return stop;
  if (input.attempt + 1 >= policy.maxAttempts) return stop;
  if (retryAfterMs !== null && retryAfterMs > policy.maxDelayMs) return stop;
  const delayMs = retryAfterMs ?? backoffDelay(policy, input.attempt);
  if (input.waitedMs + delayMs > policy.maxTotalDelayMs) return stop;
  return { retry: true, delayMs };
}
