import { diffFields } from '../../core/assurance/audit-diff.js';
import { PlanFields, type Plan } from '../../core/model/index.js';
import { StoreError } from '../store-error.js';
import { auditChanges } from './audit-rows.js';
import { changedByArg, definedEntries, idArg, instantArg, versionArg } from './arguments.js';
import type { Db } from './open-database.js';
import { assignmentList } from './columns.js';
import { PLAN_FIELD_COLUMNS, planFieldColumns } from './plan-rows.js';
import { findPlan } from './plan-queries.js';
import { writeReferenceKeys } from './plan-writes.js';
import { inWriteTransaction, sql } from './statements.js';
import { canonicalInstant, parseInput } from './validate.js';

const UPDATE_PLAN_FIELDS = `UPDATE plans SET ${assignmentList(PLAN_FIELD_COLUMNS)}, version = version + 1, updated_at = @now
  WHERE id = @id AND version = @expected`;

/** The message every stale write gets: which version is current, so the caller knows to reload. */
export function staleVersion(what: string, current: number, expected: number): StoreError {
  return new StoreError('conflict', `${what} is at version ${String(current)}, not ${String(expected)}: it changed since it was read; reload and try again`);
}

/** Applies the patch at the expected version, with an audit entry of the fields it changed. */
export function updatePlanFields(db: Db, planIdInput: unknown, patchInput: unknown, expectedInput: unknown, nowInput: unknown, byInput: unknown): Plan {
  const planId = idArg(planIdInput, 'plan id');
  const patch = definedEntries(patchInput, 'plan patch');
  const expected = versionArg(expectedInput);
  const now = canonicalInstant(instantArg(nowInput, 'now'));
  const by = changedByArg(byInput);
  return inWriteTransaction(db, () => {
    const current = findPlan(db, planId);
    if (!current) throw new StoreError('not-found', `plan ${planId} does not exist`);
    if (current.version !== expected) throw staleVersion(`plan ${planId}`, current.version, expected);
    const fields = parseInput(PlanFields, { ...current, ...patch }, `patch for plan ${planId}`);
    const result = sql(db, UPDATE_PLAN_FIELDS).run({ id: planId, expected, now, ...planFieldColumns(fields) });
    if (result.changes !== 1) throw staleVersion(`plan ${planId}`, current.version, expected);
    writeReferenceKeys(db, planId, fields.references);
    const patched = Object.keys(patch).filter((key): key is keyof PlanFields => key in fields);
    auditChanges(db, { planId, entity: 'plan', entityId: planId, at: now, by, changes: diffFields(current, fields, patched) });
    return findPlanOrFail(db, planId);
  });
}

/** Everything under the plan goes with it (foreign keys cascade): actions, updates, reminders, its audit trail and measures. */
export function deletePlan(db: Db, planIdInput: unknown): void {
  const planId = idArg(planIdInput, 'plan id');
  const result = sql(db, 'DELETE FROM plans WHERE id = ?').run(planId);
  if (result.changes === 0) throw new StoreError('not-found', `plan ${planId} does not exist`);
}

function findPlanOrFail(db: Db, planId: string): Plan {
  const plan = findPlan(db, planId);
  if (!plan) throw new StoreError('not-found', `plan ${planId} does not exist`);
  return plan;
}
