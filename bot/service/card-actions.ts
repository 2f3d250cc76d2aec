import { z } from 'zod';
import { progressChangeRefusal } from '../../core/assurance/lifecycle.js';
import { NOTE_MAX, type Update } from '../../core/model/index.js';
import { addDays } from '../../core/plan/calendar.js';
import { statusPhrase } from '../../core/views/labels.js';
import { updateRight } from '../../core/updates/permissions.js';
import type { FieldErrors } from '../../core/updates/progress-submission.js';
import { awaitRepeat, recordSubmission } from '../../core/updates/record-submission.js';
import { StoreError } from '../../store/store-error.js';
import { loadActionView } from './action-views.js';
import type { TurnContext } from './bot-service.js';
import { snooze } from './snooze.js';
import type { CardActionReply, InboundTurn } from './turns.js';
import type { ActionView } from './views.js';

type CardTurn = Extract<InboundTurn, { kind: 'card-action' }>;

const INPUTS = ['note', 'status', 'revisedDue', 'revisedReason', 'evidence'] as const;
const Target = z.object({ actionId: z.string().min(1).max(100) });

/**
 * Card buttons. The action is named by the card's data; who is acting is not — it is the
 * sender the channel reports, and they must lead, deputise for or edit the action's plan.
 */
export async function handleCardAction(context: TurnContext, turn: CardTurn): Promise<CardActionReply> {
  const target = Target.safeParse(turn.data);
  if (!target.success) return { kind: 'error', status: 400, code: 'BadRequest', message: 'The card did not say which action it is about.' };
  const view = await loadActionView(context.store, target.data.actionId);
  if (view === null) return { kind: 'error', status: 404, code: 'NotFound', message: 'That action no longer exists.' };
  const who = turn.sender.aadObjectId;
  if (who === null || updateRight(who, view.action, view.plan, await context.roles()) === null) {
    return { kind: 'error', status: 403, code: 'Forbidden', message: 'Only the action\'s lead, their deputy or a plan editor can do that.' };
  }
  switch (turn.verb) {
    case 'submitUpdate':
      return submitUpdate(context, turn, view);
    case 'snooze':
      return snoozeFor(context, turn, view);
    case 'openUpdate':
      return { kind: 'card', card: reminderFor(context, view) };
    case 'confirmNote':
      return confirmNote(context, turn, view);
    default:
      return { kind: 'error', status: 400, code: 'BadRequest', message: `Unknown card action "${turn.verb}".` };
  }
}

async function submitUpdate(context: TurnContext, turn: CardTurn, view: ActionView): Promise<CardActionReply> {
  const inputs = Object.fromEntries(INPUTS.filter((key) => turn.data[key] !== undefined).map((key) => [key, turn.data[key]]));
  const cardId = typeof turn.data.cardId === 'string' && turn.data.cardId !== '' ? turn.data.cardId : null;
  // Our cards always carry an id; a hand-made submit without one still gets a key of its own.
  const key = submissionKey(view, cardId) ?? `${view.action.id}:${context.newId()}`;
  const at = context.now().toISOString();
  try {
    const outcome = await recordSubmission(context.store, view.action, inputs, { actor: actorOf(turn), source: 'card', at, today: context.today(), idempotencyKey: key });
    // A second press of the same card: show what the first recorded; nothing was written.
    if (outcome.kind === 'repeated') return await recorded(context, view, outcome.update);
    if (outcome.kind === 'invalid') return { kind: 'card', card: reminderFor(context, view, { errors: outcome.errors, values: asStrings(inputs), cardId }) };
    // What the writes returned is the new state: no need to read the plan again.
    const { action: after, update } = outcome;
    return { kind: 'card', card: context.render.recorded({ ...view, action: after, lastUpdate: update, today: context.today(), update, before: view.action, openUrl: context.openUrl(view.action.id) }) };
  } catch (error) {
    if (!(error instanceof StoreError) || error.code !== 'conflict') throw error;
    // Two presses at once: the other one may be ours and still writing its update.
    const ours = await awaitRepeat(context.store, view.action.id, key, pause);
    if (ours) return recorded(context, view, ours);
    const fresh = (await loadActionView(context.store, view.action.id)) ?? view;
    // Assured (or marked not applicable) in that moment: the lifecycle's words, not "try again".
    const settled = progressChangeRefusal(fresh.action.status);
    if (settled !== null) return { kind: 'card', card: reminderFor(context, fresh, { errors: { status: settled }, values: asStrings(inputs), cardId }) };
    return { kind: 'card', card: reminderFor(context, fresh, { values: asStrings(inputs), cardId, notice: `Someone else changed this action a moment ago (${error.message.replace(/^.*: /, '')}). Check it and submit again.` }) };
  }
}

