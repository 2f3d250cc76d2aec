import { createHash } from 'node:crypto';
import type { Logger } from '../../app/logger.js';
import { createLogBudget, type LogBudgetOptions } from '../../app/log-budget.js';
import type { SenderEvent } from './sender.js';

/**
 * The sender's retries and app-wide pauses as `warn` lines, so an operator sees Teams throttling
 * the app. A line names the conversation by a short hash (the id says whose chat it is) and
 * carries the status, code and Retry-After — never the recipient, the message or the
 * connector's error text. In a throttling storm the first lines of each minute are written and
 * the rest summed up in one line (app/log-budget.ts).
 */
export type SendLogOptions = Partial<Pick<LogBudgetOptions, 'perWindow' | 'windowMs' | 'now' | 'later'>>;

export const SEND_LOG_BUDGET = { perWindow: 10, windowMs: 60_000 };

export function sendEventLogger(log: Logger, options: SendLogOptions = {}): (event: SenderEvent) => void {
  const budget = createLogBudget({
    ...SEND_LOG_BUDGET,
    ...options,
    summarise: (held, windowMs) => {
      log.warn('proactive send warnings held back', { held, windowSeconds: windowMs / 1000 });
    },
  });
  return (event) => {
    if (!budget.admit(event.type === 'retry' ? `HTTP ${String(event.status)}` : 'paused')) return;
    const conversation = conversationHash(event.conversationId);
    if (event.type === 'app-paused') {
      log.warn('proactive sends paused', { conversation, delayMs: event.delayMs });
      return;
    }
    log.warn('proactive send retried', {
      conversation,
      attempt: event.attempt,
      status: event.status,
      code: event.code ?? null,
      retryAfterMs: event.retryAfterMs ?? null,
      delayMs: event.delayMs,
    });
  };
}

/** The same short hash a bot turn's `turnId` starts with, so a send and a turn in one chat can be matched. */
export function conversationHash(conversationId: string): string {
  return createHash('sha256').update(conversationId).digest('base64url').slice(0, 10);
}
