import { type Action, type ActionContext, type Plan, PlanFields as PlanFieldsSchema, type PlanFields, Plan as PlanSchema } from '../../core/model/index.js';
import { diffFields } from '../../core/assurance/audit-diff.js';
import { type ActionPrecondition, ActionPreconditionInput, preconditionFailure } from '../../core/plan/action-precondition.js';
import type { ActionPatch } from '../plan-store.js';
import { StoreError } from '../store-error.js';
import { parseInput, parseInstant } from '../validate.js';
import { actionChange } from './action-change.js';
import { auditStep, auditWriter, landed } from './audit-trail.js';
import { auditedWrite, type Decision } from './audited-write.js';
import { actionGeneration, actionOf, auditKeyOf, planFields, recommendationOf } from './item-fields.js';
import type { ListClient, ListItem } from './lists/list-client.js';
import { type Pacing, REAL_PACING } from './pacing.js';
import { findPlanRecord } from './plan-writes.js';

export { type Pacing, REAL_PACING } from './pacing.js';

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
 * Applies a patch with `If-Match`, its audit entry written first in the same chain
 * (audited-write.ts). A 412 means the item changed since it was read — perhaps only a column
 * someone edited in SharePoint — so it is read again and, if the precondition still holds (the
 * fields this change touches are as they were), applied again; otherwise a conflict.
 */
export async function updateAction(
  lists: ListClient,
  actionId: string,
  patch: ActionPatch,
  expected: number | ActionPrecondition,
  nowInput: string,
  byInput: unknown,
  pacing: Pacing = REAL_PACING,
): Promise<Action> {
  const precondition = parseInput(ActionPreconditionInput, expected, 'precondition');
  const now = parseInstant(nowInput, 'now');
  const writer = auditWriter(byInput);
  let attempted: Action | null = null;
  return auditedWrite(lists, pacing, `updating action ${actionId}`, async (): Promise<Decision<Action>> => {
    const found = await getAction(lists, actionId);
    if (found === null) return { kind: 'refuse', error: new StoreError('not-found', `action ${actionId} does not exist`), seen: null };
    const seen = { version: found.action.version, head: auditKeyOf(found.item) };
    // An attempt whose answer was lost meets itself: its audit key is the action's, or (with
    // nothing to audit) the item holds exactly what it wrote.
    if (landed(seen.head, writer.writeId) || (attempted !== null && holdsWrite(found.action, attempted, patch))) return { kind: 'done', value: found.action, seen };
    const failure = preconditionFailure(found.action, precondition);
    if (failure !== null) return { kind: 'refuse', error: new StoreError('conflict', `action ${actionId} was changed by someone else: ${failure}`), seen };
    const change = actionChange(found, patch, now, writer);
    attempted = change.next;
    return { kind: 'write', value: change.next, seen, audit: change.audit, writes: [change.write] };
  });
}

function holdsWrite(current: Action, written: Action, patch: ActionPatch): boolean {
  return current.version === written.version && current.updatedAt === written.updatedAt && Object.keys(patch).every((field) => JSON.stringify((current as Record<string, unknown>)[field]) === JSON.stringify((written as Record<string, unknown>)[field]));
}

/** Plan fields at a version, audited like an action (audited-write.ts). */
export async function updatePlanFields(lists: ListClient, planId: string, patch: Partial<PlanFields>, expectedVersion: number, nowInput: string, byInput: unknown, pacing: Pacing = REAL_PACING): Promise<Plan> {
  const now = parseInstant(nowInput, 'now');
  const writer = auditWriter(byInput);
  let attempted: Plan | null = null;
  return auditedWrite(lists, pacing, `updating plan ${planId}`, async (): Promise<Decision<Plan>> => {
    const record = await findPlanRecord(lists, planId);
    if (record === null || !record.committed) return { kind: 'refuse', error: new StoreError('not-found', `plan ${planId} does not exist`), seen: null };
    const seen = { version: record.plan.version, head: record.auditKey };
    if (landed(seen.head, writer.writeId) || (attempted !== null && record.plan.version === attempted.version && record.plan.updatedAt === attempted.updatedAt)) {
      return { kind: 'done', value: record.plan, seen };
    }
    if (record.plan.version !== expectedVersion) {
      return { kind: 'refuse', error: new StoreError('conflict', `plan ${planId} was changed by someone else: it is at version ${String(record.plan.version)}, not ${String(expectedVersion)}`), seen };
    }
    const next = parseInput(PlanSchema, { ...record.plan, ...patch, version: record.plan.version + 1, updatedAt: now }, `patch for plan ${planId}`);
    const patched = Object.keys(patch).filter((field): field is keyof PlanFields => field in PlanFieldsSchema.shape && (patch as Record<string, unknown>)[field] !== undefined);
    const changes = diffFields<PlanFields>(record.plan, next, patched);
    const audit = changes.length === 0 ? null : auditStep(writer, { planId, entity: 'plan', entityId: planId, at: now, changes }, next.version, seen.head);
    attempted = next;
    const fields = planFields(next, { generation: record.generation, committed: true, ...record.counts, ...(audit === null ? {} : { auditKey: audit.link.key }) });
    return { kind: 'write', value: next, seen, audit, writes: [{ kind: 'update', list: 'plans', itemId: record.item.id, eTag: record.item.eTag, fields }] };
  });
}
