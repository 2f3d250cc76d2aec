import { describe, expect, it } from 'vitest';
import { SlidingWindowLog, TEAMS_CONVERSATION_WINDOWS } from './rate-limit.js';

/** Starts a request at `start` and completes it `latency` ms later. */
function send(log: SlidingWindowLog, start: number, latency = 0): void {
  expect(log.nextFreeAt(start)).toBeLessThanOrEqual(start);
  log.acquire();
  log.complete(start + latency);
}

describe('SlidingWindowLog', () => {
  it('lets `limit` requests through at once, then frees a slot one window after the oldest completed', () => {
    const log = new SlidingWindowLog([{ limit: 3, windowMs: 1_000 }]);
    for (const at of [0, 10, 20]) send(log, at);
    expect(log.nextFreeAt(20)).toBe(1_000);
    expect(log.nextFreeAt(999)).toBe(1_000);
    expect(log.nextFreeAt(1_000)).toBe(1_000);
    send(log, 1_000);
    expect(log.nextFreeAt(1_000)).toBe(1_010);
  });

  it('counts a request in flight in every window, and cannot say when it frees', () => {
    const log = new SlidingWindowLog([{ limit: 2, windowMs: 1_000 }]);
    log.acquire();
    expect(log.nextFreeAt(0)).toBe(0);
    log.acquire();
    expect(log.nextFreeAt(5_000)).toBe(Infinity);
    expect(log.pending).toBe(2);
    log.complete(300);
    expect(log.nextFreeAt(400)).toBe(1_300);
  });

  it('keeps the slot from the completion time, so slow answers slow the pace (the service counted them on arrival)', () => {
    const log = new SlidingWindowLog([{ limit: 1, windowMs: 1_000 }]);
    send(log, 0, 250);
    expect(log.nextFreeAt(0)).toBe(1_250);
  });

  it('takes the latest time any window allows (Teams: 7 per second, 8 per 2 s)', () => {
    const log = new SlidingWindowLog(TEAMS_CONVERSATION_WINDOWS);
    for (let i = 0; i < 7; i += 1) send(log, i);
    expect(log.nextFreeAt(7)).toBe(1_000);
    send(log, 1_000);
    // 8 in the last 2 s: the first frees at 2 000 even though the 1 s window is free at 1 001.
    expect(log.nextFreeAt(1_000)).toBe(2_000);
  });

  it.each([
    { name: '60 per 30 s', windows: [{ limit: 60, windowMs: 30_000 }], count: 60, expected: 30_000 },
    { name: '1800 per hour', windows: [{ limit: 1_800, windowMs: 3_600_000 }], count: 1_800, expected: 3_600_000 },
  ])('enforces $name', ({ windows, count, expected }) => {
    const log = new SlidingWindowLog(windows);
    for (let i = 0; i < count; i += 1) send(log, 0);
    expect(log.nextFreeAt(0)).toBe(expected);
    expect(log.nextFreeAt(expected)).toBe(expected);
  });

  it('keeps completion times in order when answers come back out of order', () => {
    const log = new SlidingWindowLog([{ limit: 2, windowMs: 1_000 }]);
    log.acquire();
    log.acquire();
    log.complete(500);
    log.complete(100);
    expect(log.nextFreeAt(500)).toBe(1_100);
    expect(log.countWithin(1_200, 1_000)).toBe(1);
  });

  it('forgets entries older than its longest window and reports when idle', () => {
    const log = new SlidingWindowLog([{ limit: 5, windowMs: 1_000 }, { limit: 10, windowMs: 5_000 }]);
    send(log, 0);
    expect(log.isIdle(4_999)).toBe(false);
    expect(log.isIdle(5_000)).toBe(true);
  });

  it('stays correct over many entries (compaction)', () => {
    const log = new SlidingWindowLog([{ limit: 10, windowMs: 100 }]);
    let now = 0;
    for (let i = 0; i < 5_000; i += 1) {
      now = Math.max(now, log.nextFreeAt(now));
      send(log, now);
      expect(log.countWithin(now, 100)).toBeLessThanOrEqual(10);
    }
    // 10 per 100 ms: 5 000 requests take 49 900 ms of windows.
    expect(now).toBe(49_900);
  });

  it.each([
    { windows: [], message: 'at least one' },
    { windows: [{ limit: 0, windowMs: 1_000 }], message: 'limit' },
    { windows: [{ limit: 1.5, windowMs: 1_000 }], message: 'limit' },
    { windows: [{ limit: 1, windowMs: 0 }], message: 'length' },
  ])('refuses bad windows: $windows', ({ windows, message }) => {
    expect(() => new SlidingWindowLog(windows)).toThrow(message);
  });

  it('refuses complete() without acquire()', () => {
    expect(() => { new SlidingWindowLog([{ limit: 1, windowMs: 1 }]).complete(0); }).toThrow('without acquire');
  });

  it('forgets a released request, as if it had never started (a refused request the service did not count)', () => {
    const log = new SlidingWindowLog([{ limit: 2, windowMs: 1_000 }]);
    send(log, 0);
    log.acquire();
    expect(log.nextFreeAt(10)).toBe(1_000);
    log.release();
    expect(log.pending).toBe(0);
    expect(log.nextFreeAt(10)).toBe(10);
    expect(log.countWithin(10, 1_000)).toBe(1);
    expect(() => { log.release(); }).toThrow('without acquire');
  });
});
