import type { Action, ActionFields, Actor, ChangedBy, ChangeSource, NewUpdate, Update } from '../model/index.js';
import type { ActionPrecondition } from '../plan/action-precondition.js';
import { applySubmission } from './apply-submission.js';
import { checkSubmission, type FieldErrors } from './progress-submission.js';

/** The two store calls a progress update needs; `PlanStore` has them. */
export interface SubmissionWriter {
  findUpdate(idempotencyKey: string): Promise<Update | null>;
  /** The update, the action's change and its audit entry as one write; a recorded key writes nothing. */
  recordProgress(
    update: NewUpdate,
    change: { patch: Partial<ActionFields>; expected: ActionPrecondition } | null,
    by: ChangedBy,
  ): Promise<{ action: Action; update: Update; repeated: boolean }>;
}

export interface SubmissionContext {
  actor: Actor;
  source: ChangeSource;
  /** The instant stamped on the update and the action. */
  at: string;
  /** The trust's today: a revised date may not be before it. */
  today: string;
  /** One per submit (a card's id, the tab's client key), scoped to the action by the caller. */
  idempotencyKey: string;
}

export type SubmissionOutcome =
  /** Written now: the action as it is after the change, and the update. */
  | { kind: 'recorded'; action: Action; update: Update }
  /** This key was recorded before (a double submit): nothing was written. */
  | { kind: 'repeated'; update: Update }
  /** Refused by the update rules, per input. */
  | { kind: 'invalid'; errors: FieldErrors };

/**
 * A lead's progress update from any door (card, tab), with the card's rules: a key already
 * recorded writes nothing (looked up first, so a double press is answered as a repeat even if
 * its inputs would now be refused); the inputs are checked (`checkSubmission`); the action
 * changes only if the fields the update touches are as the lead saw them (`applySubmission`),
 * in the same store write as the update and its audit entry. A store conflict is thrown for
 * the caller to answer — it may be this submit's twin (on a store that cannot make the whole
 * write atomic), so the caller looks the key up again (`awaitRepeat`) before saying "conflict".
 * Permission is the caller's to check first (`updateRight`).
 */
export async function recordSubmission(writer: SubmissionWriter, action: Action, input: unknown, context: SubmissionContext): Promise<SubmissionOutcome> {
  const earlier = await findRepeat(writer, action.id, context.idempotencyKey);
  if (earlier !== null) return { kind: 'repeated', update: earlier };
  const checked = checkSubmission(input, action, context.today);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  const applied = applySubmission(action, checked.submission, context);
  const change = Object.keys(applied.patch).length > 0 ? { patch: applied.patch, expected: applied.precondition } : null;
  const recorded = await writer.recordProgress(applied.update, change, { actor: context.actor, source: context.source });
  // The twin of a double submit got in between the look-up above and this write.
  if (recorded.repeated) return { kind: 'repeated', update: recorded.update };
  return { kind: 'recorded', action: recorded.action, update: recorded.update };
}

/**
 * After a store conflict: the other press of a double submit may hold the write and still be
 * recording its update (its action write lands first), so look for this key a few times before
 * calling it someone else's change. `pause` is the caller's clock (the core has none).
 */
export async function awaitRepeat(writer: Pick<SubmissionWriter, 'findUpdate'>, actionId: string, idempotencyKey: string, pause: (ms: number) => Promise<void>): Promise<Update | null> {
  for (let attempt = 0; attempt < 4; attempt++) {
    if (attempt > 0) await pause(100);
    const found = await findRepeat(writer, actionId, idempotencyKey);
    if (found !== null) return found;
  }
  return null;
}

/** The update recorded under this key for this action; a key reused for another action is not a repeat. */
export async function findRepeat(writer: Pick<SubmissionWriter, 'findUpdate'>, actionId: string, idempotencyKey: string): Promise<Update | null> {
  const found = await writer.findUpdate(idempotencyKey);
  return found?.actionId === actionId ? found : null;
}
