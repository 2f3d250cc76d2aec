import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Role } from '../../core/model/index.js';
import type { PlanStore } from '../../store/plan-store.js';
import { handleCardAction } from './card-actions.js';
import { handleMessage } from './chat.js';
import type { CardActionReply, InboundTurn, Reply, Sender } from './turns.js';
import type { CardRenderer } from './views.js';

export interface BotServiceDeps {
  store: PlanStore;
  render: CardRenderer;
  now: () => Date;
  /** "Today" for due dates: the local calendar date (Europe/London). */
  today: () => string;
  /** People read times in UK local time. */
  formatTime: (instant: string) => string;
  /** Where "Open in Teams" goes for an action. */
  openUrl: (actionId: string) => string;
  newId?: () => string;
  /** Called after a conversation reference is stored, so due reminders can go out at once. */
  onConversationSaved?: (aadObjectId: string) => void;
}

export interface BotService {
  /** Install, uninstall and messages; the answer (if any) goes back into the conversation. */
  onTurn(turn: Exclude<InboundTurn, { kind: 'card-action' }>): Promise<Reply>;
  /** Card buttons: the answer replaces the card (Action.Execute) or is posted (Action.Submit fallback). */
  onCardAction(turn: Extract<InboundTurn, { kind: 'card-action' }>): Promise<CardActionReply>;
}

export interface TurnContext extends Required<Omit<BotServiceDeps, 'onConversationSaved'>> {
  roles: () => Promise<readonly Role[]>;
}

/** The bot's behaviour, framework-free: botbuilder calls it through bot/botbuilder/. */
export function createBotService(deps: BotServiceDeps): BotService {
  const context = (): TurnContext => {
    let roles: Promise<readonly Role[]> | null = null;
    return { ...deps, newId: deps.newId ?? randomUUID, roles: () => (roles ??= deps.store.listRoles()) };
  };
  return {
    async onTurn(turn) {
      if (turn.kind === 'uninstalled') {
        // Removing the app from a team must not cut off the person's own chat with the bot.
        if (turn.sender.aadObjectId && turn.personal) await deps.store.markConversationUnusable(turn.sender.aadObjectId, 'the bot was uninstalled', deps.now().toISOString());
        return { kind: 'none' };
      }
      await remember(deps, turn.sender, turn.reference, turn.tenantId);
      if (turn.kind === 'installed') return { kind: 'card', card: deps.render.help() };
      if (turn.kind === 'seen') return { kind: 'none' };
      return handleMessage(context(), turn);
    },
    async onCardAction(turn) {
      await remember(deps, turn.sender, turn.reference, turn.tenantId);
      return handleCardAction(context(), turn);
    },
  };
}

/** Conversation references are stored on every install and message, keyed by Entra object id. */
async function remember(deps: BotServiceDeps, sender: Sender, reference: Extract<InboundTurn, { kind: 'message' }>['reference'], tenantId: string | null): Promise<void> {
  // Reminders carry plan details: they go to the person's 1:1 chat, never to a group or channel
  // they happened to write from.
  const type = reference.conversation.conversationType;
  if (!sender.aadObjectId || (type !== undefined && type !== 'personal')) return;
  const known = await deps.store.getConversation(sender.aadObjectId);
  // Every message carries the reference: write only when it changed (or was unusable).
  // Compared as stored (JSON drops undefined members), whatever the order of keys.
  if (known?.usable === true && isDeepStrictEqual(known.reference, JSON.parse(JSON.stringify(reference)))) return;
  await deps.store.saveConversation({
    aadObjectId: sender.aadObjectId,
    displayName: sender.name,
    tenantId,
    reference,
    usable: true,
    unusableReason: null,
    updatedAt: deps.now().toISOString(),
  });
  deps.onConversationSaved?.(sender.aadObjectId);
}
