import type { ConversationReference } from '../../core/model/index.js';
import type { Card } from '../service/turns.js';

/**
 * What the runner needs from delivery: one card per person, a result per person. The paced
 * sender in bot/sending/ fits it (paced-delivery.ts adapts it).
 */
export interface Delivery {
  deliver(items: readonly { recipient: string; reference: ConversationReference; card: Card }[]): Promise<DeliveryResult[]>;
}

export type DeliveryResult =
  | { recipient: string; outcome: 'sent' }
  /** 403 MessageWritesBlocked: the person blocked or removed the bot. Do not try again. */
  | { recipient: string; outcome: 'blocked'; detail: string }
  | { recipient: string; outcome: 'failed'; detail: string };
