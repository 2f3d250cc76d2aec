import type { ConversationReference } from '../../core/model/index.js';
import type { Card } from '../service/turns.js';

/**
 * What the runner needs from delivery: one card per person, a result per person. The paced
 * sender in bot/sending/ fits it (paced-delivery.ts adapts it).
 */
export interface Delivery {
  /**
   * Sends each card and calls `onResult` with its outcome and its index in `items` as each one is
   * known — awaited before more is sent on that worker — so the caller can record it at once.
   * One person may get several cards (as a lead and as a plan owner): the index says which.
   */
  deliver(
    items: readonly { recipient: string; reference: ConversationReference; card: Card; summary?: string }[],
    onResult: (result: DeliveryResult, index: number) => Promise<void>,
  ): Promise<DeliveryResult[]>;
}

export type DeliveryResult =
  | { recipient: string; outcome: 'sent' }
  /** 403 MessageWritesBlocked: the person blocked or removed the bot. Do not try again. */
  | { recipient: string; outcome: 'blocked'; detail: string }
  | { recipient: string; outcome: 'failed'; detail: string };
