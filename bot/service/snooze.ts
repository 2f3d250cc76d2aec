import type { ChangedBy } from '../../core/model/index.js';
import { StoreError } from '../../store/store-error.js';
import type { Card } from './turns.js';
import type { TurnContext } from './bot-service.js';
import type { ActionView } from './views.js';

/**
 * No reminders about the action until after `until`; a concurrent snooze is not overwritten
 * unseen. `by` is the sender and the door (card button or chat command), for the audit trail.
 */
export async function snooze(context: TurnContext, view: ActionView, until: string, by: ChangedBy): Promise<Card> {
  try {
    await context.store.updateAction(view.action.id, { snoozedUntil: until }, { unchanged: { snoozedUntil: view.action.snoozedUntil } }, context.now().toISOString(), by);
  } catch (error) {
    if (error instanceof StoreError && error.code === 'conflict') {
      return context.render.message('Not snoozed', 'Someone changed this action a moment ago. Please try again.', 'warning');
    }
    throw error;
  }
  const label = `${view.recommendation.number ?? ''}${view.action.ref ?? ''}`.trim() || 'this action';
  return context.render.message('Snoozed', `No reminders about ${label} until after ${until}.`, 'good');
}
