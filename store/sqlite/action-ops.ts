import { ActionFields, type Action } from '../../core/model/index.js';
import { ActionPreconditionInput, preconditionFailure } from '../../core/plan/action-precondition.js';
import { StoreError } from '../store-error.js';
import { ACTION_FIELD_COLUMNS, actionFieldColumns, rowToAction } from './action-rows.js';
import { assignmentList } from './columns.js';
import { definedEntries, idArg, instantArg } from './arguments.js';
import type { Db } from './open-database.js';
import { staleVersion } from './plan-edits.js';
import { inWriteTransaction, sql } from './statements.js';
import { canonicalInstant, parseInput } from './validate.js';

const UPDATE_ACTION_FIELDS = `UPDATE actions SET ${assignmentList(ACTION_FIELD_COLUMNS)}, effective_due = @effective_due,
  version = version + 1, updated_at = @now WHERE id = @id AND version = @expected`;

export function findAction(db: Db, actionId: string): Action | null {
  const row = sql(db, 'SELECT * FROM actions WHERE id = ?').get(actionId);
  return row ? rowToAction(row) : null;
}

export function getAction(db: Db, actionIdInput: unknown): Action | null {
  return findAction(db, idArg(actionIdInput, 'action id'));
}

/** Applies a patch if its precondition holds; the effective due date follows the new dates. */
export function updateAction(db: Db, actionIdInput: unknown, patchInput: unknown, expectedInput: unknown, nowInput: unknown): Action {
  const actionId = idArg(actionIdInput, 'action id');
  const patch = definedEntries(patchInput, 'action patch');
  const expected = parseInput(ActionPreconditionInput, expectedInput, 'precondition');
  const now = canonicalInstant(instantArg(nowInput, 'now'));
  return inWriteTransaction(db, () => {
    const current = findAction(db, actionId);
    if (!current) throw new StoreError('not-found', `action ${actionId} does not exist`);
    const failure = preconditionFailure(current, expected);
    if (failure !== null) throw new StoreError('conflict', `action ${actionId} was changed by someone else: ${failure}`);
    const fields = parseInput(ActionFields, { ...current, ...patch }, `patch for action ${actionId}`);
    const result = sql(db, UPDATE_ACTION_FIELDS).run({ id: actionId, expected: current.version, now, ...actionFieldColumns(fields) });
    if (result.changes !== 1) throw staleVersion(`action ${actionId}`, current.version, current.version);
    // The row is now exactly this (fields validated above, as read back they would be): no need
    // to read and validate it again — a card submit writes an action on every press.
    return { ...current, ...fields, version: current.version + 1, updatedAt: now };
  });
}
