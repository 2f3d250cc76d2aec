/**
 * The bodies the fake answers with, shaped as the Bot Connector / Teams send them
 * (README.md gives the sources).
 */
import type { BlockedShape } from './types.js';

export interface FakeAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The Bot Framework error envelope (botframework-connector's ErrorResponse model). */
export function errorAnswer(status: number, code: string, message: string, headers?: Record<string, string>): FakeAnswer {
  return headers === undefined ? { status, body: { error: { code, message } } } : { status, body: { error: { code, message } }, headers };
}

/** Teams' status-code table: 429 `Throttled`, "Too many requests", with Retry-After. */
export function throttled(retryAfterSeconds: number): FakeAnswer {
  return errorAnswer(429, 'Throttled', 'Too many requests.', { 'Retry-After': String(retryAfterSeconds) });
}

/**
 * A conversation the person blocked (or whose app they uninstalled). `envelope` follows Teams'
 * status-code table; `subcode` follows the example in Teams' proactive-messaging page, whose
 * `message` is itself JSON carrying `subCode: MessageWritesBlocked`.
 */
export function blockedAnswer(shape: BlockedShape): FakeAnswer {
  if (shape === 'envelope') return errorAnswer(403, 'ConversationBlockedByUser', 'User blocked the conversation with the bot.');
  const inner = JSON.stringify({ subCode: 'MessageWritesBlocked', details: 'Thread is blocked from message writes.', errorCode: null, errorSubCode: null }, null, 2).replaceAll('\n', '\r\n');
  return { status: 403, body: { errorCode: 209, message: inner } };
}
