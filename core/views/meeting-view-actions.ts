import { completionOf } from '../assurance/lifecycle-completion.js';
import { decisionRefusal, type ReviewContext } from '../assurance/lifecycle-decision.js';
import { type AuditEntry, CLOSED_STATUSES, effectiveDue, type Plan, type Role, type Update } from '../model/index.js';
import { daysBetween } from '../plan/calendar.js';
import { actionRef } from './meeting-view-changes.js';
import type { PlacedAction } from './meeting-view-scope.js';
import type { MeetingAwaiting, MeetingOverdue } from './tab-api.js';

/**
 * Open actions past their effective due date, most overdue first, each with the lead's latest
 * word (their last update's note, whenever it was) and whether it is beyond the plan's
 * escalation threshold — the day the reminder sweep starts telling the plan owner.
 */
export function overdueActions(actions: readonly PlacedAction[], updates: readonly Update[], today: string, escalateAfterDays: number): MeetingOverdue[] {
  const found: MeetingOverdue[] = [];
  for (const placed of actions) {
    const { action } = placed;
    const due = effectiveDue(action);
    if (due === null || CLOSED_STATUSES.includes(action.status)) continue;
    const daysOverdue = daysBetween(due, today);
    if (daysOverdue <= 0) continue;
    const last = latestUpdate(action.id, updates);
    found.push({
      ...actionRef(placed),
      due,
      dueText: action.revisions.length > 0 ? due : (action.due?.text ?? due),
      daysOverdue,
      escalated: daysOverdue >= escalateAfterDays,
      lastUpdate: last === null ? null : { note: last.note, at: last.at, author: last.author },
    });
  }
  // Stable: equally late actions keep plan order.
  return found.sort((a, b) => b.daysOverdue - a.daysOverdue);
}

function latestUpdate(actionId: string, updates: readonly Update[]): Update | null {
  let latest: Update | null = null;
  for (const update of updates) {
    if (update.actionId === actionId && (latest === null || Date.parse(update.at) >= Date.parse(latest.at))) latest = update;
  }
  return latest;
}

export interface AwaitingContext {
  plan: Pick<Plan, 'owner' | 'reviewers' | 'status'>;
  roles: readonly Role[];
  updates: readonly Update[];
  audit: readonly AuditEntry[];
  /** The person looking (Entra object id), or null for a view nobody acts from (an export). */
  viewer: string | null;
}

/**
 * Complete actions awaiting a reviewer, in plan order: the evidence, who recorded the completion
 * and when, and whether the viewer may approve or return each — by the same rules
 * `decideReview` applies, so the buttons offered are the ones that work.
 */
export function awaitingAssurance(actions: readonly PlacedAction[], context: AwaitingContext): MeetingAwaiting[] {
  return actions
    .filter(({ action }) => action.status === 'complete')
    .map((placed) => {
      const { action } = placed;
      const completion = completionOf(action.id, context.updates, context.audit);
      const review: ReviewContext | null =
        context.viewer === null ? null : { action, plan: context.plan, roles: context.roles, reviewer: { aadObjectId: context.viewer, displayName: null }, completedBy: completion?.by ?? null };
      const assureBlocked = review === null ? null : decisionRefusal(review, 'assure');
      return {
        ...actionRef(placed),
        evidence: action.evidence,
        completedBy: completion?.by ?? null,
        completedAt: completion?.at ?? null,
        lastReview: action.review,
        version: action.version,
        canAssure: review !== null && assureBlocked === null,
        canReturn: review !== null && decisionRefusal(review, 'return') === null,
        assureBlocked,
      };
    });
}
