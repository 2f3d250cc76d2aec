import { type Action, type ActionContext, ActionFields, type PlanFields, Plan as PlanSchema } from '../../core/model/index.js';
import { type ActionPrecondition, ActionPreconditionInput, preconditionFailure } from '../../core/plan/action-precondition.js';
import type { ActionPatch } from '../plan-store.js';
import { StoreError } from '../store-error.js';
import { parseInput, parseInstant } from '../validate.js';
import { actionEditFields, actionGeneration, actionOf, planFields, recommendationOf } from './item-fields.js';
import type { ListClient, ListItem } from './lists/list-client.js';
import { findPlanRecord } from './plan-writes.js';
import { isGraphStatus } from './store-errors.js';

/** How many times a write is re-applied after a 412 caused by an edit that did not touch its fields. */
const REAPPLY_ATTEMPTS = 6;

/** Pauses between re-applies, jittered so two writers in step stop colliding (benchmark R3). */
export interface Pacing {
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const REAL_PACING: Pacing = { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), random: Math.random };

function pause(pacing: Pacing, attempt: number): Promise<void> {
  return attempt === 0 ? Promise.resolve() : pacing.sleep(Math.round(pacing.random() * 25 * 2 ** attempt));
}

/** An action of the plan's current generation (older generations are leftovers of a replace). */
export async function getAction(lists: ListClient, actionId: string): Promise<{ item: ListItem; action: Action } | null> {
  const item = await lists.getByKey('actions', actionId);
  if (item === null) return null;
  const plan = await findPlanRecord(lists, String(item.fields.FtPlanId));
  if (plan === null || !plan.committed || plan.generation !== actionGeneration(item)) return null;
  return { item, action: actionOf(item) };
}

/** Three reads by key (action, plan, recommendation), whatever the size of the plan. */
export async function getActionContext(lists: ListClient, actionId: string): Promise<ActionContext | null> {
  const item = await lists.getByKey('actions', actionId);
  if (item === null) return null;
  const action = actionOf(item);
  const [plan, recommendation] = await Promise.all([findPlanRecord(lists, action.planId), lists.getByKey('recommendations', action.recommendationId)]);
  if (plan === null || !plan.committed || recommendation === null) return null;
  const generation = actionGeneration(item);
  if (plan.generation !== generation || actionGeneration(recommendation) !== generation) return null;
  return { plan: plan.plan, recommendation: recommendationOf(recommendation), action };
}

/**
 * Applies a patch with `If-Match`. A 412 means the item changed since it was read — perhaps only
 * a column someone edited in SharePoint — so it is read again and, if the precondition still
 * holds (the fields this change touches are as they were), applied again; otherwise a conflict.
 */
export async function updateAction(
  lists: ListClient,
  actionId: string,
  patch: ActionPatch,
  expected: number | ActionPrecondition,
  nowInput: string,
  pacing: Pacing = REAL_PACING,
): Promise<Action> {
  const precondition = parseInput(ActionPreconditionInput, expected, 'precondition');
  const now = parseInstant(nowInput, 'now');
  let attempted: Action | null = null;
  for (let attempt = 0; attempt < REAPPLY_ATTEMPTS; attempt++) {
    await pause(pacing, attempt);
    const found = await getAction(lists, actionId);
    if (found === null) throw new StoreError('not-found', `action ${actionId} does not exist`);
    // A PATCH retried after a dropped connection meets its own first attempt as a 412: if the
    // item now holds exactly what we wrote, the write happened.
    if (attempted !== null && holdsWrite(found.action, attempted, patch)) return found.action;
    const failure = preconditionFailure(found.action, precondition);
    if (failure !== null) throw new StoreError('conflict', `action ${actionId} was changed by someone else: ${failure}`);
    const fields = parseInput(ActionFields, { ...found.action, ...patch }, `patch for action ${actionId}`);
    const next: Action = { ...found.action, ...fields, version: found.action.version + 1, updatedAt: now };
    attempted = next;
    try {
      await lists.update('actions', found.item.id, actionEditFields(next), found.item.eTag);
      return next;
    } catch (error) {
      if (!isGraphStatus(error, 412)) throw error;
    }
  }
  throw new StoreError('unavailable', `action ${actionId} kept changing while it was being updated; try again`);
}

function holdsWrite(current: Action, written: Action, patch: ActionPatch): boolean {
  return current.version === written.version && current.updatedAt === written.updatedAt && Object.keys(patch).every((field) => JSON.stringify((current as Record<string, unknown>)[field]) === JSON.stringify((written as Record<string, unknown>)[field]));
}

export async function updatePlanFields(lists: ListClient, planId: string, patch: Partial<PlanFields>, expectedVersion: number, nowInput: string, pacing: Pacing = REAL_PACING) {
  const now = parseInstant(nowInput, 'now');
  for (let attempt = 0; attempt < REAPPLY_ATTEMPTS; attempt++) {
    await pause(pacing, attempt);
    const record = await findPlanRecord(lists, planId);
    if (record === null || !record.committed) throw new StoreError('not-found', `plan ${planId} does not exist`);
    if (record.plan.version !== expectedVersion) {
      throw new StoreError('conflict', `plan ${planId} was changed by someone else: it is at version ${String(record.plan.version)}, not ${String(expectedVersion)}`);
    }
    const next = parseInput(PlanSchema, { ...record.plan, ...patch, version: record.plan.version + 1, updatedAt: now }, `patch for plan ${planId}`);
    try {
      await lists.update('plans', record.item.id, planFields(next, { generation: record.generation, committed: true, ...record.counts }), record.item.eTag);
      return next;
    } catch (error) {
      if (!isGraphStatus(error, 412)) throw error;
    }
  }
  throw new StoreError('unavailable', `plan ${planId} kept changing while it was being updated; try again`);
}
