import { type Action, CLOSED_STATUSES, IsoDate, effectiveDue } from '../../core/model/index.js';
import { parseInput, parseInstant } from '../validate.js';
import { actionGeneration, actionOf, planRecord } from './item-fields.js';
import type { ListClient, ListItem } from './lists/list-client.js';

/**
 * The reminder sweep: indexed filters on open actions and their due date, every page
 * followed, plus one read of the (small) plans list to leave out closed plans and items of old
 * generations. Requests grow with pages of due actions, not with the size of the list.
 */
export async function listOpenActionsDueBy(lists: ListClient, dateInput: string): Promise<Action[]> {
  const date = parseInput(IsoDate, dateInput, 'due-by date');
  const [items, current] = await Promise.all([lists.query('actions', { where: [{ field: 'FtOpen', op: 'eq', value: true }, { field: 'FtDueDate', op: 'le', value: date }] }), currentGenerations(lists)]);
  return items
    .filter((item) => current.get(String(item.fields.FtPlanId))?.generation === actionGeneration(item))
    .filter((item) => current.get(String(item.fields.FtPlanId))?.closed === false)
    .map(actionOf)
    .filter((action) => !CLOSED_STATUSES.includes(action.status))
    .sort((a, b) => (effectiveDue(a) ?? '').localeCompare(effectiveDue(b) ?? ''));
}

/** Every open action (indexed `FtOpen`), of plans not closed, undated ones last. */
export async function listOpenActions(lists: ListClient): Promise<Action[]> {
  const [items, current] = await Promise.all([lists.query('actions', { where: [{ field: 'FtOpen', op: 'eq', value: true }] }), currentGenerations(lists)]);
  return items
    .filter((item) => current.get(String(item.fields.FtPlanId))?.generation === actionGeneration(item) && current.get(String(item.fields.FtPlanId))?.closed === false)
    .map(actionOf)
    .filter((action) => !CLOSED_STATUSES.includes(action.status))
    .sort((a, b) => (effectiveDue(a) ?? '9999').localeCompare(effectiveDue(b) ?? '9999'));
}

/** Incremental sweeps filter on the app's own indexed update time; callers keep the cursor. */
export async function listActionsChangedSince(lists: ListClient, since: string | null): Promise<Action[]> {
  const where = since === null ? [] : [{ field: 'FtUpdated', op: 'ge' as const, value: parseInstant(since, 'since') }];
  const [items, current] = await Promise.all([lists.query('actions', { where }), currentGenerations(lists)]);
  return items
    .filter((item: ListItem) => current.get(String(item.fields.FtPlanId))?.generation === actionGeneration(item))
    .map(actionOf)
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id));
}

async function currentGenerations(lists: ListClient): Promise<Map<string, { generation: string; closed: boolean }>> {
  const plans = await lists.query('plans', { where: [{ field: 'FtCommitted', op: 'eq', value: true }] });
  return new Map(plans.map(planRecord).map((record) => [record.plan.id, { generation: record.generation, closed: record.plan.status === 'closed' }]));
}
