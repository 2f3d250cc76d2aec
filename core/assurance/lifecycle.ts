import { z } from 'zod';
import type { ActionStatus, Plan, ReviewOutcome, Role } from '../model/index.js';
import { holdsAnyRole } from '../updates/permissions.js';
import { isPlanEditor } from '../views/rights.js';

/**
 * The action lifecycle (issue 6), in one place so the bot's card, the tab and the CLI agree:
 *
 *   lead, deputy:  not started, in progress, blocked → complete (evidence required)
 *   reviewer:      complete → assured, or returned (→ in progress, with a reason)
 *                  assured  → reopened (→ in progress, recorded as returned, with a reason)
 *   editor:        any action not yet assured → not applicable (with a reason)
 *                  not applicable → reinstated (→ in progress, with a reason)
 *
 * Leads and deputies move an action between the progress statuses (their update form, checked
 * by `progressChangeRefusal`); everything else is a governance decision (`decideReview`).
 */

/** What a reviewer or editor may decide about an action. */
export const ReviewDecision = z.enum(['assure', 'return', 'reopen', 'not-applicable', 'reinstate'], { error: 'Choose a decision.' });
export type ReviewDecision = z.infer<typeof ReviewDecision>;

/** Who may take a decision: any reviewer of the plan, or only its editors. */
export type DecisionMaker = 'reviewer' | 'editor';

export interface Transition {
  decision: ReviewDecision;
  /** The statuses the action may be in for the decision to apply. */
  from: readonly ActionStatus[];
  to: ActionStatus;
  /** What the action's `review` records. */
  outcome: ReviewOutcome;
  who: DecisionMaker;
  reasonRequired: boolean;
  /** The action must carry evidence: assurance means someone saw it. */
  evidenceRequired: boolean;
  /** The lead is told and reminded again: the action is theirs once more. */
  backToLead: boolean;
}

/** Statuses only a governance decision sets or leaves. */
export const GOVERNED_STATUSES: readonly ActionStatus[] = ['assured', 'not-applicable'];

const OPEN_OR_COMPLETE: readonly ActionStatus[] = ['not-started', 'in-progress', 'blocked', 'complete', 'unknown'];

export const LIFECYCLE: readonly Transition[] = [
  { decision: 'assure', from: ['complete'], to: 'assured', outcome: 'assured', who: 'reviewer', reasonRequired: false, evidenceRequired: true, backToLead: false },
  { decision: 'return', from: ['complete'], to: 'in-progress', outcome: 'returned', who: 'reviewer', reasonRequired: true, evidenceRequired: false, backToLead: true },
  // Reopening an assured action is recorded as a return: the lead has it back, with the reason.
  { decision: 'reopen', from: ['assured'], to: 'in-progress', outcome: 'returned', who: 'reviewer', reasonRequired: true, evidenceRequired: false, backToLead: true },
  { decision: 'not-applicable', from: OPEN_OR_COMPLETE, to: 'not-applicable', outcome: 'not-applicable', who: 'editor', reasonRequired: true, evidenceRequired: false, backToLead: false },
  { decision: 'reinstate', from: ['not-applicable'], to: 'in-progress', outcome: 'returned', who: 'editor', reasonRequired: true, evidenceRequired: false, backToLead: true },
];

export function transitionOf(decision: ReviewDecision): Transition {
  const found = LIFECYCLE.find((row) => row.decision === decision);
  if (found === undefined) throw new Error(`no lifecycle row for ${decision}`);
  return found;
}

/** The decisions open for an action in this status (what buttons to offer), in table order. */
export function decisionsFrom(status: ActionStatus): ReviewDecision[] {
  return LIFECYCLE.filter((row) => row.from.includes(status)).map((row) => row.decision);
}

export type ReviewerRight = 'editor' | 'reviewer';

/**
 * May review the plan's actions: a plan editor (holder or deputy of the owner's role), or a
 * holder or deputy of one of the plan's reviewer roles. Leading an action gives no such right.
 */
export function reviewerRight(aadObjectId: string, plan: Pick<Plan, 'owner' | 'reviewers'>, roles: readonly Role[]): ReviewerRight | null {
  if (isPlanEditor(aadObjectId, plan, roles)) return 'editor';
  return holdsAnyRole(aadObjectId, plan.reviewers, roles) ? 'reviewer' : null;
}

/** Whether a person with this right may take a decision made by `who`. */
export function mayDecide(right: ReviewerRight | null, who: DecisionMaker): boolean {
  return right === 'editor' || (right === 'reviewer' && who === 'reviewer');
}

/**
 * Why a progress update (card, tab, chat) may not leave an action that is `from` in status `to`
 * (not yet known: leave it out), or null when it may. Assured and not-applicable are
 * governance's: no progress update sets either, and none touches an action in either — a
 * reviewer reopens or an editor reinstates it first.
 */
export function progressChangeRefusal(from: ActionStatus, to?: ActionStatus): string | null {
  if (from === 'assured') return 'This action has been assured; a reviewer must reopen it before it can be updated.';
  if (from === 'not-applicable') return 'This action is marked not applicable; a plan editor must reinstate it before it can be updated.';
  if (to !== undefined && GOVERNED_STATUSES.includes(to)) return 'Assurance and "not applicable" are decided by a reviewer, not in a progress update.';
  return null;
}

/**
 * Why a plan editor's direct edit (the tab's action form) may not set this status: assured and
 * not-applicable are entered and left only through a recorded decision, with its reviewer and reason.
 */
export function statusEditRefusal(from: ActionStatus, to: ActionStatus): string | null {
  if (from === to) return null;
  if (GOVERNED_STATUSES.includes(from) || GOVERNED_STATUSES.includes(to)) return 'Use a review decision (assure, return, reopen, not applicable, reinstate) for this change.';
  return null;
}
