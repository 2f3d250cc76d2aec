import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { NewUpdate, type Update } from '../../core/model/index.js';
import type { RecordedProgress } from '../plan-store.js';
import { StoreError } from '../store-error.js';
import { actionChangeArg, applyActionChange, findAction, type ActionChange } from './action-ops.js';
import { changedByArg } from './arguments.js';
import type { Db } from './open-database.js';
import { inWriteTransaction } from './statements.js';
import { findByIdempotencyKey, sameActionOrConflict } from './update-ops.js';
import { insertUpdateRow } from './update-rows.js';
import { canonicalInstant, parseInput } from './validate.js';

/**
 * A card or tab submit as one transaction: the key is looked up, the action read once, the
 * precondition checked, the row, the audit entry and the update written — or, on any failure,
 * none of them. Nothing written is read back: what was validated is what is stored.
 */
export function recordProgress(db: Db, updateInput: unknown, changeInput: unknown, byInput: unknown): RecordedProgress {
  const parsed = parseInput(NewUpdate, updateInput, 'update');
  const update: Update = { ...parsed, id: randomUUID(), at: canonicalInstant(parsed.at) };
  const change = progressChangeArg(changeInput);
  const by = changedByArg(byInput);
  return inWriteTransaction(db, () => {
    const earlier = update.idempotencyKey === null ? null : findByIdempotencyKey(db, update.idempotencyKey);
    if (earlier) return repeated(db, sameActionOrConflict(earlier, update));
    const current = findAction(db, update.actionId);
    if (!current) throw new StoreError('not-found', `action ${update.actionId} does not exist`);
    if (current.planId !== update.planId) {
      throw new StoreError('invalid', `action ${update.actionId} belongs to plan ${current.planId}, not ${update.planId}`);
    }
    const action = change === null ? current : applyActionChange(db, current, change, update.at, by);
    insertUpdateRow(db, update);
    return { action, update, repeated: false };
  });
}

const ProgressChangeInput = z.object({ patch: z.unknown(), expected: z.unknown() }).nullable();

function progressChangeArg(input: unknown): ActionChange | null {
  const change = parseInput(ProgressChangeInput, input, 'progress change');
  return change === null ? null : actionChangeArg(change.patch, change.expected);
}

/** A double submit: the first one's update and the action as it is now; nothing written. */
function repeated(db: Db, update: Update): RecordedProgress {
  const action = findAction(db, update.actionId);
  if (!action) throw new StoreError('not-found', `action ${update.actionId} does not exist`);
  return { action, update, repeated: true };
}
