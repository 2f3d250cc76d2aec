/**
 * Sends many proactive messages, paced under Teams' limits, and says what happened to each.
 *
 * - Messages to one conversation go one at a time, in the order given.
 * - Each conversation has its own sliding windows (default 7/1 s, 8/2 s, 60/30 s, 1800/h) and
 *   the app one more (default 40/s, under the documented 50); rate-limit.ts explains why they
 *   hold at the service whatever the latency.
 * - A bounded pool of workers (no floating promises: every send is awaited by its worker, and
 *   the workers by `sendAll`) picks, round robin, the next conversation allowed to send.
 * - A failed attempt goes to retry-policy.ts: 429 (and 412/502/503/504) are retried after
 *   Retry-After or a jittered backoff, pausing that conversation; when 429s look app-wide
 *   (throttle-monitor.ts) every conversation pauses. 403 MessageWritesBlocked is never retried,
 *   and the rest of that conversation's messages are not tried.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { ProactiveTransport } from './outbound.js';
import { checkWindows, type RateWindow, SlidingWindowLog, TEAMS_CONVERSATION_WINDOWS } from './rate-limit.js';
import { checkRetryOptions, decideRetry, DEFAULT_RETRY, describeError, type RetryOptions } from './retry-policy.js';
import { asSendError, type SendError } from './send-error.js';
import type { SendItem, SendResult } from './send-result.js';
import { type AppWideThrottleOptions, DEFAULT_APP_WIDE_THROTTLE, ThrottleMonitor } from './throttle-monitor.js';

export interface SenderClock {
  /** Milliseconds on a monotonic scale. */
  now(): number;
  /** Resolves after `ms`, or as soon as `signal` aborts; never rejects. It must really wait (or advance `now`). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const aborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true;

export const systemClock: SenderClock = {
  now: () => performance.now(),
  async sleep(ms, signal) {
    if (aborted(signal)) return;
    try {
      await delay(Math.max(0, ms), undefined, signal === undefined ? undefined : { signal });
    } catch (error) {
      if (!aborted(signal)) throw error;
    }
  },
};

export interface SenderLimits {
  /** Per conversation, per second (Teams: 7). */
  perConversationPerSecond: number;
  /** Further per-conversation windows (Teams: 8 per 2 s, 60 per 30 s, 1800 per hour). */
  perConversationWindows: readonly RateWindow[];
  /** For the whole app, per second. Teams documents 50 (older pages 30); 40 leaves room. */
  appPerSecond: number;
}

export const DEFAULT_LIMITS: SenderLimits = {
  perConversationPerSecond: 7,
  perConversationWindows: TEAMS_CONVERSATION_WINDOWS.filter((window) => window.windowMs !== 1_000),
  appPerSecond: 40,
};

export type SenderEvent =
  | {
      type: 'retry';
      recipient: string;
      conversationId: string;
      attempt: number;
      delayMs: number;
      /** The answer's HTTP status (0: none arrived), the connector's or the network's code, and what Retry-After asked for. */
      status: number;
      code: string | undefined;
      retryAfterMs: number | undefined;
      error: string;
    }
  | { type: 'app-paused'; conversationId: string; delayMs: number };

export interface SenderOptions {
  transport: ProactiveTransport;
  limits?: Partial<SenderLimits>;
  /** Requests in flight at once, across conversations (default 16). */
  concurrency?: number;
  /** Attempts per message, the first included (default 6). */
  maxAttempts?: number;
  /** Backoff without Retry-After, and the longest Retry-After waited for. */
  retry?: Partial<Omit<RetryOptions, 'maxAttempts'>>;
  appWideThrottle?: Partial<AppWideThrottleOptions>;
  clock?: SenderClock;
  /** For backoff jitter; [0, 1). */
  random?: () => number;
  /** Retries and app-wide pauses, for logging. */
  onEvent?: (event: SenderEvent) => void;
}

export interface Sender {
  /** One result per item, in the items' order. Resolves once every item has a result; never rejects for a failed send. */
  sendAll(items: readonly SendItem[], options?: SendAllOptions): Promise<SendResult[]>;
}

/** Longest a worker waits before looking again when it cannot know when something frees up. */
const MAX_IDLE_MS = 1_000;

interface Job {
  index: number;
  item: SendItem;
  attempts: number;
}

interface Queue {
  conversationId: string;
  jobs: Job[];
  next: number;
  inFlight: boolean;
}

interface Run {
  queues: Queue[];
  cursor: number;
  results: (SendResult | undefined)[];
  onResult: ((index: number, result: SendResult) => Promise<void>) | undefined;
}

export interface SendAllOptions {
  /**
   * Called as each item gets its result, and awaited before that worker sends anything else:
   * a caller that records outcomes here (the reminder outbox) loses at most the sends in flight
   * if the process dies, instead of the whole batch.
   */
  onResult?: (index: number, result: SendResult) => Promise<void>;
}

