import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.js';

describe('createRateLimiter', () => {
  it('allows a burst, then refuses with the seconds to wait, then refills at the rate', () => {
    let now = 0;
    const limiter = createRateLimiter({ perSecond: 2, burst: 3 }, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(1);
    now += 500; // one token back at 2 a second
    expect([limiter.take('a'), limiter.take('a')]).toEqual([0, 1]);
  });

  it('keeps callers apart', () => {
    const limiter = createRateLimiter({ perSecond: 1, burst: 1 }, () => 0);
    expect([limiter.take('a'), limiter.take('b'), limiter.take('a')]).toEqual([0, 0, 1]);
  });

  it('says how long to wait when the rate is slow', () => {
    const limiter = createRateLimiter({ perSecond: 0.25, burst: 1 }, () => 0);
    limiter.take('a');
    expect(limiter.take('a')).toBe(4);
  });

  it('never refills beyond the burst', () => {
    let now = 0;
    const limiter = createRateLimiter({ perSecond: 10, burst: 2 }, () => now);
    now += 60_000;
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 1]);
  });

  it('refuses a limit that could never allow anything', () => {
    expect(() => createRateLimiter({ perSecond: 0, burst: 5 })).toThrow(RangeError);
  });
});
