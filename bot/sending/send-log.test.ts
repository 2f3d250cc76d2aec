import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../app/logger.js';
import { turnIdOf } from '../botbuilder/activity-bridge.js';
import { conversationHash, sendEventLogger } from './send-log.js';
import type { SenderEvent } from './sender.js';

const CONVERSATION = 'a:1Xq9-personal-chat-of-alex';
const RECIPIENT = '5c1e0c07-0000-4000-8000-00000000a1e5';

const retry = (status: number, extra: Partial<Extract<SenderEvent, { type: 'retry' }>> = {}): SenderEvent => ({
  type: 'retry',
  recipient: RECIPIENT,
  conversationId: CONVERSATION,
  attempt: 2,
  delayMs: 3_000,
  status,
  code: status === 429 ? 'Throttled' : undefined,
  retryAfterMs: status === 429 ? 3_000 : undefined,
  error: `HTTP ${String(status)}: the connector said something about ${RECIPIENT}`,
  ...extra,
});

describe('sendEventLogger', () => {
  it.each([
    { event: retry(429), line: { level: 'warn', message: 'proactive send retried', status: 429, code: 'Throttled', retryAfterMs: 3_000, delayMs: 3_000, attempt: 2 } },
    { event: retry(503), line: { level: 'warn', message: 'proactive send retried', status: 503, code: null, retryAfterMs: null, delayMs: 3_000, attempt: 2 } },
    { event: retry(0, { code: 'ECONNRESET' }), line: { level: 'warn', message: 'proactive send retried', status: 0, code: 'ECONNRESET' } },
    { event: { type: 'app-paused', conversationId: CONVERSATION, delayMs: 5_000 } as SenderEvent, line: { level: 'warn', message: 'proactive sends paused', delayMs: 5_000 } },
  ])('writes $line.message for status $event.status as a warning', ({ event, line }) => {
    const log = memoryLogger();
    sendEventLogger(log)(event);
    expect(log.lines).toEqual([expect.objectContaining({ ...line, conversation: conversationHash(CONVERSATION) })]);
  });

  it('never writes the conversation id, the recipient or the error text', () => {
    const log = memoryLogger();
    const onEvent = sendEventLogger(log);
    onEvent(retry(429));
    onEvent({ type: 'app-paused', conversationId: CONVERSATION, delayMs: 1 });
    const text = JSON.stringify(log.lines);
    expect(text).not.toContain(CONVERSATION);
    expect(text).not.toContain(RECIPIENT);
    expect(text).not.toContain('the connector said');
  });

  it('names the conversation as the prefix of the turn id of a turn in that chat', () => {
    expect(turnIdOf({ id: 'x', conversation: { id: CONVERSATION } }).split(':')[0]).toBe(conversationHash(CONVERSATION));
  });

  it('writes the first lines of a throttling storm and sums up the rest in one line', () => {
    const log = memoryLogger();
    const timers: (() => void)[] = [];
    const onEvent = sendEventLogger(log, { perWindow: 3, now: () => 0, later: (_ms, run) => timers.push(run) });
    for (let n = 0; n < 500; n += 1) onEvent(retry(n % 5 === 0 ? 503 : 429));
    onEvent({ type: 'app-paused', conversationId: CONVERSATION, delayMs: 1 });
    expect(log.lines).toHaveLength(3);
    for (const run of timers) run();
    expect(log.lines).toHaveLength(4);
    expect(log.lines[3]).toMatchObject({ level: 'warn', message: 'proactive send warnings held back', held: { 'HTTP 429': 398, 'HTTP 503': 99, paused: 1 }, windowSeconds: 60 });
  });
});
