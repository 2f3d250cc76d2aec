import type { SendResult } from '../sending/send-result.js';
import type { Sender } from '../sending/sender.js';
import type { Delivery, DeliveryResult } from './reminder-sender.js';

/** Reminder delivery through the paced sender: Teams' limits respected, one result per person. */
export function pacedDelivery(sender: Sender): Delivery {
  return {
    async deliver(items, onResult) {
      const results = await sender.sendAll(
        items.map((item) => ({ recipient: item.recipient, reference: item.reference, activity: { card: item.card, summary: item.summary ?? 'Followthrough reminder' } })),
        { onResult: (index, result) => onResult(toDelivery(result), index) },
      );
      return results.map(toDelivery);
    },
  };
}

function toDelivery(result: SendResult): DeliveryResult {
  if (result.status === 'sent') return { recipient: result.recipient, outcome: 'sent' };
  return { recipient: result.recipient, outcome: result.status, detail: result.reason };
}
