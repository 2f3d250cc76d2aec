import { measureFields, measureOf, measureRevision } from './item-fields.js';
import type { ListClient } from './lists/list-client.js';
import { isGraphStatus } from './store-errors.js';

const ATTEMPTS = 4;

/**
 * After a replace: a measure of an action the new import no longer has becomes plan-level (its
 * action cleared), as the SQLite store's foreign key does. Not a change anyone made, so neither
 * the version nor the trail moves. `If-Match`; a 412 (a value added meanwhile) reads it again.
 */
export async function detachMeasures(lists: ListClient, planId: string, currentActions: ReadonlySet<string>): Promise<void> {
  const items = await lists.query('measures', { where: [{ field: 'FtPlanId', op: 'eq', value: planId }], select: ['FtActionId'] });
  for (const { fields } of items) {
    const actionId = fields.FtActionId;
    if (typeof actionId === 'string' && actionId !== '' && !currentActions.has(actionId)) await detach(lists, String(fields.FtKey));
  }
}

async function detach(lists: ListClient, measureId: string): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const item = await lists.getByKey('measures', measureId);
    if (item === null) return;
    const measure = measureOf(item);
    try {
      await lists.update('measures', item.id, measureFields({ ...measure, actionId: null }, measureRevision(item)), item.eTag);
      return;
    } catch (error) {
      if (!isGraphStatus(error, 412)) throw error;
    }
  }
}
