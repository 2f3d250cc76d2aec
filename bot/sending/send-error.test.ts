import { describe, expect, it } from 'vitest';
import { asSendError, isBlockedAnswer, parseRetryAfter, readConnectorErrorBody, SendError, wasNotSent } from './send-error.js';

const NOW = Date.parse('2025-03-29T17:34:33Z');

describe('parseRetryAfter', () => {
  it.each([
    { value: '1', expected: 1_000 },
    { value: ' 30 ', expected: 30_000 },
    { value: '0.25', expected: 250 },
    { value: '0', expected: 0 },
    { value: 'Sat, 29 Mar 2025 17:34:35 GMT', expected: 2_000 },
    { value: 'Sat, 29 Mar 2025 17:34:00 GMT', expected: 0 },
    { value: 'soon', expected: undefined },
    { value: '-1', expected: undefined },
    { value: '', expected: undefined },
    { value: null, expected: undefined },
    { value: undefined, expected: undefined },
  ])('reads $value as $expected ms', ({ value, expected }) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

// Teams' proactive-messaging page shows this exact 403 body for a user who blocked the bot.
const TEAMS_BLOCKED_EXAMPLE = '{"errorCode":209,"message":"{\\r\\n  \\"subCode\\": \\"MessageWritesBlocked\\",\\r\\n  \\"details\\": \\"Thread is blocked from message writes.\\",\\r\\n  \\"errorCode\\": null,\\r\\n  \\"errorSubCode\\": null\\r\\n}"}';

describe('readConnectorErrorBody', () => {
  it.each([
    { name: 'the Bot Framework envelope', body: '{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}', expected: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' } },
    { name: "Teams' blocked example (subCode inside the message)", body: TEAMS_BLOCKED_EXAMPLE, expected: { subCode: 'MessageWritesBlocked', message: 'Thread is blocked from message writes.' } },
    { name: 'a subCode beside the code', body: '{"error":{"code":"Forbidden","message":"no","subCode":"MessageWritesBlocked"}}', expected: { code: 'Forbidden', message: 'no', subCode: 'MessageWritesBlocked' } },
    { name: 'text that is not JSON but names the subcode', body: 'Forbidden: MessageWritesBlocked', expected: { subCode: 'MessageWritesBlocked' } },
    { name: 'a throttled answer', body: '{"error":{"code":"Throttled","message":"Too many requests."}}', expected: { code: 'Throttled', message: 'Too many requests.' } },
    { name: 'an empty body', body: '', expected: {} },
    { name: 'no body', body: undefined, expected: {} },
    { name: 'a JSON array', body: '[1]', expected: {} },
  ])('reads $name', ({ body, expected }) => {
    expect(readConnectorErrorBody(body)).toEqual(expected);
  });
});

describe('isBlockedAnswer', () => {
  it.each([
    { status: 403, body: { code: 'ConversationBlockedByUser' }, expected: true },
    { status: 403, body: { subCode: 'MessageWritesBlocked' }, expected: true },
    { status: 403, body: { code: 'MessageWritesBlocked' }, expected: true },
    { status: 403, body: { code: 'BotNotInConversationRoster' }, expected: false },
    { status: 403, body: { code: 'BotDisabledByAdmin' }, expected: false },
    { status: 400, body: { subCode: 'MessageWritesBlocked' }, expected: false },
  ])('$status $body → $expected', ({ status, body, expected }) => {
    expect(isBlockedAnswer(status, body)).toBe(expected);
  });
});

describe('asSendError and wasNotSent', () => {
  it('keeps a SendError and wraps anything else as a permanent, unexpected failure', () => {
    const original = new SendError('x', { status: 429 });
    expect(asSendError(original)).toBe(original);
    const wrapped = asSendError(new TypeError('oops'));
    expect(wrapped).toMatchObject({ status: 0, code: 'UNEXPECTED', blocked: false, outcomeUnknown: false, message: 'unexpected error while sending: oops' });
    expect(asSendError('text').message).toBe('unexpected error while sending: text');
  });

  it('knows which network errors mean nothing was sent', () => {
    expect(wasNotSent('ECONNREFUSED')).toBe(true);
    expect(wasNotSent('ECONNRESET')).toBe(false);
    expect(wasNotSent(undefined)).toBe(false);
  });
});
