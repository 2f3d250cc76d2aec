import { completionOf } from '../assurance/lifecycle-completion.js';
import { decisionRefusal, type Reviewer, type ReviewContext } from '../assurance/lifecycle-decision.js';
import { decisionsFrom, mayDecide, reviewerRight, transitionOf } from '../assurance/lifecycle.js';
import type { ActionContext, AuditEntry, Role, Update } from '../model/index.js';
import { planHeader } from './plan-header.js';
import { rightsFor } from './rights.js';
import type { ActionDetail, DecisionOffer } from './tab-api.js';

export interface ActionDetailInput {
  context: ActionContext;
  /** The action's updates, oldest first. */
  updates: readonly Update[];
  /** The action's audit entries, oldest first (the store's order). */
  audit: readonly AuditEntry[];
  roles: readonly Role[];
  /** Who is looking, as the platform identified them. */
  viewer: Reviewer;
  today: string;
}

/** One action with its history (oldest first, as given), what the caller may do to it, and the decisions open to them. */
export function buildActionDetail(input: ActionDetailInput): ActionDetail {
  const { plan, recommendation, action } = input.context;
  return {
    plan: planHeader(plan),
    recommendation,
    action,
    // Another action's update or trail must never show here, whatever the caller passed.
    updates: input.updates.filter((update) => update.actionId === action.id),
    today: input.today,
    rights: rightsFor(input.viewer.aadObjectId, action, plan, input.roles),
    history: input.audit.filter((entry) => entry.entity === 'action' && entry.entityId === action.id),
    decisions: decisionOffers(input),
  };
}

/**
 * The governance decisions the action's status allows that this viewer's right covers (an
 * editor's decisions are not offered to a reviewer), each with the reason it is refused now —
 * the same rules `decideReview` applies, so an enabled button is one that works.
 */
export function decisionOffers(input: Omit<ActionDetailInput, 'today'>): DecisionOffer[] {
  const { plan, action } = input.context;
  const right = reviewerRight(input.viewer.aadObjectId, plan, input.roles);
  if (right === null) return [];
  const review: ReviewContext = {
    action,
    plan,
    roles: input.roles,
    reviewer: input.viewer,
    completedBy: completionOf(action.id, input.updates, input.audit)?.by ?? null,
  };
  return decisionsFrom(action.status)
    .filter((decision) => mayDecide(right, transitionOf(decision).who))
    .map((decision) => ({ decision, refusal: decisionRefusal(review, decision) }));
}
