import type { z } from 'zod';
import { ActionFields, type Action } from '../../core/model/index.js';
import { diffFields } from '../../core/assurance/audit-diff.js';
import { ActionPreconditionInput, preconditionFailure } from '../../core/plan/action-precondition.js';
import { StoreError } from '../store-error.js';
import { ACTION_FIELD_COLUMNS, actionFieldColumns, rowToAction } from './action-rows.js';
import { auditChanges } from './audit-rows.js';
import { assignmentList } from './columns.js';
import { changedByArg, definedEntries, idArg, instantArg, type ChangedByValue } from './arguments.js';
import type { Db } from './open-database.js';
import { staleVersion } from './plan-edits.js';
import { inWriteTransaction, sql } from './statements.js';
import { canonicalInstant, parseInput } from './validate.js';

const UPDATE_ACTION_FIELDS = `UPDATE actions SET ${assignmentList(ACTION_FIELD_COLUMNS)}, effective_due = @effective_due,
  version = version + 1, updated_at = @now WHERE id = @id AND version = @expected`;

/** An action change, checked: the patch without undefined entries, and what must hold for it. */
export interface ActionChange {
  patch: Record<string, unknown>;
  expected: z.output<typeof ActionPreconditionInput>;
}

export function actionChangeArg(patchInput: unknown, expectedInput: unknown): ActionChange {
  return { patch: definedEntries(patchInput, 'action patch'), expected: parseInput(ActionPreconditionInput, expectedInput, 'precondition') };
}

export function findAction(db: Db, actionId: string): Action | null {
  const row = sql(db, 'SELECT * FROM actions WHERE id = ?').get(actionId);
  return row ? rowToAction(row) : null;
}

export function getAction(db: Db, actionIdInput: unknown): Action | null {
  return findAction(db, idArg(actionIdInput, 'action id'));
}

/** Applies a patch if its precondition holds, with an audit entry of the fields it changed. */
export function updateAction(db: Db, actionIdInput: unknown, patchInput: unknown, expectedInput: unknown, nowInput: unknown, byInput: unknown): Action {
  const actionId = idArg(actionIdInput, 'action id');
  const change = actionChangeArg(patchInput, expectedInput);
  const now = canonicalInstant(instantArg(nowInput, 'now'));
  const by = changedByArg(byInput);
  return inWriteTransaction(db, () => {
    const current = findAction(db, actionId);
    if (!current) throw new StoreError('not-found', `action ${actionId} does not exist`);
    return applyActionChange(db, current, change, now, by);
  });
}

/**
 * The write itself, inside the caller's transaction, against the action as just read: the
 * precondition, the row (the effective due date follows the new dates) and the audit entry.
 */
export function applyActionChange(db: Db, current: Action, change: ActionChange, now: string, by: ChangedByValue): Action {
  const failure = preconditionFailure(current, change.expected);
  if (failure !== null) throw new StoreError('conflict', `action ${current.id} was changed by someone else: ${failure}`);
  const fields = parseInput(ActionFields, { ...current, ...change.patch }, `patch for action ${current.id}`);
  const result = sql(db, UPDATE_ACTION_FIELDS).run({ id: current.id, expected: current.version, now, ...actionFieldColumns(fields) });
  if (result.changes !== 1) throw staleVersion(`action ${current.id}`, current.version, current.version);
  // Only the patched fields can differ, so only they are compared.
  const patched = Object.keys(change.patch).filter((key): key is keyof ActionFields => key in fields);
  auditChanges(db, { planId: current.planId, entity: 'action', entityId: current.id, at: now, by, changes: diffFields(current, fields, patched) });
  // The row is now exactly this (fields validated above, as read back they would be): no need
  // to read and validate it again — a card submit writes an action on every press.
  return { ...current, ...fields, version: current.version + 1, updatedAt: now };
}
