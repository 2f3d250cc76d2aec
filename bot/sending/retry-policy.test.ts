import { describe, expect, it } from 'vitest';
import { backoffMs, checkRetryOptions, decideRetry, DEFAULT_RETRY, type RetryOptions } from './retry-policy.js';
import { SendError, type SendErrorDetails } from './send-error.js';

const options: RetryOptions = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 10_000 };
const half = (): number => 0.5;
const error = (details: SendErrorDetails): SendError => new SendError('boom', details);

describe('decideRetry', () => {
  it.each([
    { name: '429 with Retry-After', details: { status: 429, code: 'Throttled', retryAfterMs: 1_500 }, delayMs: 1_500, throttled: true },
    { name: '429 without Retry-After backs off', details: { status: 429 }, delayMs: 75, throttled: true },
    { name: '503 with Retry-After', details: { status: 503, retryAfterMs: 2_000 }, delayMs: 2_000, throttled: false },
    { name: '412 precondition failed', details: { status: 412 }, delayMs: 75, throttled: false },
    { name: '502', details: { status: 502 }, delayMs: 75, throttled: false },
    { name: '504', details: { status: 504 }, delayMs: 75, throttled: false },
    { name: 'connection refused (nothing was sent)', details: { status: 0, code: 'ECONNREFUSED' }, delayMs: 75, throttled: false },
    { name: 'Retry-After of 0', details: { status: 429, retryAfterMs: 0 }, delayMs: 0, throttled: true },
  ])('retries $name', ({ details, delayMs, throttled }) => {
    expect(decideRetry(error(details), 1, options, half)).toEqual({ kind: 'retry', delayMs, throttled });
  });

  it.each([
    { name: '400', details: { status: 400, code: 'BadArgument' }, reason: 'HTTP 400 BadArgument: boom' },
    { name: '401', details: { status: 401 }, reason: 'HTTP 401: boom' },
    { name: 'another 403', details: { status: 403, code: 'BotNotInConversationRoster' }, reason: 'HTTP 403 BotNotInConversationRoster' },
    { name: '404', details: { status: 404, code: 'ConversationNotFound' }, reason: 'ConversationNotFound' },
    { name: '413', details: { status: 413, code: 'MessageSizeTooBig' }, reason: 'MessageSizeTooBig' },
    { name: '500', details: { status: 500 }, reason: 'HTTP 500' },
    { name: 'a reset after sending (could duplicate)', details: { status: 0, code: 'ECONNRESET', outcomeUnknown: true }, reason: 'could post it twice' },
    { name: 'an unexpected error', details: { status: 0, code: 'UNEXPECTED' }, reason: 'no answer UNEXPECTED' },
  ])('does not retry $name', ({ details, reason }) => {
    const decision = decideRetry(error(details), 1, options, half);
    expect(decision.kind).toBe('failed');
    expect(decision.kind === 'failed' ? decision.reason : '').toContain(reason);
  });

  it('stops at once on a blocked conversation, whatever the attempt', () => {
    const decision = decideRetry(error({ status: 403, code: 'ConversationBlockedByUser', blocked: true }), 1, options, half);
    expect(decision).toEqual({ kind: 'blocked', reason: 'the person blocked or removed the bot (HTTP 403 ConversationBlockedByUser: boom)' });
  });

  it('gives up after maxAttempts, quoting the last error', () => {
    expect(decideRetry(error({ status: 429, retryAfterMs: 10 }), 3, options, half).kind).toBe('retry');
    expect(decideRetry(error({ status: 429, retryAfterMs: 10 }), 4, options, half)).toEqual({ kind: 'failed', reason: 'gave up after 4 attempts; last: HTTP 429: boom' });
  });

  it('does not wait for a Retry-After longer than this run is willing to', () => {
    const decision = decideRetry(error({ status: 429, retryAfterMs: 3_600_000 }), 1, options, half);
    expect(decision).toEqual({ kind: 'failed', reason: 'asked to wait 3600 s, more than the 10 s this run waits; last: HTTP 429: boom' });
  });
});

describe('backoffMs', () => {
  it.each([
    { attempt: 1, random: 0, expected: 50 },
    { attempt: 1, random: 0.999, expected: 100 },
    { attempt: 2, random: 0, expected: 100 },
    { attempt: 3, random: 0.5, expected: 300 },
    { attempt: 10, random: 0, expected: 500 },
    { attempt: 10, random: 0.999, expected: 1_000 },
  ])('attempt $attempt with random $random waits $expected ms', ({ attempt, random, expected }) => {
    expect(backoffMs(attempt, options, () => random)).toBe(expected);
  });
});

describe('checkRetryOptions', () => {
  it('accepts the defaults and refuses nonsense', () => {
    expect(() => { checkRetryOptions(DEFAULT_RETRY); }).not.toThrow();
    expect(() => { checkRetryOptions({ ...DEFAULT_RETRY, maxAttempts: 0 }); }).toThrow('maxAttempts');
    expect(() => { checkRetryOptions({ ...DEFAULT_RETRY, baseDelayMs: -1 }); }).toThrow('baseDelayMs');
  });
});
