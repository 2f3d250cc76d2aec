import { describe, expect, it } from 'vitest';
import { backoffDelay, decideRetry, isRetryable, parseRetryAfter, retryPolicy, type AttemptResult, type Method } from './retry-policy.js';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const status = (code: number, retryAfter: string | null = null): AttemptResult => ({ kind: 'response', status: code, retryAfter });
const policy = retryPolicy({ random: () => 0.5, now: () => NOW, sleep: () => Promise.resolve() });

describe('isRetryable', () => {
  it.each<[Method, boolean, AttemptResult, boolean]>([
    ['GET', false, status(429), true],
    ['POST', false, status(429), true],
    ['PATCH', false, status(429), true],
    ['DELETE', false, status(429), true],
    ['GET', false, status(503), true],
    ['GET', false, status(504), true],
    ['DELETE', false, status(503), true],
    ['PATCH', true, status(503), true],
    ['PATCH', false, status(503), false],
    ['POST', false, status(503), false],
    ['POST', false, status(504), false],
    ['GET', false, status(500), false],
    ['GET', false, status(412), false],
    ['GET', false, status(404), false],
    ['GET', false, { kind: 'network' }, true],
    ['DELETE', false, { kind: 'timeout' }, true],
    ['PATCH', true, { kind: 'network' }, true],
    ['PATCH', false, { kind: 'network' }, false],
    ['POST', false, { kind: 'network' }, false],
    ['POST', false, { kind: 'timeout' }, false],
  ])('%s (If-Match %s) after %j → %s', (method, hasIfMatch, result, expected) => {
    expect(isRetryable(method, hasIfMatch, result)).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  it.each<[string | null, number | null]>([
    [null, null],
    ['', null],
    ['0', 0],
    ['7', 7000],
    [' 2 ', 2000],
    ['1.5', 1500],
    ['Sat, 01 Mar 2025 12:00:30 GMT', 30_000],
    ['Sat, 01 Mar 2025 11:59:00 GMT', 0],
    ['soon', null],
    ['-3', null],
  ])('%j → %j ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('backoffDelay', () => {
  it.each([
    [0, 0.5, 250],
    [1, 0.5, 500],
    [3, 0.5, 2000],
    [10, 0.5, 15_000],
    [3, 0, 0],
    [3, 0.999, 3996],
  ])('attempt %i with random %f waits %i ms (full jitter, capped at 30 s)', (attempt, random, expected) => {
    expect(backoffDelay({ baseDelayMs: 500, maxDelayMs: 30_000, random: () => random }, attempt)).toBe(expected);
  });
});

describe('decideRetry', () => {
  const decide = (method: Method, result: AttemptResult, attempt = 0, waitedMs = 0, hasIfMatch = false) => decideRetry(policy, { method, hasIfMatch, result, attempt, waitedMs });

  it('waits exactly what Retry-After says, in seconds or as a date', () => {
    expect(decide('POST', status(429, '3'))).toEqual({ retry: true, delayMs: 3000 });
    expect(decide('GET', status(503, 'Sat, 01 Mar 2025 12:00:10 GMT'))).toEqual({ retry: true, delayMs: 10_000 });
  });

  it('backs off with jitter when there is no Retry-After', () => {
    expect(decide('GET', status(503), 2)).toEqual({ retry: true, delayMs: 1000 });
    expect(decide('GET', { kind: 'network' }, 1)).toEqual({ retry: true, delayMs: 500 });
  });

  it('never repeats a POST after a 503 or a dropped connection', () => {
    expect(decide('POST', status(503, '1'))).toEqual({ retry: false, retryAfterMs: 1000 });
    expect(decide('POST', { kind: 'network' })).toEqual({ retry: false, retryAfterMs: null });
  });

  it('stops after the last attempt', () => {
    expect(decide('GET', status(429, '1'), 3).retry).toBe(true);
    expect(decide('GET', status(429, '1'), 4)).toEqual({ retry: false, retryAfterMs: 1000 });
  });

  it('gives up rather than retrying before a Retry-After longer than the cap', () => {
    expect(decide('GET', status(429, '120'))).toEqual({ retry: false, retryAfterMs: 120_000 });
  });

  it('keeps the total wait within its bound', () => {
    expect(decide('GET', status(429, '20'), 2, 30_000).retry).toBe(true);
    expect(decide('GET', status(429, '20'), 2, 45_000)).toEqual({ retry: false, retryAfterMs: 20_000 });
  });

  it('does not retry what is not throttling', () => {
    expect(decide('GET', status(400))).toEqual({ retry: false, retryAfterMs: null });
    expect(decide('PATCH', status(412), 0, 0, true)).toEqual({ retry: false, retryAfterMs: null });
  });
});
