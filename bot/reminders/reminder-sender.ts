import type { ConversationReference } from '../../core/model/index.js';
import type { Card } from '../service/turns.js';

/**
 * What the runner needs from delivery: one card per person, a result per person. The paced
 * sender in bot/sending/ fits it (paced-delivery.ts adapts it).
 */
export interface Delivery {
  /**
   * Sends each card and calls `onResult` as each one's outcome is known — awaited before more is
   * sent on that worker — so the caller can record it at once.
   */
  deliver(items: readonly { recipient: string; reference: ConversationReference; card: Card }[], onResult: (result: DeliveryResult) => Promise<void>): Promise<DeliveryResult[]>;
}

export type DeliveryResult =
  | { recipient: string; outcome: 'sent' }
  /** 403 MessageWritesBlocked: the person blocked or removed the bot. Do not try again. */
  | { recipient: string; outcome: 'blocked'; detail: string }
  | { recipient: string; outcome: 'failed'; detail: string };
