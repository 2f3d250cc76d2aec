import { createHash } from 'node:crypto';
import { type Activity, ActivityTypes, CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import { type Logger, withLogContext } from '../../app/logger.js';
import { ConversationReference } from '../../core/model/index.js';
import type { BotService } from '../service/bot-service.js';
import type { CardActionReply, InboundTurn, Reply, Sender } from '../service/turns.js';

const CARD_ACTION_INVOKE = 'adaptiveCard/action';
const CARD = 'application/vnd.microsoft.card.adaptive';

/**
 * Translates botbuilder activities into our turns and our replies back into activities. Card
 * actions arrive as `adaptiveCard/action` invokes (Action.Execute), or as messages carrying
 * `value` (the Action.Submit fallback). Ids inside card data name the action; the sender is
 * always `activity.from`, as the channel reports it.
 */
export function createTurnHandler(service: BotService, log?: Logger): (context: TurnContext) => Promise<void> {
  const handle = turnHandler(service);
  // Every line logged during the turn carries its id; the turn's own line says what it was, never what was said.
  return (context) =>
    withLogContext({ turnId: turnIdOf(context.activity) }, async () => {
      const started = performance.now();
      await handle(context);
      log?.debug('bot turn', { activityType: context.activity.type, name: context.activity.name, ms: Math.round(performance.now() - started) });
    });
}

/**
 * Names a turn in the logs: the conversation as a short hash (the id itself says whose chat it
 * is) and the activity's id, which the channel assigned and Teams' own logs know. No user content.
 */
export function turnIdOf(activity: { id?: unknown; conversation?: unknown }): string {
  const conversation = stringOf(asRecord(activity.conversation).id) ?? '';
  const hash = createHash('sha256').update(conversation).digest('base64url').slice(0, 10);
  return `${hash}:${(stringOf(activity.id) ?? 'no-id').slice(0, 64)}`;
}

function turnHandler(service: BotService): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const activity = context.activity;
    // The reference is kept for proactive sends; its activityId names the message that brought
    // it, which differs on every turn and would make every turn look like a new reference.
    const reference = { ...TurnContext.getConversationReference(activity) };
    delete reference.activityId;
    const turn = toTurn(activity, reference);
    if (turn === null) return;
    if (turn.kind === 'card-action') {
      const reply = await service.onCardAction(turn);
      await (turn.fallback ? sendFallbackReply(context, reply) : sendInvokeResponse(context, reply));
      return;
    }
    await sendReply(context, await service.onTurn(turn));
  };
}

function toTurn(activity: Activity, rawReference: unknown): InboundTurn | null {
  const from = asRecord(activity.from);
  const sender: Sender = { aadObjectId: stringOf(from.aadObjectId) ?? null, name: stringOf(from.name) ?? null };
  const parsed = ConversationReference.safeParse(rawReference);
  // botbuilder's types say the tenant is always there; channels do not always send it.
  const tenantId = stringOf(asRecord(activity.conversation).tenantId) ?? tenantOf(activity.channelData) ?? null;
  const type: string = activity.type;
  if (type === 'installationUpdate') {
    const removing = typeof activity.action === 'string' && activity.action.startsWith('remove');
    if (removing) return { kind: 'uninstalled', sender, personal: [undefined, 'personal'].includes(stringOf(asRecord(activity.conversation).conversationType)) };
    return parsed.success ? { kind: 'installed', sender, reference: parsed.data, tenantId } : null;
  }
  if (!parsed.success) return null;
  const reference = parsed.data;
  if (type === 'invoke' && activity.name === CARD_ACTION_INVOKE) {
    const action = (activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
    return { kind: 'card-action', sender, reference, tenantId, verb: stringOf(action?.verb) ?? '', data: asRecord(action?.data), fallback: false };
  }
  if (type === 'message') {
    const value = asRecord(activity.value);
    if (typeof value.verb === 'string') return { kind: 'card-action', sender, reference, tenantId, verb: value.verb, data: value, fallback: true };
    // An attachment-only message has no text at all.
    return { kind: 'message', sender, reference, tenantId, text: stringOf(asRecord(activity).text) ?? '' };
  }
  return { kind: 'seen', sender, reference, tenantId };
}

async function sendReply(context: TurnContext, reply: Reply): Promise<void> {
  if (reply.kind === 'card') await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)));
  if (reply.kind === 'text') await context.sendActivity(reply.text);
}

/** The Universal Actions answer: HTTP 200 carrying the card, a message, or an error with its own status. */
async function sendInvokeResponse(context: TurnContext, reply: CardActionReply): Promise<void> {
  const body =
    reply.kind === 'card'
      ? { statusCode: 200, type: CARD, value: reply.card }
      : reply.kind === 'message'
        ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: reply.text }
        : { statusCode: reply.status, type: 'application/vnd.microsoft.error', value: { code: reply.code, message: reply.message } };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

/** Action.Submit cannot replace the card: the answer is posted as a new message. */
async function sendFallbackReply(context: TurnContext, reply: CardActionReply): Promise<void> {
  if (reply.kind === 'card') await sendReply(context, { kind: 'card', card: reply.card });
  else await context.sendActivity(reply.kind === 'message' ? reply.text : reply.message);
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function tenantOf(channelData: unknown): string | undefined {
  return stringOf(asRecord(asRecord(channelData).tenant).id);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
