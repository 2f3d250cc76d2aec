import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '../app/logger.js';
import { StoreError } from '../store/store-error.js';

/** Whether the store answered a cheap read; `reason` is short and names nothing internal. */
export type StoreCheck =
  | { ok: true; at: string; durationMs: number }
  | { ok: false; at: string; durationMs: number; reason: StoreCheckFailure };

/** `timeout`, a StoreError's code (`unavailable` for Graph down, throttled or no token), or `error`. */
export type StoreCheckFailure = 'timeout' | StoreError['code'] | 'error';

export interface StoreProbeOptions {
  /** A cheap read of the store; what it answers is ignored. */
  read: () => Promise<unknown>;
  /** The app's clock: the check's time, and how long its answer is kept. */
  now: () => Date;
  /** Longest wait for the read (default 5 s): a health check must answer quickly. */
  timeoutMs?: number;
  /** How long an answer is reused (default 10 s), so a load balancer polling cannot hammer SharePoint. */
  cacheMs?: number;
  /** Resolves after `ms`, or early once `signal` aborts; never rejects. Tests replace it. */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Told when the store stops answering and when it answers again, with the error's detail. */
  log?: Logger;
}

export const DEFAULT_PROBE = { timeoutMs: 5_000, cacheMs: 10_000 };

/** null: the store answered. */
type ReadOutcome = { error: unknown } | null;

/**
 * The store's health as a cached, time-boxed read. At most one read is in flight: a read that
 * outlives its check's timeout is waited on again by the next check rather than joined by
 * another, so a store that hangs is not asked more and more often.
 */
export function storeProbe(options: StoreProbeOptions): () => Promise<StoreCheck> {
  const { timeoutMs, cacheMs } = { ...DEFAULT_PROBE, ...options };
  const wait = options.wait ?? abortableWait;
  let reading: Promise<ReadOutcome> | null = null;
  let checking: Promise<StoreCheck> | null = null;
  let cached: { check: StoreCheck; from: number } | null = null;
  let failing = false;

  const read = (): Promise<ReadOutcome> => {
    reading ??= options.read().then(() => null, (error: unknown) => ({ error })).finally(() => {
      reading = null;
    });
    return reading;
  };
  const check = async (): Promise<StoreCheck> => {
    const at = options.now();
    const started = performance.now();
    const timer = new AbortController();
    const outcome = await Promise.race([read(), wait(timeoutMs, timer.signal).then(() => 'timeout' as const)]);
    timer.abort();
    const base = { at: at.toISOString(), durationMs: Math.round(performance.now() - started) };
    const error = outcome === null || outcome === 'timeout' ? null : outcome.error;
    const result: StoreCheck = outcome === null ? { ok: true, ...base } : { ok: false, ...base, reason: outcome === 'timeout' ? 'timeout' : failureOf(error) };
    const changed = result.ok ? failing : !failing;
    if (changed) logChange(options.log, result, error, timeoutMs);
    failing = !result.ok;
    cached = { check: result, from: options.now().getTime() };
    return result;
  };
  return () => {
    const now = options.now().getTime();
    // A clock that went back counts as expired too.
    if (cached && now >= cached.from && now < cached.from + cacheMs) return Promise.resolve(cached.check);
    checking ??= check().finally(() => {
      checking = null;
    });
    return checking;
  };
}

function failureOf(error: unknown): StoreCheckFailure {
  return error instanceof StoreError ? error.code : 'error';
}

/** Only changes are logged: a store down for an hour is one line, and the 503s say the rest. */
function logChange(log: Logger | undefined, check: StoreCheck, error: unknown, timeoutMs: number): void {
  if (check.ok) {
    log?.info('health check: store answering again', { durationMs: check.durationMs });
    return;
  }
  let detail = `no answer within ${String(timeoutMs)} ms`;
  if (error !== null) detail = error instanceof Error ? error.message : 'a failure that was not an Error';
  log?.warn('health check: store not answering', { reason: check.reason, error: detail });
}

async function abortableWait(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}
