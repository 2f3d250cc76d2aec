/** Accepted-request times per key, for enforcing sliding windows and reporting the highest rate seen. */
import type { FakeWindow } from './types.js';

/** Index of the first time in the ascending `times` that is greater than `bound`. */
function firstAfter(times: readonly number[], bound: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((times[middle] ?? Infinity) > bound) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Most entries of the ascending `times` inside any window (t − windowMs, t]. */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  let max = 0;
  let first = 0;
  for (let last = 0; last < times.length; last += 1) {
    const end = times[last] ?? 0;
    while ((times[first] ?? Infinity) <= end - windowMs) first += 1;
    max = Math.max(max, last - first + 1);
  }
  return max;
}

export class ArrivalLog {
  private readonly byKey = new Map<string, number[]>();

  /** Accepted requests for `key` in (now − windowMs, now]. */
  countWithin(key: string, now: number, windowMs: number): number {
    const times = this.byKey.get(key) ?? [];
    return times.length - firstAfter(times, now - windowMs);
  }

  /** The first window that one more request at `now` would exceed, if any. */
  exceeded(key: string, now: number, windows: readonly FakeWindow[]): FakeWindow | undefined {
    return windows.find((window) => this.countWithin(key, now, window.windowMs) >= window.limit);
  }

  add(key: string, at: number): void {
    const times = this.byKey.get(key);
    if (times === undefined) {
      this.byKey.set(key, [at]);
      return;
    }
    const last = times[times.length - 1] ?? -Infinity;
    if (at >= last) times.push(at);
    else times.splice(firstAfter(times, at), 0, at);
  }

  times(key: string): readonly number[] {
    return this.byKey.get(key) ?? [];
  }

  keys(): string[] {
    return [...this.byKey.keys()];
  }

  clear(): void {
    this.byKey.clear();
  }
}
