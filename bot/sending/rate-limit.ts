/**
 * Sliding-window rate limits, as pure bookkeeping over times the caller passes in (no clock here).
 *
 * The service counts a request when it ARRIVES; we only know when we started it and when its
 * answer came back. So a request holds its slot from the moment it starts (in flight: it counts
 * in every window, and never expires) until its answer comes back, and then stays in the log at
 * its COMPLETION time. A new request starts only when, for every window, fewer than `limit`
 * entries lie within the last `windowMs`. Since the old request arrived no later than it
 * completed, and the new one arrives no earlier than it starts, the service sees at least
 * `windowMs` between them: the limit holds at the service whatever the network latency.
 */

export interface RateWindow {
  /** At most this many requests … */
  readonly limit: number;
  /** … in any window of this length (milliseconds). */
  readonly windowMs: number;
}

/** Teams, per bot per conversation (thread), for sends and conversation creates. */
export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

export function checkWindows(windows: readonly RateWindow[], what: string): void {
  if (windows.length === 0) throw new RangeError(`${what}: at least one rate window is needed`);
  for (const window of windows) {
    if (!Number.isInteger(window.limit) || window.limit < 1) throw new RangeError(`${what}: a window's limit must be a whole number ≥ 1, got ${window.limit}`);
    if (!Number.isFinite(window.windowMs) || window.windowMs <= 0) throw new RangeError(`${what}: a window's length must be > 0 ms, got ${window.windowMs}`);
  }
}

/** Index of the first element of the ascending `times[from…]` that is greater than `bound`. */
function firstAfter(times: readonly number[], from: number, bound: number): number {
  let low = from;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((times[middle] ?? Infinity) > bound) high = middle;
    else low = middle + 1;
  }
  return low;
}

export class SlidingWindowLog {
  private readonly windows: readonly RateWindow[];
  private readonly horizonMs: number;
  /** Completion times, ascending; entries before `start` have expired. */
  private times: number[] = [];
  private start = 0;
  private inFlight = 0;

  constructor(windows: readonly RateWindow[]) {
    checkWindows(windows, 'rate limit');
    this.windows = windows.map((window) => ({ ...window }));
    this.horizonMs = Math.max(...windows.map((window) => window.windowMs));
  }

  /**
   * The earliest time ≥ now at which one more request may start, or Infinity when that depends
   * on a request still in flight (it will free its slot only once answered, plus the window).
   */
  nextFreeAt(now: number): number {
    this.prune(now);
    let freeAt = now;
    for (const { limit, windowMs } of this.windows) {
      const first = firstAfter(this.times, this.start, now - windowMs);
      const inWindow = this.times.length - first;
      const count = inWindow + this.inFlight;
      if (count < limit) continue;
      const mustExpire = count - limit + 1;
      if (mustExpire > inWindow) return Infinity;
      const expiring = this.times[first + mustExpire - 1] ?? Infinity;
      freeAt = Math.max(freeAt, expiring + windowMs);
    }
    return freeAt;
  }

  /** A request starts: it counts in every window until `complete`. */
  acquire(): void {
    this.inFlight += 1;
  }

  /** Its answer (success or failure) arrived at `at`. */
  complete(at: number): void {
    if (this.inFlight === 0) throw new Error('rate limit: complete() without acquire()');
    this.inFlight -= 1;
    const last = this.times[this.times.length - 1];
    if (last === undefined || at >= last) {
      this.times.push(at);
      return;
    }
    this.times.splice(firstAfter(this.times, this.start, at), 0, at);
  }

  /**
   * The request was refused without being counted (a 429): it leaves the log as if it had never
   * started. Only for limits the service itself applies to accepted requests alone.
   */
  release(): void {
    if (this.inFlight === 0) throw new Error('rate limit: release() without acquire()');
    this.inFlight -= 1;
  }

  get pending(): number {
    return this.inFlight;
  }

  /** Nothing in flight and nothing within the longest window: the log can be dropped. */
  isIdle(now: number): boolean {
    this.prune(now);
    return this.inFlight === 0 && this.start === this.times.length;
  }

  /** Entries in the log within the last `windowMs` (in flight included). */
  countWithin(now: number, windowMs: number): number {
    return this.times.length - firstAfter(this.times, this.start, now - windowMs) + this.inFlight;
  }

  private prune(now: number): void {
    this.start = firstAfter(this.times, this.start, now - this.horizonMs);
    if (this.start > 256 && this.start * 2 > this.times.length) {
      this.times = this.times.slice(this.start);
      this.start = 0;
    }
  }
}
