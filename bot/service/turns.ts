import type { ConversationReference } from '../../core/model/index.js';
import type { AdaptiveCardContent } from '../sending/outbound.js';

/**
 * What the bot receives, in our words. The botbuilder bridge (bot/botbuilder/) translates
 * activities into these, so nothing below it knows botbuilder exists.
 */
export interface Sender {
  /** From the activity as the channel reports it — the only identity we trust. */
  aadObjectId: string | null;
  name: string | null;
}

export type InboundTurn =
  | { kind: 'installed'; sender: Sender; reference: ConversationReference; tenantId: string | null }
  | { kind: 'uninstalled'; sender: Sender; personal: boolean }
  /** Any other activity that tells us where the person is (Teams' conversationUpdate): remember, say nothing. */
  | { kind: 'seen'; sender: Sender; reference: ConversationReference; tenantId: string | null }
  | { kind: 'message'; sender: Sender; reference: ConversationReference; tenantId: string | null; text: string }
  /** Action.Execute (invoke `adaptiveCard/action`) or its Action.Submit fallback. */
  | { kind: 'card-action'; sender: Sender; reference: ConversationReference; tenantId: string | null; verb: string; data: Record<string, unknown>; fallback: boolean };

/** An Adaptive Card as JSON (the card functions in bot/cards/ produce these). */
export type Card = AdaptiveCardContent;

/** What to send back in the conversation. */
export type Reply = { kind: 'card'; card: Card } | { kind: 'text'; text: string } | { kind: 'none' };

/**
 * The answer to a card action. For Action.Execute it becomes the invoke response: a card that
 * replaces the one shown, a short message, or an error (never a failure answered with 200).
 */
export type CardActionReply = { kind: 'card'; card: Card } | { kind: 'message'; text: string } | { kind: 'error'; status: 400 | 403 | 404 | 409 | 500; code: string; message: string };
