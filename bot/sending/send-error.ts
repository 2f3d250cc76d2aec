/**
 * The one error type of the sending boundary, and the pure helpers that read a Bot Connector
 * answer: Retry-After, the error body, and whether the person blocked or removed the bot.
 */

export interface SendErrorDetails {
  /** HTTP status of the answer; 0 when no answer arrived (connection refused, reset, timed out). */
  status: number;
  /** The connector's error code (`Throttled`, `ConversationBlockedByUser`, …) or the network error's (`ECONNRESET`). */
  code?: string | undefined;
  /** What Retry-After asked for, in milliseconds. */
  retryAfterMs?: number | undefined;
  /** 403 MessageWritesBlocked / ConversationBlockedByUser: the person blocked or uninstalled the bot; never retry. */
  blocked?: boolean;
  /**
   * No answer, but the request may have reached the service: a retry could post the message twice.
   * False when the connection was never made (nothing was sent).
   */
  outcomeUnknown?: boolean;
}

export class SendError extends Error {
  override readonly name = 'SendError';
  readonly status: number;
  readonly code: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly blocked: boolean;
  readonly outcomeUnknown: boolean;

  constructor(message: string, details: SendErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.status = details.status;
    this.code = details.code;
    this.retryAfterMs = details.retryAfterMs;
    this.blocked = details.blocked ?? false;
    this.outcomeUnknown = details.outcomeUnknown ?? false;
  }
}

/** Network errors raised before a connection existed: the request certainly was not delivered. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function wasNotSent(code: string | undefined): boolean {
  return code !== undefined && NOT_SENT_CODES.has(code);
}

/**
 * Retry-After as milliseconds: delta-seconds (fractions accepted, as some services send them) or
 * an HTTP date. Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowEpochMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date names its day and month; anything else (such as "-1") is unreadable.
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isFinite(date) ? Math.max(0, date - nowEpochMs) : undefined;
}

export interface ConnectorErrorBody {
  code?: string;
  message?: string;
  /** Teams' `subCode`, e.g. MessageWritesBlocked; it may sit inside a JSON string in `message`. */
  subCode?: string;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function stringField(record: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = record?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads a connector error body. Two shapes are known (test/fakes/connector/README.md):
 * `{"error":{"code","message"}}` (the Bot Framework envelope) and Teams' blocked answer
 * `{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",…}"}`, whose message is JSON again.
 */
export function readConnectorErrorBody(bodyText: string | undefined): ConnectorErrorBody {
  if (bodyText === undefined || bodyText.trim() === '') return {};
  const root = asRecord(parseJson(bodyText));
  if (root === undefined) return bodyText.includes('MessageWritesBlocked') ? { subCode: 'MessageWritesBlocked' } : {};
  const envelope = asRecord(root.error) ?? root;
  const result: ConnectorErrorBody = {};
  const code = stringField(envelope, 'code');
  const message = stringField(envelope, 'message');
  if (code !== undefined) result.code = code;
  if (message !== undefined) result.message = message;
  const nested = message === undefined ? undefined : asRecord(parseJson(message));
  const subCode = stringField(envelope, 'subCode') ?? stringField(root, 'subCode') ?? stringField(nested, 'subCode');
  if (subCode !== undefined) result.subCode = subCode;
  else if (bodyText.includes('MessageWritesBlocked')) result.subCode = 'MessageWritesBlocked';
  const details = stringField(nested, 'details');
  if (details !== undefined) result.message = details;
  return result;
}

/** 403 because the person blocked the bot or removed it: stop sending to this conversation. */
export function isBlockedAnswer(status: number, body: ConnectorErrorBody): boolean {
  if (status !== 403) return false;
  return body.subCode === 'MessageWritesBlocked' || body.code === 'MessageWritesBlocked' || body.code === 'ConversationBlockedByUser';
}

/** Normalises anything a transport threw; a non-SendError is a bug, reported as a permanent failure. */
export function asSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SendError(`unexpected error while sending: ${message}`, { status: 0, code: 'UNEXPECTED' }, { cause: error });
}
