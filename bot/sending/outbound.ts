/**
 * What the bot sends proactively, and the port it sends it through. Framework-free: the
 * botbuilder implementation lives in bot/botbuilder/proactive-transport.ts.
 */
import type { ConversationReference } from '../../core/model/conversation.js';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * An Adaptive Card as JSON. Only the top-level properties are named, so any card object
 * (bot/cards' `AdaptiveCard` included) fits without a cast.
 */
export interface AdaptiveCardContent {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly $schema?: string;
  readonly body?: readonly unknown[];
  readonly actions?: readonly unknown[];
  readonly fallbackText?: string;
  readonly refresh?: unknown;
  readonly msteams?: unknown;
  readonly lang?: string;
  readonly speak?: string;
}

/** A message: text, a card, or both (the text then shows above the card). */
export type OutboundActivity =
  | { readonly text: string; readonly card?: AdaptiveCardContent; readonly summary?: string }
  | { readonly text?: string; readonly card: AdaptiveCardContent; readonly summary?: string };

/** Sends into a stored conversation. Failures are thrown as `SendError` (send-error.ts). */
export interface ProactiveTransport {
  /** Posts a new message; resolves with the id Teams gave it (keep it to update the card later). */
  send(reference: ConversationReference, activity: OutboundActivity): Promise<{ id: string }>;
  /** Replaces a message sent earlier (for example a reminder card after the person answered elsewhere). */
  update(reference: ConversationReference, activityId: string, activity: OutboundActivity): Promise<{ id: string }>;
}
