/**
 * What to do after a failed attempt: retry (and after how long), or stop with `blocked` or
 * `failed`. Pure: the attempt number, the error and a random number in, a decision out.
 */
import { type SendError, wasNotSent } from './send-error.js';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Backoff when the service gave no Retry-After: about base × 2^(attempt−1), jittered, at most maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for inside one run: the message fails, a later sweep tries again. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 60_000 };

export type RetryDecision =
  | { kind: 'retry'; delayMs: number; /** a 429: counts towards deciding whether the whole app is throttled */ throttled: boolean }
  | { kind: 'blocked'; reason: string }
  | { kind: 'failed'; reason: string };

/** Statuses worth another try (platform facts: 429, and 412/502/503/504). */
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);

export function checkRetryOptions(options: RetryOptions): void {
  if (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1) throw new RangeError(`maxAttempts must be a whole number ≥ 1, got ${options.maxAttempts}`);
  for (const name of ['baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'] as const) {
    const value = options[name];
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be ≥ 0, got ${value}`);
  }
}

/** Exponential backoff with "equal jitter": half the step, plus up to half again at random. */
export function backoffMs(attempt: number, options: RetryOptions, random: () => number): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

export function describeError(error: SendError): string {
  const status = error.status === 0 ? 'no answer' : `HTTP ${error.status}`;
  return error.code === undefined ? `${status}: ${error.message}` : `${status} ${error.code}: ${error.message}`;
}

/** `attempt` is the number of the attempt that just failed (1 for the first). */
export function decideRetry(error: SendError, attempt: number, options: RetryOptions, random: () => number): RetryDecision {
  if (error.blocked) return { kind: 'blocked', reason: `the person blocked or removed the bot (${describeError(error)})` };
  const transient = TRANSIENT_STATUSES.has(error.status) || (error.status === 0 && wasNotSent(error.code));
  if (!transient) {
    const why = error.status === 0 && error.outcomeUnknown ? '; not retried: the message may have been delivered, and a retry could post it twice' : '';
    return { kind: 'failed', reason: `${describeError(error)}${why}` };
  }
  if (attempt >= options.maxAttempts) return { kind: 'failed', reason: `gave up after ${attempt} attempts; last: ${describeError(error)}` };
  const delayMs = error.retryAfterMs ?? backoffMs(attempt, options, random);
  if (delayMs > options.maxRetryAfterMs) {
    return { kind: 'failed', reason: `asked to wait ${Math.ceil(delayMs / 1000)} s, more than the ${Math.ceil(options.maxRetryAfterMs / 1000)} s this run waits; last: ${describeError(error)}` };
  }
  return { kind: 'retry', delayMs, throttled: error.status === 429 };
}