type Pick = { kind: 'send'; queue: Queue } | { kind: 'wait'; ms: number } | { kind: 'done' };

/** Wakes waiting workers when something changes (a send finished, a pause was set). */
class Wakeup {
  private readonly waiting = new Set<AbortController>();

  async wait(clock: SenderClock, ms: number): Promise<void> {
    const controller = new AbortController();
    this.waiting.add(controller);
    try {
      await clock.sleep(ms, controller.signal);
    } finally {
      this.waiting.delete(controller);
    }
  }

  notify(): void {
    for (const controller of this.waiting) controller.abort();
    this.waiting.clear();
  }
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number ≥ 1, got ${value}`);
  return value;
}

function newRun(items: readonly SendItem[]): Omit<Run, 'onResult'> {
  const byConversation = new Map<string, Queue>();
  items.forEach((item, index) => {
    const conversationId = item.reference.conversation.id;
    let queue = byConversation.get(conversationId);
    if (queue === undefined) {
      queue = { conversationId, jobs: [], next: 0, inFlight: false };
      byConversation.set(conversationId, queue);
    }
    queue.jobs.push({ index, item, attempts: 0 });
  });
  return { queues: [...byConversation.values()], cursor: 0, results: items.map(() => undefined) };
}

class PacedSender implements Sender {
  private readonly transport: ProactiveTransport;
  private readonly conversationWindows: readonly RateWindow[];
  private readonly app: SlidingWindowLog;
  private readonly conversations = new Map<string, SlidingWindowLog>();
  private readonly pausedUntil = new Map<string, number>();
  private appPausedUntil = -Infinity;
  private readonly monitor: ThrottleMonitor;
  private readonly wakeup = new Wakeup();
  private readonly concurrency: number;
  private readonly retry: RetryOptions;
  private readonly clock: SenderClock;
  private readonly random: () => number;
  private readonly onEvent: (event: SenderEvent) => void;

  constructor(options: SenderOptions) {
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.conversationWindows = [{ limit: positiveInteger(limits.perConversationPerSecond, 'perConversationPerSecond'), windowMs: 1_000 }, ...limits.perConversationWindows];
    checkWindows(this.conversationWindows, 'per-conversation limits');
    this.app = new SlidingWindowLog([{ limit: positiveInteger(limits.appPerSecond, 'appPerSecond'), windowMs: 1_000 }]);
    this.monitor = new ThrottleMonitor({ ...DEFAULT_APP_WIDE_THROTTLE, ...options.appWideThrottle });
    this.concurrency = positiveInteger(options.concurrency ?? 16, 'concurrency');
    this.retry = { ...DEFAULT_RETRY, ...options.retry, maxAttempts: options.maxAttempts ?? DEFAULT_RETRY.maxAttempts };
    checkRetryOptions(this.retry);
    this.transport = options.transport;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.onEvent = options.onEvent ?? (() => undefined);
  }

  async sendAll(items: readonly SendItem[], options: SendAllOptions = {}): Promise<SendResult[]> {
    const run = { ...newRun(items), onResult: options.onResult };
    const workers = Math.min(this.concurrency, run.queues.length);
    // allSettled, not all: a worker that throws (a bug, or a throwing onEvent) must not leave the
    // others running unawaited; the run finishes, then the error surfaces.
    const outcomes = await Promise.allSettled(Array.from({ length: workers }, () => this.work(run)));
    this.forgetIdle();
    const broken = outcomes.find((outcome) => outcome.status === 'rejected');
    if (broken !== undefined) throw new Error('sender: a worker failed', { cause: broken.reason });
    return run.results.map((result, index) => {
      if (result === undefined) throw new Error(`sender: item ${index} finished without a result`);
      return result;
    });
  }

  private async work(run: Run): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const pick = this.pick(run, now);
      if (pick.kind === 'done') return;
      if (pick.kind === 'wait') await this.wakeup.wait(this.clock, pick.ms);
      else await this.attempt(run, pick.queue);
    }
  }

  /** Synchronous, so two workers never take the same slot. */
  private pick(run: Run, now: number): Pick {
    const count = run.queues.length;
    if (count === 0) return { kind: 'done' };
    const appFree = Math.max(this.appPausedUntil, this.app.nextFreeAt(now));
    const floor = Math.max(now, appFree);
    let best = Infinity;
    let chosen = -1;
    for (let step = 0; step < count; step += 1) {
      const position = (run.cursor + step) % count;
      const queue = run.queues[position];
      if (queue === undefined || queue.inFlight) continue;
      const at = Math.max(appFree, this.pausedUntil.get(queue.conversationId) ?? -Infinity, this.limiter(queue.conversationId).nextFreeAt(now));
      if (at < best) {
        best = at;
        chosen = position;
      }
      if (best <= floor) break;
    }
    const queue = run.queues[chosen];
    if (queue !== undefined && best <= now) {
      run.cursor = chosen + 1;
      return { kind: 'send', queue };
    }
    return { kind: 'wait', ms: Number.isFinite(best) ? Math.min(best - now, MAX_IDLE_MS) : MAX_IDLE_MS };
  }

  private async attempt(run: Run, queue: Queue): Promise<void> {
    const job = queue.jobs[queue.next];
    if (job === undefined) throw new Error('sender: picked a conversation with nothing to send');
    const limiter = this.limiter(queue.conversationId);
    limiter.acquire();
    this.app.acquire();
    queue.inFlight = true;
    job.attempts += 1;
    let activityId: string | undefined;
    let failure: SendError | undefined;
    try {
      activityId = (await this.transport.send(job.item.reference, job.item.activity)).id;
    } catch (error) {
      failure = asSendError(error);
    }
    const done = this.clock.now();
    limiter.complete(done);
    // A 429 gives its app-wide slot back (decision 008): a throttled request was not accepted,
    // and counting it would cap delivery at limit × (share accepted) — 45/s of 50 with 10% 429s.
    // The conversation's own windows still count it, and a conversation that was throttled
    // waits out its Retry-After anyway; if 429s become app-wide the monitor pauses everyone.
    if (failure?.status === 429) this.app.release();
    else this.app.complete(done);
    queue.inFlight = false;
    let finished: number[];
    if (failure === undefined) {
      this.monitor.record(done, queue.conversationId, false);
      run.results[job.index] = { recipient: job.item.recipient, conversationId: queue.conversationId, attempts: job.attempts, status: 'sent', activityId: activityId ?? '' };
      this.advance(run, queue);
      finished = [job.index];
    } else {
      finished = this.failed(run, queue, job, failure, done);
    }
    for (const index of finished) {
      const result = run.results[index];
      if (result !== undefined && run.onResult !== undefined) await run.onResult(index, result);
    }
    this.wakeup.notify();
  }

  /** Returns the items that now have their final result (none when the send will be retried). */
  private failed(run: Run, queue: Queue, job: Job, error: SendError, now: number): number[] {
    const { conversationId } = queue;
    const base = { recipient: job.item.recipient, conversationId, attempts: job.attempts };
    const decision = decideRetry(error, job.attempts, this.retry, this.random);
    this.monitor.record(now, conversationId, decision.kind === 'retry' && decision.throttled);
    if (decision.kind === 'retry') {
      this.pausedUntil.set(conversationId, Math.max(this.pausedUntil.get(conversationId) ?? -Infinity, now + decision.delayMs));
      const { status, code, retryAfterMs } = error;
      this.onEvent({ type: 'retry', recipient: job.item.recipient, conversationId, attempt: job.attempts, delayMs: decision.delayMs, status, code, retryAfterMs, error: describeError(error) });
      if (decision.throttled && this.monitor.looksAppWide(now) && now + decision.delayMs > this.appPausedUntil) {
        this.appPausedUntil = now + decision.delayMs;
        this.onEvent({ type: 'app-paused', conversationId, delayMs: decision.delayMs });
      }
      return [];
    }
    if (decision.kind === 'failed') {
      run.results[job.index] = { ...base, status: 'failed', reason: decision.reason, httpStatus: error.status, code: error.code };
      this.advance(run, queue);
      return [job.index];
    }
    run.results[job.index] = { ...base, status: 'blocked', reason: decision.reason };
    const later = queue.jobs.slice(queue.next + 1);
    for (const other of later) {
      run.results[other.index] = { recipient: other.item.recipient, conversationId, attempts: 0, status: 'blocked', reason: 'not sent: an earlier message to this conversation was refused because the person blocked or removed the bot' };
    }
    queue.next = queue.jobs.length;
    this.advance(run, queue, false);
    return [job.index, ...later.map((other) => other.index)];
  }

  /** Moves past the current job; drops the conversation from the run when it has no more. */
  private advance(run: Run, queue: Queue, step = true): void {
    if (step) queue.next += 1;
    if (queue.next < queue.jobs.length) return;
    const position = run.queues.indexOf(queue);
    if (position < 0) return;
    run.queues.splice(position, 1);
    if (run.cursor > position) run.cursor -= 1;
  }

  private limiter(conversationId: string): SlidingWindowLog {
    let limiter = this.conversations.get(conversationId);
    if (limiter === undefined) {
      limiter = new SlidingWindowLog(this.conversationWindows);
      this.conversations.set(conversationId, limiter);
    }
    return limiter;
  }

  /** Drops the bookkeeping of conversations with nothing left in any window. */
  private forgetIdle(): void {
    const now = this.clock.now();
    for (const [id, limiter] of this.conversations) if (limiter.isIdle(now)) this.conversations.delete(id);
    for (const [id, until] of this.pausedUntil) if (until <= now) this.pausedUntil.delete(id);
  }
}

export function createSender(options: SenderOptions): Sender {
  return new PacedSender(options);
}
