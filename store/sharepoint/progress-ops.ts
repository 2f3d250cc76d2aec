import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type Action, NewUpdate, type Update } from '../../core/model/index.js';
import { ActionPreconditionInput, preconditionFailure } from '../../core/plan/action-precondition.js';
import type { ActionPatch, RecordedProgress } from '../plan-store.js';
import { StoreError } from '../store-error.js';
import { canonicalInstant, parseInput } from '../validate.js';
import { actionChange } from './action-change.js';
import { auditWriter, landed } from './audit-trail.js';
import { auditedWrite, type Decision, type Seen } from './audited-write.js';
import { actionGeneration, actionOf, auditKeyOf, updateFields } from './item-fields.js';
import type { ListClient, ListWrite } from './lists/list-client.js';
import type { Pacing } from './pacing.js';
import { findPlanRecord } from './plan-writes.js';
import { findUpdateByKey, sameActionOrConflict } from './record-ops.js';

const ProgressChangeInput = z.object({ patch: z.record(z.string(), z.unknown()), expected: ActionPreconditionInput }).nullable();

/**
 * A card or tab submit on the card-submit path, in two round trips: one parallel read (the
 * update's key, the action, its plan), then one `$batch` chain — audit item, action PATCH
 * (`If-Match`), update item — each running only if the one before succeeded.
 *
 * The order is what makes a failure part way safe. The update item is the "done" mark: while
 * its key is absent a repeat of the submit goes on, once present it writes nothing. So it is
 * written last: stopping before it leaves at most the action changed with its audit entry (a
 * complete, audited change) and a repeat then finds the action's FtAuditKey carrying this
 * submit's write id (derived from its key), skips the change and records the update. Writing
 * the update first would make a repeat after a failed action write report "done" for a change
 * that never happened. A conflict is decided before anything is written.
 */
export async function recordProgress(lists: ListClient, pacing: Pacing, updateInput: unknown, changeInput: unknown, byInput: unknown): Promise<RecordedProgress> {
  const parsed = parseInput(NewUpdate, updateInput, 'update');
  const update: Update = { ...parsed, id: randomUUID(), at: canonicalInstant(parsed.at) };
  const change = parseInput(ProgressChangeInput, changeInput, 'progress change');
  const writer = auditWriter(byInput, update.idempotencyKey);
  const patch = change === null ? null : (Object.fromEntries(Object.entries(change.patch).filter(([, value]) => value !== undefined)) as ActionPatch);
  let attempted: Action | null = null;
  return auditedWrite(lists, pacing, `recording an update on action ${update.actionId}`, async (): Promise<Decision<RecordedProgress>> => {
    const [earlier, item, plan] = await Promise.all([
      update.idempotencyKey === null ? null : findUpdateByKey(lists, update.idempotencyKey),
      lists.getByKey('actions', update.actionId),
      findPlanRecord(lists, update.planId),
    ]);
    const current = item === null || plan === null || !plan.committed || plan.generation !== actionGeneration(item) ? null : actionOf(item);
    const seen: Seen | null = item === null ? null : { version: actionOf(item).version, head: auditKeyOf(item) };
    if (earlier !== null) {
      // Ours when an attempt's answer was lost; else recorded before (a double submit, or its twin).
      const repeated = earlier.id !== update.id;
      if (repeated) sameActionOrConflict(earlier, update);
      if (current === null) return { kind: 'refuse', error: new StoreError('not-found', `action ${update.actionId} does not exist`), seen };
      return { kind: 'done', value: { action: repeated || attempted === null ? current : attempted, update: earlier, repeated }, seen };
    }
    if (current === null || item === null || seen === null) return { kind: 'refuse', error: new StoreError('not-found', `action ${update.actionId} does not exist`), seen };
    if (current.planId !== update.planId) return { kind: 'refuse', error: new StoreError('invalid', `action ${update.actionId} belongs to plan ${current.planId}, not ${update.planId}`), seen };
    const create: ListWrite = { kind: 'create', list: 'updates', fields: updateFields(update) };
    // This submit's action write landed before (its answer lost, or a crash before the update): only the update is left.
    if (change === null || patch === null || landed(seen.head, writer.writeId) || holds(current, attempted)) {
      return { kind: 'write', value: { action: attempted ?? current, update, repeated: false }, seen, audit: null, writes: [create] };
    }
    const failure = preconditionFailure(current, change.expected);
    if (failure !== null) return { kind: 'refuse', error: new StoreError('conflict', `action ${current.id} was changed by someone else: ${failure}`), seen };
    const planned = actionChange({ item, action: current }, patch, update.at, writer);
    attempted = planned.next;
    return { kind: 'write', value: { action: planned.next, update, repeated: false }, seen, audit: planned.audit, writes: [planned.write, create] };
  });
}

/** With nothing to audit there is no key to recognise an earlier attempt by: the item holds the version and instant it wrote. */
function holds(current: Action, attempted: Action | null): boolean {
  return attempted !== null && current.version === attempted.version && current.updatedAt === attempted.updatedAt;
}