/** Card ids are ours, one per card; scoping them by action means a reused id cannot collide across actions. */
function submissionKey(view: ActionView, cardId: string | null): string | null {
  return cardId === null ? null : `${view.action.id}:${cardId}`;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The card that replaces the reminder: what was recorded, and the action now (`before` is what the lead saw). */
async function recorded(context: TurnContext, before: ActionView, update: Update): Promise<CardActionReply> {
  const view = await loadActionView(context.store, before.action.id);
  if (view === null) return { kind: 'message', text: 'Recorded.' };
  return { kind: 'card', card: context.render.recorded({ ...view, today: context.today(), update, before: before.action, openUrl: context.openUrl(view.action.id) }) };
}

async function snoozeFor(context: TurnContext, turn: CardTurn, view: ActionView): Promise<CardActionReply> {
  const days = z.coerce.number().int().min(1).max(30).safeParse(turn.data.days);
  if (!days.success) return { kind: 'error', status: 400, code: 'BadRequest', message: 'Snooze for 1 to 30 days.' };
  // An old card's button, pressed after a review settled the action: nothing to put off.
  if (progressChangeRefusal(view.action.status) !== null) {
    return { kind: 'card', card: reminderFor(context, view, { notice: `Not snoozed: the action ${statusPhrase(view.action.status)}, so there are no reminders to put off.` }) };
  }
  return { kind: 'card', card: await snooze(context, view, addDays(context.today(), days.data), { actor: actorOf(turn), source: 'card' }) };
}

/** "update 2b: …" in chat shows a confirmation card; this records the note once confirmed. */
async function confirmNote(context: TurnContext, turn: CardTurn, view: ActionView): Promise<CardActionReply> {
  const note = z.string().trim().min(1).max(NOTE_MAX).safeParse(turn.data.note);
  const cardId = z.string().min(1).safeParse(turn.data.cardId);
  if (!note.success || !cardId.success) return { kind: 'error', status: 400, code: 'BadRequest', message: 'The note could not be read.' };
  // Confirmed after a reviewer assured it (or an editor marked it not applicable): the same rule as any update.
  const settled = progressChangeRefusal(view.action.status);
  if (settled !== null) return { kind: 'card', card: reminderFor(context, view, { errors: { status: settled }, values: { note: note.data }, cardId: cardId.data }) };
  const update = await context.store.addUpdate({
    actionId: view.action.id,
    planId: view.action.planId,
    at: context.now().toISOString(),
    author: actorOf(turn),
    source: 'chat',
    note: note.data,
    idempotencyKey: submissionKey(view, cardId.data),
  });
  return recorded(context, view, update);
}

function reminderFor(context: TurnContext, view: ActionView, extra: { errors?: FieldErrors; values?: Record<string, string>; cardId?: string | null; notice?: string } = {}) {
  const { cardId, ...rest } = extra;
  return context.render.reminder({ ...view, today: context.today(), cardId: cardId ?? context.newId(), openUrl: context.openUrl(view.action.id), ...rest });
}

function actorOf(turn: CardTurn) {
  return { aadObjectId: turn.sender.aadObjectId, displayName: turn.sender.name };
}

function asStrings(inputs: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
