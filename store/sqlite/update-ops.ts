import { randomUUID } from 'node:crypto';
import { NewUpdate, type Update } from '../../core/model/index.js';
import { StoreError } from '../store-error.js';
import { idArg } from './arguments.js';
import type { Db } from './open-database.js';
import { inWriteTransaction, sql } from './statements.js';
import { insertUpdateRow, rowToUpdate } from './update-rows.js';
import { canonicalInstant, parseInput } from './validate.js';

/** Records an update once: a repeated idempotency key gets the update stored the first time. */
export function addUpdate(db: Db, input: unknown): Update {
  const parsed = parseInput(NewUpdate, input, 'update');
  const update: Update = { ...parsed, id: randomUUID(), at: canonicalInstant(parsed.at) };
  return inWriteTransaction(db, () => {
    const earlier = update.idempotencyKey === null ? null : findByIdempotencyKey(db, update.idempotencyKey);
    if (earlier) return sameActionOrConflict(earlier, update);
    // Only the plan id is needed: no need to read and validate the whole action.
    const action = sql(db, 'SELECT plan_id FROM actions WHERE id = ?').get(update.actionId) as { plan_id: string } | undefined;
    if (!action) throw new StoreError('not-found', `action ${update.actionId} does not exist`);
    if (action.plan_id !== update.planId) {
      throw new StoreError('invalid', `action ${update.actionId} belongs to plan ${action.plan_id}, not ${update.planId}`);
    }
    insertUpdateRow(db, update);
    // Validated above and stored as is: what a read would give back, without the read.
    return update;
  });
}

export function listUpdates(db: Db, actionIdInput: unknown): Update[] {
  const actionId = idArg(actionIdInput, 'action id');
  return sql(db, 'SELECT * FROM updates WHERE action_id = ? ORDER BY at, seq').all(actionId).map(rowToUpdate);
}

export function listPlanUpdates(db: Db, planIdInput: unknown): Update[] {
  const planId = idArg(planIdInput, 'plan id');
  return sql(db, 'SELECT * FROM updates WHERE plan_id = ? ORDER BY at, seq').all(planId).map(rowToUpdate);
}

/** Uses the (action_id, at, seq) index backwards: one row, however long the history. */
export function lastUpdate(db: Db, actionIdInput: unknown): Update | null {
  const actionId = idArg(actionIdInput, 'action id');
  const row = sql(db, 'SELECT * FROM updates WHERE action_id = ? ORDER BY at DESC, seq DESC LIMIT 1').get(actionId);
  return row ? rowToUpdate(row) : null;
}

export function findUpdate(db: Db, keyInput: unknown): Update | null {
  return findByIdempotencyKey(db, idArg(keyInput, 'idempotency key'));
}

export function findByIdempotencyKey(db: Db, key: string): Update | null {
  const row = sql(db, 'SELECT * FROM updates WHERE idempotency_key = ?').get(key);
  return row ? rowToUpdate(row) : null;
}

/** A key reused for a different action is a caller's bug, not a retry: say so rather than return someone else's update. */
export function sameActionOrConflict(earlier: Update, offered: Update): Update {
  if (earlier.actionId === offered.actionId) return earlier;
  throw new StoreError(
    'conflict',
    `idempotency key ${String(offered.idempotencyKey)} was already used for an update on action ${earlier.actionId}, not ${offered.actionId}`,
  );
}
