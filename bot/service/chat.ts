import { type ActionRef, matchesRef, parseCommand } from '../../core/chat/parse-command.js';
import { addDays } from '../../core/plan/calendar.js';
import { actionsLedBy } from './action-views.js';
import type { Card } from './turns.js';
import type { TurnContext } from './bot-service.js';
import { snooze } from './snooze.js';
import type { InboundTurn, Reply } from './turns.js';
import type { ActionView } from './views.js';

type MessageTurn = Extract<InboundTurn, { kind: 'message' }>;

/** help, my actions, snooze <ref> <days>, update <ref>: note (after a confirmation). */
export async function handleMessage(context: TurnContext, turn: MessageTurn): Promise<Reply> {
  const command = parseCommand(turn.text);
  const who = turn.sender.aadObjectId;
  if (command.kind === 'help' || command.kind === 'unknown' || who === null) {
    const problem = command.kind === 'unknown' ? command.problem : undefined;
    return problem ? card(context.render.message('Not quite', problem, 'warning')) : card(context.render.help());
  }
  const mine = await actionsLedBy(context.store, who, await context.roles());
  if (command.kind === 'my-actions') {
    const today = context.today();
    return card(context.render.digest(mine.map((view) => ({ ...view, today })), 'Your open actions'));
  }
  const found = pick(mine, command.ref);
  if (typeof found === 'string') return card(context.render.message('Which action?', found, 'warning'));
  if (command.kind === 'snooze') {
    const until = addDays(context.today(), command.days);
    return card(await snooze(context, found, until, { actor: { aadObjectId: who, displayName: turn.sender.name }, source: 'chat' }));
  }
  return card(context.render.confirmNote({ ...found, note: command.note, cardId: context.newId() }));
}

/** Exactly one of the person's open actions, or a sentence saying why not. */
function pick(mine: readonly ActionView[], ref: ActionRef): ActionView | string {
  const matches = mine.filter((view) => matchesRef(ref, view.recommendation.number, view.action.ref));
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length === 0) return `None of your open actions is ${ref.text}. Say "my actions" to see them.`;
  const plans = matches.map((view) => `"${view.plan.title}"`).join(', ');
  return `${ref.text} is in more than one of your plans (${plans}). Use the Update button on the action in "my actions".`;
}

function card(value: Card): Reply {
  return { kind: 'card', card: value };
}
