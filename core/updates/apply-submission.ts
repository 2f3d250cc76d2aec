import type { Action, ActionFields, Actor, ChangeSource, NewUpdate } from '../model/index.js';
import type { ActionPrecondition } from '../plan/action-precondition.js';
import type { ProgressSubmission } from './progress-submission.js';

export interface AppliedSubmission {
  /** What changes on the action. Empty when only a note was added. */
  patch: Partial<ActionFields>;
  /** Applies only if the fields it touches are still as the lead saw them. */
  precondition: ActionPrecondition;
  update: NewUpdate;
}

/**
 * What a checked submission does: the note becomes an update (with who, when, from where); a new
 * status, a revised date (with its reason) and evidence change the action. The precondition
 * covers only the fields this change touches (and the status, whenever anything changes), so an
 * unrelated edit made meanwhile does not make the lead's update fail, but a status someone else
 * changed — a reviewer's assurance included — is never overwritten or added to unseen.
 */
export function applySubmission(action: Action, submission: ProgressSubmission, context: { actor: Actor; source: ChangeSource; at: string; idempotencyKey: string | null }): AppliedSubmission {
  const patch: Partial<ActionFields> = {};
  const seen: Partial<ActionFields> = {};
  if (submission.status !== action.status) {
    patch.status = submission.status;
    seen.status = action.status;
  }
  const revised = submission.revisedDue !== undefined && submission.revisedDue !== (action.revisions.at(-1)?.date ?? action.due?.date ?? null);
  if (revised && submission.revisedDue !== undefined && submission.revisedReason !== undefined) {
    patch.revisions = [...action.revisions, { date: submission.revisedDue, reason: submission.revisedReason, at: context.at, by: context.actor }];
    seen.revisions = action.revisions;
  }
  if (submission.evidence !== undefined && submission.evidence !== action.evidence) {
    patch.evidence = action.evidence ? `${action.evidence}\n${submission.evidence}` : submission.evidence;
    seen.evidence = action.evidence;
  }
  if (patch.status !== undefined && action.snoozedUntil !== null) patch.snoozedUntil = null;
  // Any change also holds the status still: an action assured (or marked not applicable) while
  // the lead's card was open must not take their new date or evidence after the decision.
  if (Object.keys(patch).length > 0) seen.status = action.status;
  return {
    patch,
    precondition: { unchanged: seen },
    update: {
      actionId: action.id,
      planId: action.planId,
      at: context.at,
      author: context.actor,
      source: context.source,
      note: submission.note,
      status: patch.status ?? null,
      revisedDue: revised && submission.revisedDue !== undefined && submission.revisedReason !== undefined ? { date: submission.revisedDue, reason: submission.revisedReason } : null,
      evidence: submission.evidence ?? null,
      idempotencyKey: context.idempotencyKey,
    },
  };
}
