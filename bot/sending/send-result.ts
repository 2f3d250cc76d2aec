import type { ConversationReference } from '../../core/model/conversation.js';
import type { OutboundActivity } from './outbound.js';

export interface SendItem {
  /** Who it is for (their Entra object id); echoed in the result. */
  recipient: string;
  reference: ConversationReference;
  activity: OutboundActivity;
}

interface ResultBase {
  recipient: string;
  conversationId: string;
  /** Requests made for this message (0 when it was not tried, see `blocked`). */
  attempts: number;
}

export type SendResult =
  | (ResultBase & { status: 'sent'; activityId: string })
  /** 403 MessageWritesBlocked for this message or an earlier one to the same conversation: not retried. */
  | (ResultBase & { status: 'blocked'; reason: string })
  /** A permanent error, or retries used up; `reason` says which and quotes the last error. */
  | (ResultBase & { status: 'failed'; reason: string; httpStatus: number; code: string | undefined });

export interface SendSummary {
  total: number;
  sent: number;
  blocked: number;
  failed: number;
}

/** Counts by outcome: report these, never "all sent". */
export function summarise(results: readonly SendResult[]): SendSummary {
  const summary: SendSummary = { total: results.length, sent: 0, blocked: 0, failed: 0 };
  for (const result of results) summary[result.status] += 1;
  return summary;
}
